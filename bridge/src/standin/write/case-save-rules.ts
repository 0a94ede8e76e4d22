import { CATALOGUE } from '../../contract/catalogue.js';
import { appendChangeLog, changeLogEntriesFor } from '../../contract/change-log.js';
import type { ChangeLogActor } from '../../contract/change-log-entry.js';
import { dbDatetime } from '../clock/virtual-clock.js';

/**
 * The rules R1-R5 of the package's Cases before_save hook (the shared hook spec, mirrored by
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
 * The stored minute rounded UP to the next quarter hour, as `Y-m-d H:i:00`: what SuiteCRM 7's
 * Datetimecombo widget re-posts (jssource/src_files/include/SugarFields/Fields/Datetimecombo/
 * Datetimecombo.js). Every real UTC offset is a multiple of 15 minutes, so rounding in UTC
 * equals rounding in the user's zone.
 */
export function quarterCeiling(stored: string): string | undefined {
  const match = DB_DATETIME.exec(stored);
  if (!match) return undefined;
  const ms = Date.parse(`${match[1]}T${match[2]}:${match[3]}:00Z`);
  const quarter = 15 * 60_000;
  return dbDatetime(Math.ceil(ms / quarter) * quarter);
}

/** What the hook puts on the bean: the bean's values with the hook's rules applied. */
export function applyCaseSaveRules(input: CaseSaveInput): Record<string, string | null> {
  const stored = input.stored && Object.keys(input.stored).length > 0 ? input.stored : null;
  const bean: Record<string, string | null> = {};
  for (const [field, value] of Object.entries(input.bean)) bean[field] = value ?? null;
  const person = input.actor === 'person';

  // R2: a person's save never changes what the bridge or the hook owns.
  if (person && stored) {
    for (const field of [...CASE_BRIDGE_OWNED, ...CASE_HOOK_OWNED]) {
      if (text(bean, field) !== text(stored, field)) bean[field] = text(stored, field);
    }
  } else if (person) {
    for (const field of CASE_BRIDGE_OWNED) bean[field] = null;
  }

  // R1: entries compare with the marker or the stored row, and go onto the stored log.
  const marker = input.savedValues ?? null;
  const before = marker ?? stored;
  const entries = changeLogEntriesFor({
    before,
    after: bean,
    userId: input.userId,
    actor: input.actor,
    at: input.now,
  });
  if (entries.length > 0) {
    const base = marker || !stored ? text(bean, CHANGE_LOG) : text(stored, CHANGE_LOG);
    bean[CHANGE_LOG] = appendChangeLog(base, entries);
  }

  // R5: stamped when downgrade-to changes; otherwise an API save keeps the stored seconds.
  if (entries.some((entry) => entry.field === 'downgrade_to')) {
    bean[DOWNGRADED_AT] = dbDatetime(input.now);
  } else if (stored && !person) {
    keepSameMinute(bean, stored, DOWNGRADED_AT);
  }

  // R4 and R3.
  if (isBlankDatetime(text(bean, REPORTED_AT))) {
    bean[REPORTED_AT] = creationTime(bean, stored, input.now);
  } else if (stored) {
    if (person) keepRoundedOrSameMinute(bean, stored, REPORTED_AT);
    else keepSameMinute(bean, stored, REPORTED_AT);
  }
  return bean;
}

/** The tracked values a save stored: what the hook's marker holds for a second save of the bean. */
export function savedValuesOf(bean: DbValues): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const field of Object.values(CATALOGUE.changeLog.tracked)) {
    if (field !== undefined) out[field] = text(bean, field);
  }
  return out;
}

function keepSameMinute(bean: Record<string, string | null>, stored: DbValues, field: string): void {
  const original = text(stored, field);
  if (original === null || !DB_DATETIME.test(original)) return;
  const current = text(bean, field);
  if (current !== original && minuteOf(current) === original.slice(0, 16)) bean[field] = original;
}

/** R3: the minute with its seconds lost, or the widget's quarter-hour rounding up, means "unchanged". */
function keepRoundedOrSameMinute(bean: Record<string, string | null>, stored: DbValues, field: string): void {
  const original = text(stored, field);
  if (original === null || !DB_DATETIME.test(original)) return;
  const current = text(bean, field);
  if (current === original) return;
  const minute = minuteOf(current);
  if (minute === original.slice(0, 16) || minute === quarterCeiling(original)?.slice(0, 16)) {
    bean[field] = original;
  }
}

function creationTime(bean: DbValues, stored: DbValues | null, now: number): string {
  for (const candidate of [text(bean, 'date_entered'), text(stored, 'date_entered')]) {
    if (candidate !== null && DB_DATETIME.test(candidate)) return candidate;
  }
  return dbDatetime(now);
}
