/**
 * Decimal rounding the way MySQL stores a DECIMAL(len, precision): from the number's shortest
 * decimal text (what PHP 8 writes into the SQL for a float it got from JSON), half away from
 * zero. Binary tricks such as `toFixed` round 1.005 down to 1.00; MySQL stores 1.01.
 */

/** The number as a plain decimal text, without exponent (`1e-7` → `0.0000001`). */
function plainDecimal(value: number): { negative: boolean; digits: string; pointAt: number } {
  const text = String(Math.abs(value));
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new RangeError(`not a finite number: ${value}`);
  const whole = match[1] as string;
  const fraction = match[2] ?? '';
  const exponent = Number(match[3] ?? '0');
  return { negative: value < 0, digits: whole + fraction, pointAt: whole.length + exponent };
}

/** `decimalText(1.005, 2)` = `"1.01"`, `decimalText(-2.5, 0)` = `"-3"`, `decimalText(12.5, 2)` = `"12.50"`. */
export function decimalText(value: number, precision: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const { negative, digits, pointAt } = plainDecimal(value);
  // Pad so the point sits inside the digit string with `precision + 1` digits after it.
  let padded = digits;
  let point = pointAt;
  if (point < 1) {
    padded = '0'.repeat(1 - point) + padded;
    point = 1;
  }
  const wanted = point + precision + 1;
  if (padded.length < wanted) padded += '0'.repeat(wanted - padded.length);
  const kept = padded.slice(0, point + precision);
  const next = padded.charCodeAt(point + precision) - 48;
  let rounded = kept;
  if (next >= 5) {
    // Add one unit in the last kept place, carrying left.
    const chars = kept.split('');
    let i = chars.length - 1;
    while (i >= 0) {
      if (chars[i] === '9') {
        chars[i] = '0';
        i--;
      } else {
        chars[i] = String.fromCharCode((chars[i] as string).charCodeAt(0) + 1);
        break;
      }
    }
    rounded = (i < 0 ? '1' : '') + chars.join('');
    if (i < 0) point += 1;
  }
  let whole = rounded.slice(0, point).replace(/^0+(?=\d)/, '');
  if (whole === '') whole = '0';
  const fraction = rounded.slice(point);
  const body = precision > 0 ? `${whole}.${fraction}` : whole;
  const isZero = /^[0.]*$/.test(body);
  return negative && !isZero ? `-${body}` : body;
}

/** The stored value as a number (`roundDecimal(1.005, 2)` = 1.01); never -0. */
export function roundDecimal(value: number, precision: number): number {
  const rounded = Number(decimalText(value, precision));
  return rounded === 0 ? 0 : rounded;
}
