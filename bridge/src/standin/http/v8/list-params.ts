import { decodeEntities } from '../../encoding/entities.js';
import { virtualValue } from '../../output/attributes.js';
import { toNumber } from '../../query/collation.js';
import { type Condition, FILTER_OPS, type FilterOp, type SortSpec } from '../../query/list-query.js';
import type { ModuleDef } from '../../schema/module-defs.js';
import type { Row } from '../../store/row.js';
import type { StandInStore } from '../../store/stand-in-store.js';
import { checkOptions, invalidOption, isBlank, isObject, ParamsError, wrongType } from './errors.js';

export const DEFAULT_PAGE_SIZE = -99; // BeanManager::DEFAULT_ALL_RECORDS
/** list_max_entries_per_page: what a list without page[size] returns (fixtures item 24). */
export const LIST_MAX_ENTRIES_PER_PAGE = 20;

export interface PageParams {
  size: number;
  number: number;
}

/** The Page option, then PageParams: digits only, both > 0 (captures 43-45). */
export function parsePage(value: unknown): PageParams {
  if (!isObject(value) || Array.isArray(value)) throw wrongType('page', value, 'array');
  for (const item of Object.values(value)) {
    if (isBlank(item) || typeof item !== 'string' || /[^\d]/.test(item)) throw invalidOption('page', value);
  }
  checkOptions(Object.keys(value), ['number', 'size'], []);
  const page: PageParams = { size: DEFAULT_PAGE_SIZE, number: 0 };
  for (const [key, item] of Object.entries(value)) {
    if (Number(item) <= 0) throw invalidOption(key, item);
    if (key === 'size') page.size = Number(item);
    else page.number = Number(item);
  }
  return page;
}

const USER_RELATE: Record<string, string> = {
  assigned_user_name: 'assigned_user_id',
  created_by_name: 'created_by',
  modified_by_name: 'modified_user_id',
};

/** The Sort option: one field, `-` for descending (captures 56-61). */
export function parseSort(value: unknown, module: ModuleDef, store: StandInStore): SortSpec {
  if (typeof value !== 'string') throw wrongType('sort', value, 'string');
  if (isBlank(value) || /[^\w-]/.test(value)) throw invalidOption('sort', value);
  const descending = value.startsWith('-');
  const name = descending ? value.replace(/^-+/, '') : value;
  const field = module.byName.get(name);
  if (!field) throw new ParamsError(`Sort field ${name} in ${module.objectName} module is not found`);
  const spec: SortSpec = { field, descending };
  if (field.storage === 'non-db') {
    // Relate fields sort through their join; the stand-in looks the names up the same way it shows them.
    if (USER_RELATE[name] || (module.name === 'Cases' && name === 'account_name')) {
      spec.valueFor = (row: Row) => virtualValue(store, module, field, row);
    } else spec.nonDb = true;
  }
  return spec;
}

export interface ParsedFilter {
  conditions: Condition[];
  combinator: 'AND' | 'OR';
  deleted: boolean;
}

function checkOperator(op: string): void {
  if (![...FILTER_OPS, 'and', 'or'].includes(op.toLowerCase())) {
    throw new ParamsError(`Filter operator ${op} is invalid`);
  }
}

/** Api\V8\JsonApi\Repository\Filter::parseWhere (fixtures item 21, captures 47-55). */
export function parseFilter(value: unknown, module: ModuleDef): ParsedFilter {
  if (!isObject(value) || Array.isArray(value)) throw wrongType('filter', value, 'array');
  if (isBlank(value)) throw invalidOption('filter', value);
  const params = { ...value };
  let combinator: 'AND' | 'OR' = 'AND';
  if (params.operator !== undefined) {
    const operator = String(params.operator);
    checkOperator(operator);
    combinator = operator.toUpperCase() === 'OR' ? 'OR' : 'AND';
    delete params.operator;
  }
  let deleted = false;
  if (params.deleted !== undefined) {
    const eq = isObject(params.deleted) ? params.deleted.eq : undefined;
    if (eq !== undefined) deleted = typeof eq === 'string' && toNumber(eq) === 1 && /^\s*[\d.]/.test(eq);
    delete params.deleted;
  }
  const conditions: Condition[] = [];
  for (const [name, expression] of Object.entries(params)) {
    const field = module.byName.get(name);
    if (!field) throw new ParamsError(`Filter field ${name} in ${module.objectName} module is not found`);
    if (!isObject(expression) || Array.isArray(expression)) {
      throw new ParamsError(`Filter field ${name} must be an array`);
    }
    for (const [op, operand] of Object.entries(expression)) {
      checkOperator(op);
      // The value goes through DBManager::quoted(), which runs from_html() on it.
      const text = decodeEntities(typeof operand === 'string' ? operand : describeOperand(operand));
      conditions.push({ field, op: op.toLowerCase() as FilterOp | 'and' | 'or', value: text } as Condition);
    }
  }
  return { conditions, combinator, deleted };
}

function describeOperand(operand: unknown): string {
  return isObject(operand) ? 'Array' : String(operand ?? '');
}

/** The Fields option: `fields[X]=a,b`, validated against module X, applied to the listed module. */
export function parseFields(
  value: unknown,
  resolveModule: (name: string) => ModuleDef | undefined,
): string[] {
  if (!isObject(value) || Array.isArray(value)) throw wrongType('fields', value, 'array');
  for (const item of Object.values(value)) {
    if (isBlank(item) || typeof item !== 'string' || /[^\w\-,]/.test(item))
      throw invalidOption('fields', value);
  }
  const [key, list] = Object.entries(value)[0] as [string, string];
  const module = resolveModule(key);
  if (!module) throw new ParamsError(`Module ${key} does not exist`);
  const fields = list.split(',');
  const invalid = fields.filter((field) => !module.byName.has(field));
  if (invalid.length > 0) {
    const many = invalid.length > 1;
    throw new ParamsError(
      `The following field${many ? 's' : ''} in ${module.objectName} module ${many ? 'are' : 'is'} not found: ${invalid.join(', ')}`,
    );
  }
  return fields;
}
