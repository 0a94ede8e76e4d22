import { createHash } from 'node:crypto';

/**
 * The one canonical JSON of the bridge (the catalogue hash, policy versions, the store's content
 * hashes): object keys sorted by UTF-16 code unit at every level, no whitespace, arrays kept in
 * order, strings and numbers as JSON.stringify writes them. Two documents that differ only in
 * key order or formatting serialise to the same text, and so hash the same. Built as text, never
 * through an intermediate object, so a key such as `__proto__` is kept like any other.
 * `undefined` members are dropped (array items become null, as JSON.stringify does); a Date is its
 * ISO instant; non-finite numbers are refused. Keys for which `dropKey` answers true are left out
 * at every depth (e.g. `$comment`).
 */
export function canonicalJson(value: unknown, dropKey: (key: string) => boolean = () => false): string {
  return write(value, dropKey, '$');
}

function write(value: unknown, dropKey: (key: string) => boolean, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path} is ${value}, which JSON cannot hold`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) =>
      item === undefined ? 'null' : write(item, dropKey, `${path}[${index}]`),
    );
    return `[${items.join(',')}]`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key, item]) => item !== undefined && !dropKey(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${write(item, dropKey, `${path}.${key}`)}`).join(',')}}`;
  }
  throw new TypeError(`${path} is a ${typeof value}, which JSON cannot hold`);
}

/** SHA-256 of a text, in hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
