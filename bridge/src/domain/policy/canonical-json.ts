/**
 * JSON with object keys sorted at every level, so two documents that mean the same thing hash
 * the same whatever order a person wrote their keys in. Arrays keep their order (plan order is
 * the dropdown order; set-like lists are normalised by the policy schema).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = sortKeys(item);
    }
    return out;
  }
  return value;
}
