import type { ChangeLogActor, ChangeLogEntry, ChangeLogField } from '../../contract/change-log-entry.js';
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
  const at = Math.floor(context.now / 1000) * 1000;
  const entries: ChangeLogEntry[] = [];
  let downgradeChanged = false;
  for (const [column, field] of TRACKED_CASE_FIELDS) {
    // The hook sees cleaned, HTML-encoded values and decodes them; blank and null are equal.
    const before = fetched ? decodeEntities(fetched[column] ?? '') : '';
    const after = decodeEntities(beanValue(bean, column));
    if (before === after) continue;
    entries.push({
      at,
      field,
      from: before || null,
      to: after || null,
      userId: context.userId,
      actor: context.actor,
    });
    if (column === 'sla_downgrade_to_c') downgradeChanged = true;
  }
  if (entries.length > 0) {
    // The hook appends to the bean's log: the stored one, or one the request itself wrote.
    const previous = bean.provided.has('sla_change_log_c')
      ? decodeEntities(beanValue(bean, 'sla_change_log_c'))
      : fetched
        ? (fetched.sla_change_log_c ?? '')
        : '';
    const added = entries.map(formatChangeLogEntry).join(';');
    bean.values.set('sla_change_log_c', previous === '' ? added : `${previous};${added}`);
    bean.cleaned.delete('sla_change_log_c');
  } else if (fetched && !bean.provided.has('sla_change_log_c')) {
    bean.values.delete('sla_change_log_c');
    bean.cleaned.delete('sla_change_log_c');
  }
  if (downgradeChanged) bean.values.set('sla_downgraded_at_c', dbDatetime(context.now));
  else if (fetched && !bean.provided.has('sla_downgraded_at_c')) {
    // Re-assigned from fetched_row: the stored value, seconds and all, stays as it is.
    bean.values.delete('sla_downgraded_at_c');
  }
  const reported = beanValue(bean, 'sla_reported_at_c');
  if (reported === '') {
    const created = fetched?.date_entered ?? beanValue(bean, 'date_entered');
    bean.values.set('sla_reported_at_c', created === '' ? dbDatetime(context.now) : created);
  }
}
