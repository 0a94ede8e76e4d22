import { BridgeError } from '../errors/bridge-error.js';

/**
 * Query strings for V8 lists. We build every URL ourselves and never follow the server's
 * pagination links: they are relative, lack `/Api/`, and are not URL-encoded (fixtures
 * README item 27), so a value with `&` or `%` breaks them.
 *
 * Keys keep their literal brackets (`filter[date_modified][gte]`) as SuiteCRM's own examples
 * do; PHP decodes encoded brackets too (capture 129). Values are percent-encoded, keeping
 * `:` and `,` readable in logs (PHP decodes those either way).
 */
export type QueryPairs = ReadonlyArray<readonly [string, string]>;

export const FILTER_OPERATORS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'like'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * `{ status: { neq: 'Closed' } }` → `filter[status][neq]=Closed`. Conditions are ANDed; the
 * global `filter[operator]=or` is deliberately not offered: it would turn the keyset
 * conditions the readers add into alternatives and lose rows.
 */
export type FilterSpec = Readonly<Record<string, Readonly<Partial<Record<FilterOperator, string>>>>>;

export function filterPairs(filter: FilterSpec | undefined): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (!filter) return pairs;
  for (const [field, conditions] of Object.entries(filter)) {
    for (const operator of FILTER_OPERATORS) {
      const value = conditions[operator];
      if (value !== undefined) pairs.push([`filter[${field}][${operator}]`, value]);
    }
  }
  return pairs;
}

function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

function encodeKey(key: string): string {
  return encodeValue(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

export function buildQuery(pairs: QueryPairs): string {
  if (pairs.length === 0) return '';
  return `?${pairs.map(([key, value]) => `${encodeKey(key)}=${encodeValue(value)}`).join('&')}`;
}

/** A path segment (module name, id, link name), encoded so no value can change the route. */
export function segment(value: string): string {
  // An empty id makes `.../Accounts//relationships/cases`, which Slim answers 404 (capture 73).
  if (value === '')
    throw new BridgeError('invalid_request', 'an empty module name, id or link name was passed');
  return encodeURIComponent(value);
}
