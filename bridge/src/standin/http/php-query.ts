/**
 * PHP's view of a query string (Slim's getQueryParams() is parse_str()), and the pagination
 * links V8 builds back from it with `urldecode(http_build_query(...))` (fixtures item 27):
 * nested `a[b][c]` keys in first-seen order, values decoded, links not encoded again.
 */
export type PhpValue = string | PhpArray;
export interface PhpArray {
  [key: string]: PhpValue;
}

export function urldecode(value: string): string {
  const plus = value.replace(/\+/g, ' ');
  // PHP's urldecode leaves malformed escapes as they are.
  return plus.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
  });
}

function nextIndex(target: PhpArray): string {
  const numeric = Object.keys(target)
    .filter((key) => /^\d+$/.test(key))
    .map(Number);
  return String(numeric.length === 0 ? 0 : Math.max(...numeric) + 1);
}

export function parseQuery(raw: string): PhpArray {
  const result: PhpArray = {};
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawKey = urldecode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : urldecode(part.slice(eq + 1));
    const open = rawKey.indexOf('[');
    let base = open > 0 ? rawKey.slice(0, open) : rawKey;
    const path: string[] = [];
    if (open > 0) {
      let rest = rawKey.slice(open);
      while (rest.startsWith('[')) {
        const close = rest.indexOf(']');
        if (close < 0) break;
        path.push(rest.slice(1, close));
        rest = rest.slice(close + 1);
      }
      if (path.length === 0) base = rawKey;
    }
    // PHP turns spaces and dots in the top-level name into underscores.
    base = base.replace(/[ .]/g, '_');
    if (base === '') continue;
    if (path.length === 0) {
      result[base] = value;
      continue;
    }
    let target = result;
    const keys = [base, ...path];
    for (let i = 0; i < keys.length - 1; i++) {
      let key = keys[i] as string;
      if (key === '') key = nextIndex(target);
      const existing = target[key];
      if (existing === undefined || typeof existing === 'string') target[key] = {};
      target = target[key] as PhpArray;
    }
    let last = keys[keys.length - 1] as string;
    if (last === '') last = nextIndex(target);
    target[last] = value;
  }
  return result;
}

/** `urldecode(http_build_query($params))`: `a[b]=v` pairs joined by `&`, nothing encoded. */
export function buildLinkQuery(params: PhpArray): string {
  const pairs: string[] = [];
  const walk = (prefix: string, value: PhpValue) => {
    if (typeof value === 'string') pairs.push(`${prefix}=${value}`);
    else for (const [key, inner] of Object.entries(value)) walk(`${prefix}[${key}]`, inner);
  };
  for (const [key, value] of Object.entries(params)) walk(key, value);
  return pairs.join('&');
}
