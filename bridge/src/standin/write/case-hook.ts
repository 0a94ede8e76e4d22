import { changeLogEntriesFor } from '../../contract/change-log.js';
import type { ChangeLogActor, ChangeLogField } from '../../contract/change-log-entry.js';
import { formatChangeLogEntry } from '../change-log-writer.js';
import { dbDatetime } from '../clock/virtual-clock.js';
import { decodeEntities } from '../encoding/entities.js';
import type { Row } from '../store/row.js';
import { type Bean, beanValue } from './bean.js';

/** Tracked Cases fields and their entry names, in the order the hook writes them. */
export const TRACKED_CASE_FIELDS: readonly (readonly [string, ChangeLogField])[] = [
  ['status', 'status'],
  ['sla_severity_c', 'severity'],
  ['sla_environment_c', 'environment'],
  ['sla_cause_c', 'cause'],
  ['sla_reportable_c', 'reportable'],
  ['sla_downgrade_to_c', 'downgrade_to'],
];

/** Hook-owned datetimes the hook re-assigns from fetched_row, so a later save keeps their seconds. */
export const HOOK_DATETIME_FIELDS: ReadonlySet<string> = new Set([
  'sla_reported_at_c',
  'sla_downgraded_at_c',
]);

export interface HookContext {
  now: number;
  userId: string | null;
  actor: ChangeLogActor;
}

/**
 * What the package's Cases `before_save` hook does (schemas/change-log.md and the issue):
 * one log entry per changed tracked field (on a create, every non-blank one, from blank),
 * `sla_downgraded_at_c` stamped when the downgrade changes, `sla_reported_at_c` filled with
 * the creation time while blank.
 */
export function runCaseBeforeSave(bean: Bean, fetched: Row | undefined, context: HookContext): void {
  const after: Record<string, string | undefined> = {};
  for (const [column] of TRACKED_CASE_FIELDS) after[column] = bean.values.get(column);
  // The rule (which fields, blank equals null, entity-decoded values) is the data contract's.
  const entries = changeLogEntriesFor({
    before: fetched ?? null,
    after,
    userId: context.userId,
    actor: context.actor,
    at: context.now,
  });
  if (entries.length > 0) {
    // The hook appends to the bean's log: the stored one, or one the request itself wrote.
    const previous = bean.provided.has('sla_change_log_c')
      ? decodeEntities(beanValue(bean, 'sla_change_log_c'))
      : (fetched?.sla_change_log_c ?? '');
    bean.values.set(
      'sla_change_log_c',
      [previous, ...entries.map(formatChangeLogEntry)].filter((part) => part !== '').join(';'),
    );
    bean.cleaned.delete('sla_change_log_c');
  } else if (fetched && !bean.provided.has('sla_change_log_c')) {
    bean.values.delete('sla_change_log_c');
  }
  if (entries.some((entry) => entry.field === 'downgrade_to')) {
    bean.values.set('sla_downgraded_at_c', dbDatetime(context.now));
  } else if (fetched && !bean.provided.has('sla_downgraded_at_c')) {
    // Re-assigned from fetched_row: the stored value, seconds and all, stays as it is.
    bean.values.delete('sla_downgraded_at_c');
  }
  const reported = beanValue(bean, 'sla_reported_at_c');
  if (reported === '') {
    const created = fetched?.date_entered ?? beanValue(bean, 'date_entered');
    bean.values.set('sla_reported_at_c', created === '' ? dbDatetime(context.now) : created);
  }
}
