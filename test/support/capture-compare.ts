/**
 * Compares a stand-in answer with a captured one: status, media type, the headers that carry a
 * quirk, and the body, value for value where the seed makes the values knowable, otherwise
 * shape for shape (same keys, same kinds of value).
 */
export type CompareMode = 'exact' | 'ids-as-set' | 'shape';

export interface CompareOptions {
  mode: CompareMode;
  /** Attribute or member names whose values are compared by kind only (times the lab changed, tokens...). */
  volatile: ReadonlySet<string>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The kind of a value, for shape comparisons. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return Object.keys(value as object).length === 0 ? '{}' : 'object';
  if (typeof value !== 'string') return typeof value;
  if (value === '') return 'empty';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+00:00$/.test(value)) return 'datetime-minute';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  if (/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/.test(value)) return 'jwt';
  if (/^def50200[0-9a-f]+$/.test(value)) return 'refresh-token';
  return 'text';
}

function isCustom(key: string): boolean {
  return key.endsWith('_c');
}

const STRING_KINDS = new Set(['empty', 'text', 'datetime-minute', 'date']);

/**
 * In shape mode two different records are compared: a field may be empty in one and set in
 * the other, but a set value must be of the same kind (a datetime stays a minute datetime).
 */
function compatibleKinds(a: string, b: string): boolean {
  if (a === b) return true;
  return STRING_KINDS.has(a) && STRING_KINDS.has(b) && (a === 'empty' || b === 'empty');
}

/** Member names whose string values hold ids or links built from ids. */
const ID_BEARING = new Set(['id', 'related', 'self', 'first', 'prev', 'next', 'last']);

export function compareJson(expected: unknown, actual: unknown, options: CompareOptions): string[] {
  const problems: string[] = [];
  const walk = (exp: unknown, act: unknown, at: string, key: string, inShape: boolean) => {
    // In shape mode the records (and the links, which name them) are compared by shape only.
    const shape = inShape || (options.mode === 'shape' && (at === '$.data' || at === '$.links'));
    if (options.volatile.has(key) || kindOf(exp) === 'jwt' || kindOf(exp) === 'refresh-token') {
      if (kindOf(exp) !== kindOf(act))
        problems.push(`${at}: expected a ${kindOf(exp)}, got ${JSON.stringify(act)}`);
      return;
    }
    if (exp === null || typeof exp !== 'object') {
      if (shape && typeof exp === 'string' && typeof act === 'string') {
        const masked = (s: string) => s.replace(UUID, '<id>');
        const same = ID_BEARING.has(key)
          ? masked(exp) === masked(act)
          : compatibleKinds(kindOf(exp), kindOf(act));
        if (!same)
          problems.push(
            `${at}: expected ${JSON.stringify(exp)} (${kindOf(exp)}), got ${JSON.stringify(act)}`,
          );
        return;
      }
      if (exp !== act) problems.push(`${at}: expected ${JSON.stringify(exp)}, got ${JSON.stringify(act)}`);
      return;
    }
    if (Array.isArray(exp)) {
      if (!Array.isArray(act)) {
        problems.push(`${at}: expected an array, got ${JSON.stringify(act)?.slice(0, 80)}`);
        return;
      }
      if (exp.length !== act.length) {
        problems.push(`${at}: expected ${exp.length} items, got ${act.length}`);
        return;
      }
      let expItems = exp;
      let actItems = act;
      if (options.mode === 'ids-as-set' && at === '$.data') {
        const byId = (a: unknown, b: unknown) =>
          String((a as { id?: unknown }).id).localeCompare(String((b as { id?: unknown }).id));
        expItems = [...exp].sort(byId);
        actItems = [...act].sort(byId);
      }
      expItems.forEach((item, i) => {
        walk(item, actItems[i], `${at}[${i}]`, key, shape);
      });
      return;
    }
    if (act === null || typeof act !== 'object' || Array.isArray(act)) {
      problems.push(`${at}: expected an object, got ${JSON.stringify(act)?.slice(0, 80)}`);
      return;
    }
    const expKeys = Object.keys(exp);
    const actKeys = Object.keys(act);
    const missing = expKeys.filter((k) => !actKeys.includes(k));
    const extra = actKeys.filter((k) => !expKeys.includes(k));
    if (missing.length > 0 || extra.length > 0) {
      problems.push(`${at}: keys differ, missing [${missing.join(', ')}], extra [${extra.join(', ')}]`);
      return;
    }
    // Custom fields come in fields_meta_data order, which Studio reshuffles: only core keys keep their order.
    const order = (keys: string[]) => keys.filter((k) => !isCustom(k)).join(',');
    if (order(expKeys) !== order(actKeys)) problems.push(`${at}: key order differs: ${order(actKeys)}`);
    for (const k of expKeys) {
      walk((exp as Record<string, unknown>)[k], (act as Record<string, unknown>)[k], `${at}.${k}`, k, shape);
    }
  };
  walk(expected, actual, '$', '', false);
  return problems;
}
