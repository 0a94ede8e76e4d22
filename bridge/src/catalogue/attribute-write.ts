import { BridgeError } from '../errors/bridge-error.js';
import { parseIsoDate } from '../iso/day-number.js';
import { type AttributeValue, type FieldSpec, type PatchValue, parseAttribute } from './attribute-codec.js';
import { decimalText, roundDecimal } from './decimal-text.js';

/**
 * The write side of the attribute conversions: what to PATCH for a typed value, and what
 * SuiteCRM will then hold and read back, so the bridge compares like with like and sends only
 * what differs.
 */
function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** UTC `Y-m-d H:i:s`, the only datetime form SuiteCRM's PATCH stores exactly whatever the user's time zone. */
export function formatSuiteDateTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** UTC ISO with `+00:00` and the seconds zeroed: how V8 reads a stored datetime back (fixtures item 17). */
export function formatSuiteIsoMinute(ms: number): string {
  const minute = Math.floor(ms / 60_000) * 60_000;
  const d = new Date(minute);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00+00:00`;
}

function invalid(field: string, value: unknown, expected: string): never {
  throw new BridgeError('internal', `cannot write ${field}: ${JSON.stringify(value)} is not ${expected}`, {
    details: { field },
  });
}

const SCRIPT_ELEMENT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;

/** Characters SuiteCRM's save stores entity-encoded (only `&` in the database; see `encodeForOutput`). */
function storedLength(text: string): number {
  let length = 0;
  for (const char of text) length += char === '&' ? 5 : 1;
  return length;
}

/**
 * What SuiteCRM keeps of a text value: its sanitiser drops `<script>` elements (capture 138), and a
 * varchar column keeps `len` characters of the stored form, in which `&` is `&amp;`. Other
 * sanitiser rules are not modelled: text the bridge writes should hold no HTML.
 */
export function storedText(text: string, spec: FieldSpec): string {
  let kept = text;
  for (let before = ''; before !== kept; ) {
    before = kept;
    kept = kept.replace(SCRIPT_ELEMENT, '');
  }
  if (spec.type === 'varchar' && spec.len !== undefined && storedLength(kept) > spec.len) {
    let length = 0;
    let cut = '';
    for (const char of kept) {
      length += char === '&' ? 5 : 1;
      if (length > spec.len) break;
      cut += char;
    }
    kept = cut;
  }
  return kept;
}

/**
 * The attribute value to PATCH for a typed value: datetimes as UTC `Y-m-d H:i:s`, decimals as JSON
 * numbers rounded as the column will store them, checkboxes as JSON booleans, and `""` for blank
 * (JSON null is ignored by PATCH). Throws on a value of the wrong type: that is a bug in the caller.
 */
export function toPatchValue(field: string, spec: FieldSpec, value: unknown): PatchValue {
  if (value === null) return '';
  switch (spec.type) {
    case 'bool':
      if (typeof value !== 'boolean') invalid(field, value, 'a boolean');
      return value;
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) invalid(field, value, 'a whole number');
      return value;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) invalid(field, value, 'a finite number');
      return roundDecimal(value, spec.precision ?? 0);
    case 'date':
      if (typeof value !== 'string' || parseIsoDate(value) === undefined)
        invalid(field, value, 'a YYYY-MM-DD date');
      return value;
    case 'datetime':
    case 'datetimecombo':
      if (typeof value !== 'number' || !Number.isFinite(value)) invalid(field, value, 'epoch milliseconds');
      return formatSuiteDateTime(value);
    case 'enum':
    case 'varchar':
    case 'text':
    case 'name':
    case 'id':
      if (typeof value !== 'string') invalid(field, value, 'a string');
      return spec.type === 'varchar' ? storedText(value, spec) : value;
  }
}

const OUTPUT_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#039;',
};

/**
 * The raw attribute string V8 returns after a value was stored (fixtures items 15, 17, 37;
 * captures 138-139): blank `""`, checkboxes `"0"`/`"1"`, decimals with all their places, datetimes
 * to the minute, varchar/enum/name with `& < > " '` encoded, text with `& < >` encoded.
 */
export function storedAttribute(field: string, spec: FieldSpec, value: unknown): string {
  const patch = toPatchValue(field, spec, value);
  if (patch === '') return '';
  switch (spec.type) {
    case 'bool':
      return patch === true ? '1' : '0';
    case 'int':
      return String(patch);
    case 'decimal':
      return decimalText(patch as number, spec.precision ?? 0);
    case 'date':
    case 'id':
      return patch as string;
    case 'datetime':
    case 'datetimecombo':
      return formatSuiteIsoMinute(value as number);
    case 'text':
      return storedText(patch as string, spec).replace(/[&<>]/g, (char) => OUTPUT_ENTITIES[char] as string);
    case 'enum':
    case 'varchar':
    case 'name':
      return storedText(patch as string, spec).replace(/[&<>"']/g, (char) => OUTPUT_ENTITIES[char] as string);
  }
}

/** The typed value the next read will give after `value` is stored: compare this, not what was sent. */
export function normaliseStoredValue(field: string, spec: FieldSpec, value: unknown): AttributeValue {
  const result = parseAttribute(field, spec, storedAttribute(field, spec, value));
  if (!result.ok)
    throw new BridgeError(
      'internal',
      `stored form of ${field} does not read back: ${result.problem.message}`,
    );
  return result.value;
}
