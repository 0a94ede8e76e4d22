import { decodeHTMLStrict } from 'entities';
import { z } from 'zod';
import { parseIsoDate } from '../iso/day-number.js';
import { parseInstant } from '../iso/iso-instant.js';
import type { AttributeType, Writer } from './catalogue-schema.js';

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
