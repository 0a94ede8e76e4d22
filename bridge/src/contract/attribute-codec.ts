import { decodeHTMLStrict } from 'entities';
import { z } from 'zod';
import { parseInstant } from '../domain/calendar/iso-instant.js';
import { parseIsoDate } from '../domain/calendar/local-date.js';
import { BridgeError } from '../errors/bridge-error.js';
import type { AttributeType, ModuleName, Writer } from './catalogue-schema.js';
import { decimalText, roundDecimal } from './decimal-text.js';

/**
 * Conversions between SuiteCRM's V8 attributes and typed values, for every attribute type the
 * catalogue uses. The generated per-module files (`generated/*.generated.ts`) bind these to each
 * module's fields; this file holds the one implementation they share.
 *
 * SuiteCRM's facts (fixtures README): every attribute value is a string (15); NULL and blank both
 * read `""`; datetimes read as UTC `2026-11-25T12:57:00+00:00` with the seconds dropped (17);
 * text, varchar and enum values come back HTML-encoded (37); PATCH ignores JSON null, so `""`
 * clears a field (32); datetimes are written as UTC `Y-m-d H:i:s`, decimals as JSON numbers.
 */

/** What the codec needs to know about one attribute (generated from the catalogue). */
export interface FieldSpec {
  readonly type: AttributeType;
  /** Who writes it; `core` for stock SuiteCRM fields the bridge only reads. */
  readonly writer: Writer | 'core';
  /** varchar: maximum stored characters; decimal: total digits. */
  readonly len?: number;
  /** decimal: digits after the point. */
  readonly precision?: number;
  /** enum: the dropdown list (SuiteCRM does not check keys, so neither does the parser). */
  readonly options?: string;
}

/** The typed value of each attribute type. Blank is null, except for checkboxes (blank = unticked). */
export interface AttributeValueOf {
  enum: string | null;
  bool: boolean;
  date: string | null; // YYYY-MM-DD
  datetimecombo: number | null; // epoch milliseconds, UTC
  datetime: number | null;
  decimal: number | null;
  int: number | null;
  varchar: string | null;
  text: string | null;
  name: string | null;
  id: string | null;
}
export type AttributeValue = AttributeValueOf[AttributeType];

/** One attribute that could not be read; the rest of the record still is. */
export interface AttributeProblem {
  field: string;
  /** The raw attribute value as SuiteCRM sent it. */
  value: unknown;
  /** e.g. `sla_reserved_hours_c: "abc" is not a number` */
  message: string;
  /** What is wrong with the value, without field or value: e.g. `is not a number`. */
  reason: string;
}

export interface AttributeParseResult<T> {
  /** Every field of the module: read values, or blank (null; false for checkboxes) when absent or unreadable. */
  values: T;
  /** Unreadable attributes; their fields hold the blank value. Never thrown: the sync writes "not computed". */
  problems: AttributeProblem[];
  /** Fields absent from the attributes (not requested in a sparse fieldset, or not installed). */
  missing: string[];
}

/** A value SuiteCRM's PATCH accepts: strings, JSON numbers for numbers, JSON booleans for checkboxes. */
export type PatchValue = string | number | boolean;
export type PatchAttributes = Record<string, PatchValue>;

const ZERO_DATES = ['0000-00-00', '-0001-11-30']; // MySQL's zero date, and PHP's rendering of it

const number = (whole: boolean) =>
  z.string().transform((text, ctx) => {
    if (text === '') return null;
    const pattern = whole ? /^[+-]?\d+$/ : /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
    if (!pattern.test(text)) {
      const isNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text);
      ctx.addIssue({
        code: 'custom',
        message: whole && isNumber ? 'is not a whole number' : 'is not a number',
      });
      return z.NEVER;
    }
    const value = Number(text);
    return value === 0 ? 0 : value;
  });

const decodedText = z.string().transform((text) => (text === '' ? null : decodeHTMLStrict(text)));

const rawString = z.string().transform((text) => (text === '' ? null : text));

const bool = z.string().transform((text, ctx) => {
  if (text === '1') return true;
  if (text === '0' || text === '') return false;
  ctx.addIssue({ code: 'custom', message: 'is not a checkbox value ("0" or "1")' });
  return z.NEVER;
});

const date = z.string().transform((text, ctx) => {
  if (text === '' || ZERO_DATES.includes(text)) return null;
  if (parseIsoDate(text) === undefined) {
    ctx.addIssue({ code: 'custom', message: 'is not a date (YYYY-MM-DD)' });
    return z.NEVER;
  }
  return text;
});

const instant = z.string().transform((text, ctx) => {
  if (text === '' || ZERO_DATES.some((zero) => text.startsWith(zero))) return null;
  const ms = parseInstant(text);
  if (ms === undefined) {
    ctx.addIssue({ code: 'custom', message: 'is not a date and time with a UTC offset' });
    return z.NEVER;
  }
  return ms;
});

/** The zod schema reading one raw attribute (a string) into its typed value. */
export const ATTRIBUTE_SCHEMAS: { [K in AttributeType]: z.ZodType<AttributeValueOf[K], string> } = {
  enum: decodedText,
  bool,
  date,
  datetimecombo: instant,
  datetime: instant,
  decimal: number(false),
  int: number(true),
  varchar: decodedText,
  text: decodedText,
  name: decodedText,
  id: rawString,
};

const BLANK: { [K in AttributeType]: AttributeValueOf[K] } = {
  enum: null,
  bool: false,
  date: null,
  datetimecombo: null,
  datetime: null,
  decimal: null,
  int: null,
  varchar: null,
  text: null,
  name: null,
  id: null,
};

export function blankValue(spec: FieldSpec): AttributeValue {
  return BLANK[spec.type];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * The attribute as text. V8 sends strings; a bean that went through fixUpFormatting in the same
 * request (a save) can hold PHP booleans and numbers, which JSON then sends as such: accept those
 * for checkboxes and numbers rather than report a problem SuiteCRM did not have.
 */
function asText(spec: FieldSpec, raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (spec.type === 'bool' && typeof raw === 'boolean') return raw ? '1' : '0';
  if ((spec.type === 'bool' || spec.type === 'int' || spec.type === 'decimal') && typeof raw === 'number') {
    return Number.isFinite(raw) ? String(raw) : undefined;
  }
  return undefined;
}

/** Reads one raw attribute; a problem message instead of a value when it cannot. Never throws. */
export function parseAttribute(
  field: string,
  spec: FieldSpec,
  raw: unknown,
): { ok: true; value: AttributeValue } | { ok: false; problem: AttributeProblem } {
  const text = asText(spec, raw);
  if (text === undefined) {
    const reason = `expected a string, got ${describe(raw)}`;
    return { ok: false, problem: { field, value: raw, message: `${field}: ${reason}`, reason } };
  }
  const result = ATTRIBUTE_SCHEMAS[spec.type].safeParse(text);
  if (result.success) return { ok: true, value: result.data };
  const reason = result.error.issues[0]?.message ?? 'cannot be read';
  return {
    ok: false,
    problem: { field, value: raw, message: `${field}: ${JSON.stringify(raw)} ${reason}`, reason },
  };
}

/** Reads a module's attributes object: every field typed, problems listed, nothing thrown. */
export function parseAttributes<T>(
  fields: { readonly [K in keyof T]: FieldSpec },
  raw: unknown,
): AttributeParseResult<T> {
  const values: Record<string, AttributeValue> = {};
  const problems: AttributeProblem[] = [];
  const missing: string[] = [];
  const isObject = typeof raw === 'object' && raw !== null && !Array.isArray(raw);
  if (!isObject) {
    problems.push({
      field: '(attributes)',
      value: raw,
      message: `attributes: expected an object, got ${describe(raw)}`,
      reason: `expected an object, got ${describe(raw)}`,
    });
  }
  const attributes = (isObject ? raw : {}) as Record<string, unknown>;
  for (const [field, spec] of Object.entries(fields) as Array<[string, FieldSpec]>) {
    values[field] = blankValue(spec);
    if (!Object.hasOwn(attributes, field)) {
      missing.push(field);
      continue;
    }
    const result = parseAttribute(field, spec, attributes[field]);
    if (result.ok) values[field] = result.value;
    else problems.push(result.problem);
  }
  return { values: values as T, problems, missing };
}

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

/** The codec of one module: its field specs bound to the conversions above. */
export interface ModuleCodec<T> {
  readonly module: ModuleName;
  /** The V8 resource `type` of the module (the bean's object name). */
  readonly objectName: string;
  readonly fields: { readonly [K in keyof T]: FieldSpec };
  /** Raw V8 attributes → typed values plus per-field problems. Never throws. */
  parse(raw: unknown): AttributeParseResult<T>;
  /** Typed values → the attributes of a PATCH (only the fields given). */
  toPatch(values: Partial<T>): PatchAttributes;
  /** The raw string V8 will return for `field` once `value` is stored. */
  storedAttribute<K extends keyof T & string>(field: K, value: T[K]): string;
  /** The typed value V8 will return for `field` once `value` is stored. */
  normaliseStored<K extends keyof T & string>(field: K, value: T[K]): T[K];
  /**
   * The fields of `desired` whose stored form differs from `stored` (typed values as last read):
   * exactly what a PATCH must send, nothing when SuiteCRM already holds it.
   */
  changes(stored: Partial<T>, desired: Partial<T>): Partial<T>;
}

export function defineModuleCodec<T>(definition: {
  module: ModuleName;
  objectName: string;
  fields: { readonly [K in keyof T]: FieldSpec };
}): ModuleCodec<T> {
  const { fields } = definition;
  const specOf = (field: string): FieldSpec => {
    const spec = (fields as Record<string, FieldSpec | undefined>)[field];
    if (spec === undefined || !Object.hasOwn(fields, field)) {
      throw new BridgeError('internal', `${definition.module} has no field ${field} in the catalogue`);
    }
    return spec;
  };
  const normalise = (field: string, value: unknown) => normaliseStoredValue(field, specOf(field), value);
  return {
    module: definition.module,
    objectName: definition.objectName,
    fields,
    parse: (raw) => parseAttributes<T>(fields, raw),
    toPatch(values) {
      const patch: PatchAttributes = {};
      for (const [field, value] of Object.entries(values)) {
        if (value === undefined) continue;
        patch[field] = toPatchValue(field, specOf(field), value);
      }
      return patch;
    },
    storedAttribute: (field, value) => storedAttribute(field, specOf(field), value),
    normaliseStored: <K extends keyof T & string>(field: K, value: T[K]) => normalise(field, value) as T[K],
    changes(stored, desired) {
      const out: Partial<T> = {};
      for (const [field, value] of Object.entries(desired) as Array<[keyof T & string, T[keyof T]]>) {
        if (value === undefined) continue;
        const before = (stored as Record<string, unknown>)[field];
        if (before === undefined || normalise(field, value) !== before) out[field] = value as T[typeof field];
      }
      return out;
    },
  };
}
