import { createHash } from 'node:crypto';

/**
 * A canonical JSON text: object keys sorted by UTF-16 code unit, no whitespace, arrays kept in
 * order, strings and numbers as JSON.stringify writes them. Two documents that differ only in
 * key order or formatting serialise to the same text (and so hash the same).
 * Keys for which `dropKey` answers true are left out at every depth (e.g. `$comment`).
 */
export function canonicalJson(value: unknown, dropKey: (key: string) => boolean = () => false): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item, dropKey)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => item !== undefined && !dropKey(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item, dropKey)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
