/**
 * Renders values as PHP source for the package's generated files. Arrays use `array(...)` with a
 * trailing comma after every element: SuiteCRM's ModuleScanner works on tokens and rejects a
 * variable or a listed function name directly before `]` or `(` (e.g. `['x' => $v]`), which
 * this form can never produce. Use a Map when key order matters and keys may look like
 * integers ('' before '1'): a JavaScript object lists integer-like keys first.
 */
export type PhpValue =
  | string
  | number
  | boolean
  | null
  | readonly PhpValue[]
  | ReadonlyMap<string, PhpValue>
  | { readonly [key: string]: PhpValue };

export function phpString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function phpValue(value: PhpValue, indent = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`no PHP literal for ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return phpString(value);
  const inner = `${indent}    `;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'array()';
    return `array(\n${value.map((item) => `${inner}${phpValue(item, inner)},\n`).join('')}${indent})`;
  }
  const entries =
    value instanceof Map
      ? [...(value as ReadonlyMap<string, PhpValue>).entries()]
      : Object.entries(value as { readonly [key: string]: PhpValue });
  if (entries.length === 0) return 'array()';
  return `array(\n${entries.map(([key, item]) => `${inner}${phpString(key)} => ${phpValue(item, inner)},\n`).join('')}${indent})`;
}

/** `$name['a']['b'] = value;` */
export function phpAssign(variable: string, keys: readonly string[], value: PhpValue): string {
  return `$${variable}${keys.map((key) => `[${phpString(key)}]`).join('')} = ${phpValue(value)};`;
}

/** A whole PHP file: `<?php`, the notice, the body, one final newline. */
export function phpFile(notice: string, body: readonly string[]): string {
  return `<?php\n${notice}\n\n${body.join('\n')}\n`;
}
