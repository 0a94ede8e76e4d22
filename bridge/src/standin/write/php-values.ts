import { toNumber } from '../query/collation.js';

/** Thrown where PHP itself would die (a fatal error): the API answers 500. */
export class PhpFatalError extends Error {
  override readonly name = 'PhpFatalError';
}

/** A JSON attribute value as PHP holds it after json_decode and string use. */
export function phpString(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(14)));
  if (typeof value === 'boolean') return value ? '1' : '';
  throw new PhpFatalError('Uncaught TypeError: an array was given where a string was expected');
}

/** PHP's is_numeric. */
export function isNumeric(value: string): boolean {
  return /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/.test(value);
}

/** unformat_number() with the admin's separators (`,` thousands, `.` decimals). */
function unformat(value: string): number {
  return toNumber(value.replace(/,/g, ''));
}

/** fixUpFormatting's `(int)unformat_number($v)`: "abc" is 0, "12.7" is 12. */
export function phpInt(value: string): string {
  return String(Math.trunc(unformat(value)));
}

export function phpFloat(value: string): number {
  return unformat(value);
}

/** How MariaDB returns a number stored in a column of this precision. */
export function columnNumber(value: number, precision: number | undefined): string {
  if (precision !== undefined) return value.toFixed(precision);
  return String(value);
}

/** fixUpFormatting for bools: empty, 'off', 'false', '0', 'no' are false. */
export function phpBool(value: string): '0' | '1' {
  return value === '' || ['off', 'false', '0', 'no'].includes(value) ? '0' : '1';
}

/** PHP's trim(). */
export function phpTrim(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: PHP's trim() strips NUL and vertical tab
  return value.replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '');
}
