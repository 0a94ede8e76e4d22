import type { ValueKind } from '../schema/field-def.js';

/**
 * How MariaDB compares column values with SuiteCRM's default collation (utf8_general_ci):
 * strings without regard to case, accents or trailing spaces; numbers as numbers (a string
 * that is not a number counts as 0); datetimes as `Y-m-d H:i:s` strings. NULL never compares.
 */
const collationCache = new Map<string, string>();

export function collate(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return value.toLowerCase().trimEnd();
  let key = collationCache.get(value);
  if (key === undefined) {
    key = value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trimEnd();
    if (collationCache.size > 10_000) collationCache.clear();
    collationCache.set(value, key);
  }
  return key;
}

/** MySQL's string-to-number conversion: the longest numeric prefix, else 0. */
export function toNumber(value: string): number {
  const match = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(value);
  return match ? Number(match[0]) : 0;
}

/**
 * A filter value as the column compares it. Datetimes: MariaDB reads the leading
 * `Y-m-d[ T]H:i[:s]` and ignores the rest, offsets included (fixtures item 19).
 */
export function normalizeFilterValue(kind: ValueKind, value: string): string {
  if (kind === 'datetime' || kind === 'date') {
    const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?/.exec(value);
    if (!match) return value;
    const pad = (part: string | undefined) => (part ?? '0').padStart(2, '0');
    const date = `${match[1]}-${pad(match[2])}-${pad(match[3])}`;
    if (kind === 'date' && match[4] === undefined) return date;
    return `${date} ${pad(match[4])}:${pad(match[5])}:${pad(match[6])}`;
  }
  return value;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares a stored value with a (normalised) value of the same column. */
export function compareColumn(kind: ValueKind, stored: string, other: string): number {
  switch (kind) {
    case 'int':
    case 'float':
    case 'bool':
      return Math.sign(toNumber(stored) - toNumber(other));
    case 'datetime':
      return compareStrings(stored, other);
    case 'date':
      // A date column against a datetime value compares as a datetime at midnight.
      return other.length > 10 ? compareStrings(`${stored} 00:00:00`, other) : compareStrings(stored, other);
    default:
      return compareStrings(collate(stored), collate(other));
  }
}

/** SQL LIKE with `%` and `_` (and `\` escaping them), under the same collation. */
export function likeMatcher(pattern: string): (value: string) => boolean {
  let source = '';
  const collated = collate(pattern);
  for (let i = 0; i < collated.length; i++) {
    const c = collated[i] as string;
    if (c === '\\' && i + 1 < collated.length) {
      source += (collated[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (c === '%') source += '[\\s\\S]*';
    else if (c === '_') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const regex = new RegExp(`^${source}$`, 'u');
  return (value) => regex.test(collate(value));
}
