import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildStore } from '../../../bridge/src/standin/index.js';
import { type Condition, type FilterOp, runListQuery } from '../../../bridge/src/standin/query/list-query.js';
import type { Row } from '../../../bridge/src/standin/store/row.js';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const store = buildStore({ scale: { accounts: 400, cases: 0, timeEntries: 0 }, seed: 11 }, NOW);
const table = store.table('Accounts');
const accounts = store.module('Accounts');
const field = (name: string) =>
  accounts.byName.get(name) as NonNullable<ReturnType<typeof accounts.byName.get>>;
const live: Row[] = [...table.allRows()];

/** An independent, obviously-correct evaluation: scan everything, compare plainly, sort, slice. */
function oracle(
  conditions: Condition[],
  sortName: string | undefined,
  descending: boolean,
  offset: number,
  limit: number,
) {
  const value = (row: Row, name: string) => (name === 'id' ? row.id : row[name]);
  const test = (row: Row, c: Condition) => {
    const v = value(row, c.field.name);
    if (v === null || v === undefined) return false;
    const a = c.field.name === 'date_modified' ? v : v.toLowerCase();
    const b = c.field.name === 'date_modified' ? c.value : c.value.toLowerCase();
    switch (c.op) {
      case 'eq':
        return a === b;
      case 'neq':
        return a !== b;
      case 'gt':
        return a > b;
      case 'gte':
        return a >= b;
      case 'lt':
        return a < b;
      case 'lte':
        return a <= b;
      default:
        return new RegExp(
          `^${b
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/%/g, '.*')
            .replace(/_/g, '.')}$`,
        ).test(a);
    }
  };
  const rows = live.filter((row) => conditions.every((c) => test(row, c)));
  const key = (row: Row) => (sortName === undefined ? '' : (value(row, sortName) ?? '').toLowerCase());
  rows.sort((x, y) => {
    const c = key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
    return descending ? -c : c;
  });
  return { ids: rows.slice(offset, offset + limit).map((row) => row.id), total: rows.length };
}

const ids = live.map((row) => row.id);
const modified = live.map((row) => row.date_modified as string);
const op = fc.constantFrom<FilterOp>('eq', 'gt', 'gte', 'lt', 'lte');
const condition = fc.oneof(
  fc.record({ field: fc.constant(field('id')), op, value: fc.constantFrom(...ids, '5', 'a', '') }),
  fc.record({
    field: fc.constant(field('date_modified')),
    op,
    value: fc.constantFrom(...modified, '2026-01-01 00:00:00'),
  }),
  fc.record({
    field: fc.constant(field('name')),
    op: fc.constantFrom<FilterOp>('like', 'neq'),
    value: fc.constantFrom('%data%', 'b%', '%ltd'),
  }),
);

describe('list queries answer as a full scan would, while reading only what the page needs', () => {
  it('agrees with a full scan for AND filters on id, date_modified and name, any sort, any page', () => {
    fc.assert(
      fc.property(
        fc.array(condition, { maxLength: 3 }),
        fc.constantFrom(undefined, 'id', 'date_modified', 'name'),
        fc.boolean(),
        fc.nat(60),
        fc.integer({ min: 1, max: 50 }),
        (conditions, sortName, descending, offset, limit) => {
          const sort = sortName === undefined ? undefined : { field: field(sortName), descending };
          const result = runListQuery(table, {
            conditions,
            combinator: 'AND',
            deleted: false,
            sort,
            offset,
            limit,
          });
          const expected = oracle(
            conditions,
            sortName,
            sortName === undefined ? false : descending,
            offset,
            limit,
          );
          expect(result.rows.map((row) => row.id)).toEqual(expected.ids);
          expect(result.total).toBe(expected.total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads only the page for a keyset step (id > last, sort id) and for a cursor read (date_modified >= m, sort date_modified)', () => {
    const sorted = [...ids].sort();
    const keyset = runListQuery(table, {
      conditions: [{ field: field('id'), op: 'gt', value: sorted[100] as string }],
      combinator: 'AND',
      deleted: false,
      sort: { field: field('id'), descending: false },
      offset: 0,
      limit: 25,
    });
    expect(keyset.rows.map((row) => row.id)).toEqual(sorted.slice(101, 126));
    expect(keyset.total).toBe(sorted.length - 101);
    expect(keyset.examined).toBe(25);
    const cursor = runListQuery(table, {
      conditions: [{ field: field('date_modified'), op: 'gte', value: '2026-01-01 00:00:00' }],
      combinator: 'AND',
      deleted: false,
      sort: { field: field('date_modified'), descending: false },
      offset: 0,
      limit: 25,
    });
    expect(cursor.examined).toBe(25);
  });

  it('finishes a busy minute by id, reading only that minute (fixtures item 38)', () => {
    const minutes = new Map<string, number>();
    for (const m of modified) minutes.set(m.slice(0, 16), (minutes.get(m.slice(0, 16)) ?? 0) + 1);
    const [busy, count] = [...minutes].sort((a, b) => b[1] - a[1])[0] as [string, number];
    expect(count).toBeGreaterThan(3);
    const next = new Date(Date.parse(`${busy.replace(' ', 'T')}:00Z`) + 60_000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    const seen: string[] = [];
    let last = '';
    for (;;) {
      const page = runListQuery(table, {
        conditions: [
          { field: field('date_modified'), op: 'gte', value: `${busy}:00` },
          { field: field('date_modified'), op: 'lt', value: next },
          { field: field('id'), op: 'gt', value: last },
        ],
        combinator: 'AND',
        deleted: false,
        sort: { field: field('id'), descending: false },
        offset: 0,
        limit: 2,
      });
      expect(page.examined).toBeLessThanOrEqual(count);
      if (page.rows.length === 0) break;
      seen.push(...page.rows.map((row) => row.id));
      last = page.rows.at(-1)?.id as string;
    }
    expect(seen).toEqual(
      live
        .filter((row) => (row.date_modified as string).startsWith(busy))
        .map((row) => row.id)
        .sort(),
    );
  });

  it('reproduces why offsets are unsafe: a row modified during paging moves and the next one is skipped', () => {
    const local = buildStore({ scale: { accounts: 30, cases: 0, timeEntries: 0 }, seed: 5 }, NOW);
    const t = local.table('Accounts');
    const sort = {
      field: local.module('Accounts').byName.get('date_modified') as Condition['field'],
      descending: false,
    };
    const page = (offset: number) =>
      runListQuery(t, { conditions: [], combinator: 'AND', deleted: false, sort, offset, limit: 10 }).rows;
    const first = page(0);
    const moved = first[3] as Row;
    t.put({ ...moved, date_modified: '2026-11-25 11:59:59' });
    const second = page(10);
    const all = new Set([...first, ...second, ...page(20)].map((row) => row.id));
    expect(all.size).toBeLessThan(30);
  });
});
