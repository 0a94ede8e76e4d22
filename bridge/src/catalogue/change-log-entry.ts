/**
 * One entry of a case's SLA change log (the `sla_change_log_c` field), as the bridge sees it
 * after parsing. The package's `before_save` hook writes the text form; the format, its
 * grammar and a shared table of examples live in `schemas/change-log.md` and
 * `schemas/change-log-examples.json`.
 */
export const CHANGE_LOG_FIELDS = [
  'status',
  'severity',
  'environment',
  'cause',
  'reportable',
  'downgrade_to',
] as const;
export type ChangeLogField = (typeof CHANGE_LOG_FIELDS)[number];

/** Who saved: a person in the web UI, any V8/legacy REST request, the scheduler, a workflow, an import. */
export const CHANGE_LOG_ACTORS = ['person', 'api', 'cron', 'workflow', 'import'] as const;
export type ChangeLogActor = (typeof CHANGE_LOG_ACTORS)[number];

export interface ChangeLogEntry {
  /** Epoch milliseconds (UTC), whole seconds. */
  at: number;
  field: ChangeLogField;
  /** Previous value (enum key), null when blank: a case's creation logs from = null. */
  from: string | null;
  to: string | null;
  /** SuiteCRM user id of the saving user; null when SuiteCRM had none. */
  userId: string | null;
  actor: ChangeLogActor;
}
