import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level, so equal content always has equal text and
 * equal hashes whatever order a parser or a caller built the object in. `undefined` members
 * are dropped (as JSON.stringify does); non-finite numbers are refused rather than stored as null.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, '$'));
}

function sortKeys(value: unknown, path: string): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`${path} is ${value}, which JSON cannot hold`);
  }
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, index) => sortKeys(item ?? null, `${path}[${index}]`));
  if (value instanceof Date) return value.toISOString();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) out[key] = sortKeys(member, `${path}.${key}`);
  }
  return out;
}

/** SHA-256 (hex) of the canonical JSON: the content hash kept beside every snapshot. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface CanonicalContent {
  json: string;
  hash: string;
}

export function canonicalContent(value: unknown): CanonicalContent {
  const json = canonicalJson(value);
  return { json, hash: sha256Hex(json) };
}

/** Parses a JSON column (MySQL may hand back a Buffer for binary collations). */
export function parseJsonColumn(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const text = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  return JSON.parse(text);
}
