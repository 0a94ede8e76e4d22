import { decodeHTMLStrict } from 'entities';
import { CATALOGUE } from '../../catalogue/catalogue.js';
import { appendChangeLog, changeLogEntriesFor } from '../../catalogue/change-log.js';
import type { ChangeLogActor } from '../../catalogue/change-log-entry.js';
import { dbDatetime } from '../clock/virtual-clock.js';
import { keepUnseenChanges } from './case-stale-form.js';

/**
 * The rules R1-R6 of the package's Cases before_save hook (the shared hook spec, mirrored by
 * `SupportSla_CaseSave.php`), over values in SuiteCRM's database form: datetimes `Y-m-d H:i:s`
 * UTC, null for blank. Both sides run `schemas/case-save-examples.json` against them.
 */
export type DbValues = Readonly<Record<string, string | null | undefined>>;

export interface CaseSaveInput {
  actor: ChangeLogActor;
  userId: string | null;
  /** The hook's clock, epoch milliseconds. */
  now: number;
  /** fetched_row: the stored row; null (or empty) on create. */
  stored: DbValues | null;
  /** What the bean holds when before_save runs. */
  bean: DbValues;
  /** The hook's saved-values marker: the tracked values this bean object's previous save stored. */
  savedValues?: DbValues | null;
}

export const CHANGE_LOG = CATALOGUE.changeLog.field;
export const REPORTED_AT = 'sla_reported_at_c';
export const DOWNGRADE_TO = 'sla_downgrade_to_c';
export const DOWNGRADED_AT = 'sla_downgraded_at_c';
export const INPUT_STAMP = 'sla_input_stamp_c';
/** R6: a case the bridge writes holds a response status (computed, or not computed); or it has a stamp. */
const WRITTEN_FIELD = 'sla_response_status_c';
/** R6: the inputs the bridge reads from a case, compared as text (reported at: to the minute). */
export const STAMP_TEXT_INPUTS: readonly string[] = [
  'status',
  'sla_severity_c',
  'sla_environment_c',
  'sla_cause_c',
  'sla_reportable_c',
  'sla_downgrade_to_c',
  'sla_downgrade_reason_c',
  'account_id',
];

/** Fields the catalogue says the bridge writes, on Cases. */
export const CASE_BRIDGE_OWNED: readonly string[] = CATALOGUE.fields
  .filter((field) => field.module === 'Cases' && field.writer === 'bridge')
  .map((field) => field.name);

/** Fields the catalogue says the hook writes (the change log, downgraded at). */
export const CASE_HOOK_OWNED: readonly string[] = CATALOGUE.fields
  .filter((field) => field.module === 'Cases' && field.writer === 'hook')
  .map((field) => field.name);

const DB_DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function text(values: DbValues | null | undefined, field: string): string | null {
  const value = values?.[field];
  return value === undefined || value === null || value === '' ? null : value;
}

function isBlankDatetime(value: string | null): boolean {
  return value === null || value.trim() === '' || value === 'NULL' || value === '0000-00-00 00:00:00';
}

/** `Y-m-d H:i` of a datetime in database form (with or without seconds, or a T); '' otherwise. */
export function minuteOf(value: string | null): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?/.exec(value ?? '');
  return match ? `${match[1]} ${match[2]}` : '';
}

/**
 * What the hook puts on the bean: the bean's values with the hook's rules applied, step by step
 * as SupportSla_CaseSave::apply takes them (the example table decides where the spec is terse).
 */
export function applyCaseSaveRules(input: CaseSaveInput): Record<string, string | null> {
  const stored: DbValues = input.stored ?? {};
  const isUpdate = Object.keys(stored).length > 0;
  const bean: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(input.bean)) bean[field] = value ?? null;
  const previous = input.savedValues ?? null;
  // A person's first save only: a second save of the same bean object is the code's, not a form's.
  const restrict = input.actor === 'person' && previous === null;

  // R2, and a stale page's re-post of what someone else changed since.
  if (restrict && isUpdate) {
    keepUnseenChanges(bean, stored as Record<string, string | null>, CHANGE_LOG);
    for (const field of [...CASE_BRIDGE_OWNED, ...CASE_HOOK_OWNED]) {
      if (decoded(bean[field]) !== decoded(stored[field])) bean[field] = text(stored, field);
    }
  } else if (restrict) {
    for (const field of [...CASE_BRIDGE_OWNED, ...CASE_HOOK_OWNED]) bean[field] = null;
  }

  // R1: entries compare with the previous save or the stored row, and go onto the stored log.
  const before = previous ?? (isUpdate ? stored : null);
  const entries = changeLogEntriesFor({
    before,
    after: bean,
    userId: input.userId,
    actor: input.actor,
    at: input.now,
  });
  const base = previous === null && isUpdate ? text(stored, CHANGE_LOG) : text(bean, CHANGE_LOG);
  if (entries.length > 0 || (base ?? '') !== (text(bean, CHANGE_LOG) ?? '')) {
    const log = appendChangeLog(base, entries);
    bean[CHANGE_LOG] = log === '' ? null : log;
  }

  // R5: stamped when downgrade-to changes; otherwise a save R2 does not restrict keeps the seconds.
  if (entries.some((entry) => entry.field === 'downgrade_to')) {
    bean[DOWNGRADED_AT] = dbDatetime(input.now);
  } else if (!restrict) {
    bean[DOWNGRADED_AT] = sameMinute(text(stored, DOWNGRADED_AT), text(bean, DOWNGRADED_AT));
  }

  // R4 and R3.
  const reported = text(bean, REPORTED_AT);
  const storedReported = text(stored, REPORTED_AT);
  if (isBlankDatetime(reported)) bean[REPORTED_AT] = creationTime(bean, stored, input.now);
  else if (restrict && isUpdate) bean[REPORTED_AT] = personSave(storedReported, reported);
  else bean[REPORTED_AT] = sameMinute(storedReported, reported);

  // R6: a new SLA input stamp on a create, or on an input change of a stamped or written case.
  bean[INPUT_STAMP] = inputStamp(bean, stored, isUpdate, previous === null, input.now);
  return bean;
}

function inputStamp(
  bean: DbValues,
  stored: DbValues,
  isUpdate: boolean,
  firstSave: boolean,
  now: number,
): string | null {
  const current = firstSave || !isUpdate ? text(stored, INPUT_STAMP) : text(bean, INPUT_STAMP);
  const followed = (text(stored, WRITTEN_FIELD) ?? '').trim() !== '' || (current ?? '').trim() !== '';
  if (isUpdate && !(followed && inputsChanged(bean, stored))) return current;
  const hash = (current ?? '').lastIndexOf('#');
  const count = hash < 0 ? 0 : Number.parseInt((current ?? '').slice(hash + 1), 10) || 0;
  return `${dbDatetime(now)}#${count + 1}`;
}

function inputsChanged(bean: DbValues, stored: DbValues): boolean {
  if (STAMP_TEXT_INPUTS.some((field) => decoded(bean[field]) !== decoded(stored[field]))) return true;
  // A reported at filled from a blank (R4) is the creation time the bridge already used.
  const storedReported = minuteOf(text(stored, REPORTED_AT)) || minuteOf(text(stored, 'date_entered'));
  return minuteOf(text(bean, REPORTED_AT)) !== storedReported;
}

function decoded(value: string | null | undefined): string {
  return decodeHTMLStrict(value ?? '');
}

/** The tracked values a save stored: what the hook's marker holds for a second save of the bean. */
export function savedValuesOf(bean: DbValues): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of Object.values(CATALOGUE.changeLog.tracked)) {
    if (field !== undefined) out[field] = text(bean, field);
  }
  return out;
}

/** An unrestricted save: the stored value when the bean holds its minute (seconds lost). */
function sameMinute(stored: string | null, current: string | null): string | null {
  if (stored === null || !DB_DATETIME.test(stored) || current === stored) return current;
  return minuteOf(current) === stored.slice(0, 16) ? stored : current;
}

/**
 * R3 for a person's save of a stored case: what a form re-posts for the stored value (its minute,
 * the minute rounded up to the next quarter hour, or the widget's re-post of that rounding at
 * local 23:46-23:59: the same local date at 11:00 or 12:00am, 13 and 24 hours earlier) keeps the
 * stored value; anything else is the person's change. See web-ui/datetime-combo.ts.
 */
function personSave(stored: string | null, current: string | null): string | null {
  if (stored === null || !DB_DATETIME.test(stored)) return current;
  if (sameMinute(stored, current) === stored) return stored;
  const posted = minuteMs(current);
  if (posted === undefined) return current;
  const storedMinute = minuteMs(stored) as number;
  const quarter = 15 * 60_000;
  const rounded = Math.ceil(storedMinute / quarter) * quarter;
  if (rounded === storedMinute) return current;
  const hour = 3_600_000;
  return posted === rounded || posted === rounded - 13 * hour || posted === rounded - 24 * hour
    ? stored
    : current;
}

function minuteMs(value: string | null): number | undefined {
  const minute = minuteOf(value);
  return minute === '' ? undefined : Date.parse(`${minute.replace(' ', 'T')}:00Z`);
}

function creationTime(bean: DbValues, stored: DbValues | null, now: number): string {
  for (const candidate of [text(bean, 'date_entered'), text(stored, 'date_entered')]) {
    if (candidate !== null && DB_DATETIME.test(candidate)) return candidate;
  }
  return dbDatetime(now);
}
