import { canonicalJson, sha256Hex } from '../catalogue/canonical-json.js';

/** The store keeps the bridge's one canonical JSON (see catalogue/canonical-json.ts) and its hash. */
export { canonicalJson, sha256Hex };

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
