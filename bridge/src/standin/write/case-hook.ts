import type { ChangeLogActor } from '../../catalogue/change-log-entry.js';
import { decodeEntities, toHtml } from '../encoding/entities.js';
import type { FieldDef } from '../schema/field-def.js';
import type { Row } from '../store/row.js';
import type { Bean } from './bean.js';
import {
  applyCaseSaveRules,
  CASE_BRIDGE_OWNED,
  CASE_HOOK_OWNED,
  CHANGE_LOG,
  REPORTED_AT,
  STAMP_TEXT_INPUTS,
} from './case-save-rules.js';

/** The fields the hook reads or assigns (the tracked ones, the other SLA inputs, the owned ones, reported at). */
const HOOK_FIELDS: readonly string[] = [
  // The tracked fields and the other SLA inputs, as R6 compares them.
  ...STAMP_TEXT_INPUTS,
  'date_entered',
  REPORTED_AT,
  CHANGE_LOG,
  ...CASE_BRIDGE_OWNED,
  ...CASE_HOOK_OWNED,
];

export interface HookContext {
  now: number;
  userId: string | null;
  actor: ChangeLogActor;
  /** The Cases field definitions, to see which are custom datetimes. */
  fieldDefs: ReadonlyMap<string, FieldDef>;
}

const DB_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/**
 * What the bean holds for a field when before_save runs, in database form. A value the request
 * did not set is the stored one, except a custom datetime of a stored case: SuiteCRM shows it
 * in the user's format (no seconds) and converts it back, so the hook sees it to the minute.
 */
function held(bean: Bean, fetched: Row | undefined, field: string, def: FieldDef | undefined): string | null {
  const value = bean.values.get(field);
  if (value === undefined) return fetched ? (fetched[field] ?? null) : null;
  const decoded = decodeEntities(value);
  if (
    fetched &&
    !bean.provided.has(field) &&
    def?.storage === 'custom' &&
    def.kind === 'datetime' &&
    DB_DATETIME.test(decoded)
  ) {
    return `${decoded.slice(0, 17)}00`;
  }
  return decoded === '' ? null : decoded;
}

/**
 * The package's Cases `before_save` hook on the stand-in's bean: the shared rules R1-R6
 * (`case-save-rules.ts`), then the result put back on the bean. A field the hook leaves at its
 * stored value, or assigns, is marked `exact`: the column keeps the stored value exactly, seconds included,
 * as the PHP hook's re-assignment from fetched_row does.
 */
export function runCaseBeforeSave(bean: Bean, fetched: Row | undefined, context: HookContext): void {
  const before: Record<string, string | null> = {};
  for (const field of HOOK_FIELDS) before[field] = held(bean, fetched, field, context.fieldDefs.get(field));
  const after = applyCaseSaveRules({
    actor: context.actor,
    userId: context.userId,
    now: context.now,
    stored: fetched ?? null,
    bean: before,
  });
  for (const field of HOOK_FIELDS) {
    const value = after[field] ?? null;
    if (fetched && value === (fetched[field] ?? null)) {
      bean.values.delete(field);
      bean.exact.add(field);
    } else if (value === null) {
      // Blank: on create the column gets its default or NULL; on update an empty value.
      if (fetched) bean.values.set(field, '');
      else bean.values.delete(field);
    } else if (value !== before[field]) {
      bean.values.set(field, toHtml(value));
      bean.cleaned.delete(field);
      bean.exact.add(field);
    }
  }
}
