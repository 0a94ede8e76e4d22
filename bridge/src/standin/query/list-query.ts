import type { FieldDef } from '../schema/field-def.js';
import { Prng } from '../seed/prng.js';
import { compareById, type ModuleTable } from '../store/module-table.js';
import { idKey, type Row } from '../store/row.js';
import type { SortedIndex } from '../store/sorted-index.js';
import { compareColumn, likeMatcher, normalizeFilterValue, toNumber } from './collation.js';

/** `and`/`or` are accepted as field operators too (they are constants of the Filter class) and make SQL booleans. */
export type FilterOp = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'like' | 'and' | 'or';
export const FILTER_OPS: readonly FilterOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like'];

export interface Condition {
  field: FieldDef;
  op: FilterOp;
  value: string;
}

export interface SortSpec {
  field: FieldDef;
  descending: boolean;
  /** For relate fields (assigned_user_name...): the value to sort by. */
  valueFor?: (row: Row) => string | null;
  /** A non-db field SQL cannot order by. */
  nonDb?: boolean;
}

export interface ListQuery {
  conditions: Condition[];
  combinator: 'AND' | 'OR';
  /** List soft-deleted rows instead of live ones (`filter[deleted][eq]=1`). */
  deleted: boolean;
  sort: SortSpec | undefined;
  offset: number;
  /** -1: no limit. */
  limit: number;
  /** Restrict to these rows (a relationship's related records) instead of the whole table. */
  within?: Row[];
  /**
   * Without a sort, MySQL returns rows in no stable order and offset paging loses and repeats
   * rows (fixtures item 28). Given a seed, unsorted results come in an order that changes with
   * it; without one they come in id order, as InnoDB usually gives them.
   */
  unstableSeed?: number;
}

export interface ListResult {
  rows: Row[];
  total: number;
  /** How many rows the query looked at: the cost the stand-in promises to keep near the page size. */
  examined: number;
}

type Predicate = (row: Row) => boolean;

function predicate(condition: Condition): Predicate {
  const { field, op } = condition;
  const name = field.name;
  const value = normalizeFilterValue(field.kind, condition.value);
  if (op === 'and' || op === 'or') {
    // `col AND 'x'`: MySQL's boolean of two numbers.
    const operand = toNumber(condition.value) !== 0;
    return (row) => {
      const stored = row[name];
      if (stored === null || stored === undefined) return op === 'or' && operand;
      const own = toNumber(stored) !== 0;
      return op === 'and' ? own && operand : own || operand;
    };
  }
  if (op === 'like') {
    const matches = likeMatcher(condition.value);
    return (row) => {
      const stored = row[name];
      return stored !== null && stored !== undefined && matches(stored);
    };
  }
  const test: (c: number) => boolean =
    op === 'eq'
      ? (c) => c === 0
      : op === 'neq'
        ? (c) => c !== 0
        : op === 'gt'
          ? (c) => c > 0
          : op === 'gte'
            ? (c) => c >= 0
            : op === 'lt'
              ? (c) => c < 0
              : (c) => c <= 0;
  return (row) => {
    const stored = name === 'id' ? row.id : row[name];
    return stored !== null && stored !== undefined && test(compareColumn(field.kind, stored, value));
  };
}

/** NULLs first, like MySQL's ascending order. */
function sortComparator(sort: SortSpec): (a: Row, b: Row) => number {
  const { field, descending } = sort;
  const valueFor =
    sort.valueFor ?? ((row: Row) => (field.name === 'id' ? row.id : (row[field.name] ?? null)));
  const direction = descending ? -1 : 1;
  return (a, b) => {
    const va = valueFor(a);
    const vb = valueFor(b);
    let c: number;
    if (va === null || vb === null) c = va === vb ? 0 : va === null ? -1 : 1;
    else c = compareColumn(field.kind, va, vb);
    // MySQL leaves ties in no particular order; the stand-in breaks them by id so a plan never changes a result.
    return direction * (c || compareById(a, b));
  };
}

interface IndexRange {
  index: SortedIndex;
  from: number;
  to: number;
  order: 'id' | 'date_modified';
}

/** The [from, to) range of an ordered index that satisfies the range conditions on its column. */
function indexRange(table: ModuleTable, column: 'id' | 'date_modified', conditions: Condition[]): IndexRange {
  const index = column === 'id' ? table.byId : table.byModified;
  const keyOf = column === 'id' ? (row: Row) => idKey(row.id) : (row: Row) => row.date_modified ?? '';
  const probe = (target: string) => (row: Row) => {
    const key = keyOf(row);
    return key < target ? -1 : key > target ? 1 : 0;
  };
  // Rows without a value never match a comparison.
  let from = column === 'date_modified' ? index.upperBound(probe('')) : 0;
  let to = index.size;
  for (const { op, value, field } of conditions) {
    const target = column === 'id' ? idKey(value) : normalizeFilterValue(field.kind, value);
    if (op === 'eq' || op === 'gte') from = Math.max(from, index.lowerBound(probe(target)));
    if (op === 'gt') from = Math.max(from, index.upperBound(probe(target)));
    if (op === 'eq' || op === 'lte') to = Math.min(to, index.upperBound(probe(target)));
    if (op === 'lt') to = Math.min(to, index.lowerBound(probe(target)));
  }
  return { index, from, to: Math.max(from, to), order: column };
}

const RANGE_OPS = new Set<FilterOp>(['eq', 'gt', 'gte', 'lt', 'lte']);

function isIdRange(condition: Condition): boolean {
  return condition.field.name === 'id' && RANGE_OPS.has(condition.op);
}

function isModifiedRange(condition: Condition): boolean {
  // Only values that normalise to a full datetime keep the index and the comparison in step.
  return (
    condition.field.name === 'date_modified' &&
    RANGE_OPS.has(condition.op) &&
    /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(normalizeFilterValue('datetime', condition.value))
  );
}

function slice(rows: Row[], offset: number, limit: number): Row[] {
  return limit < 0 ? rows.slice(offset) : rows.slice(offset, offset + limit);
}

/**
 * Runs a filtered, sorted, paged list query. Plans like a database with indexes on id,
 * date_modified and the foreign keys: it takes the narrowest index range the AND-ed conditions
 * allow, streams the page straight out of the index when the order matches and nothing else
 * filters, and otherwise examines only the rows of that range. OR filters and filters on
 * other columns scan, as they would in MariaDB without an index.
 */
export function runListQuery(table: ModuleTable, query: ListQuery): ListResult {
  const { conditions, sort } = query;
  const wantedOrder: 'id' | 'date_modified' | 'other' =
    sort === undefined || (sort.field.name === 'id' && !sort.valueFor)
      ? 'id'
      : sort.field.name === 'date_modified' && !sort.valueFor
        ? 'date_modified'
        : 'other';
  const descending = sort?.descending ?? false;

  let candidates: Row[] | undefined;
  let range: IndexRange | undefined;
  let residual: Condition[] = conditions;

  if (query.deleted) candidates = [...table.deleted];
  else if (query.within) candidates = query.within;
  else if (query.combinator === 'AND' || conditions.length <= 1) {
    const options: { size: number; take: () => void }[] = [];
    const idConditions = conditions.filter(isIdRange);
    const modifiedConditions = conditions.filter(isModifiedRange);
    const idRange = indexRange(table, 'id', idConditions);
    options.push({
      size: idRange.to - idRange.from + (wantedOrder === 'id' ? 0 : 0.5),
      take: () => {
        range = idRange;
        residual = conditions.filter((c) => !isIdRange(c));
      },
    });
    if (modifiedConditions.length > 0) {
      const modifiedRange = indexRange(table, 'date_modified', modifiedConditions);
      options.push({
        size: modifiedRange.to - modifiedRange.from + (wantedOrder === 'date_modified' ? 0 : 0.5),
        take: () => {
          range = modifiedRange;
          residual = conditions.filter((c) => !isModifiedRange(c));
        },
      });
    }
    for (const condition of conditions) {
      const index = table.foreignKeys.get(condition.field.name);
      if (!index || condition.op !== 'eq') continue;
      const rows = [...(index.get(idKey(condition.value)) ?? [])];
      options.push({
        size: rows.length + 0.5,
        take: () => {
          candidates = rows;
          residual = conditions.filter((c) => c !== condition);
        },
      });
    }
    options.sort((a, b) => a.size - b.size);
    options[0]?.take();
  } else {
    range = indexRange(table, 'id', []);
  }

  const predicates = residual.map(predicate);
  const matches: Predicate =
    predicates.length === 0
      ? () => true
      : query.combinator === 'OR'
        ? (row) => predicates.some((p) => p(row))
        : (row) => predicates.every((p) => p(row));

  if (sort === undefined && query.unstableSeed !== undefined) {
    const pool = candidates ?? (range ? [...range.index.range(range.from, range.to)] : []);
    const selected = pool.filter(matches);
    const random = new Prng(query.unstableSeed);
    for (let i = selected.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [selected[i], selected[j]] = [selected[j] as Row, selected[i] as Row];
    }
    return {
      rows: slice(selected, query.offset, query.limit),
      total: selected.length,
      examined: pool.length,
    };
  }

  // Fast paths: the range is already in the wanted order.
  if (range && range.order === wantedOrder) {
    const { index, from, to } = range;
    if (predicates.length === 0) {
      const total = to - from;
      const start = descending
        ? Math.max(from, to - query.offset - (query.limit < 0 ? total : query.limit))
        : from + query.offset;
      const end = descending
        ? to - query.offset
        : query.limit < 0
          ? to
          : Math.min(to, from + query.offset + query.limit);
      const rows = start < end ? [...index.range(start, end, descending)] : [];
      return { rows, total, examined: rows.length };
    }
    const page: Row[] = [];
    let total = 0;
    for (const row of index.range(from, to, descending)) {
      if (!matches(row)) continue;
      if (total >= query.offset && (query.limit < 0 || page.length < query.limit)) page.push(row);
      total++;
    }
    return { rows: page, total, examined: to - from };
  }

  const pool = candidates ?? (range ? [...range.index.range(range.from, range.to)] : []);
  const selected = pool.filter(matches);
  selected.sort(sort ? sortComparator(sort) : compareById);
  return { rows: slice(selected, query.offset, query.limit), total: selected.length, examined: pool.length };
}
