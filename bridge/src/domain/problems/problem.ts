import type { ChangeLogField } from '../../catalogue/change-log-entry.js';

/**
 * A data problem as facts, never as words: the domain raises these, and `problemText` says them
 * in the site's language with the field's label and what staff should do (docs/problems.md lists
 * them all). `healsAt` marks the problems time fixes (a reported-at in the future): the record
 * gets a next transition at that instant, so the sync looks at it again then.
 */
export type Problem =
  /** Already in words (an unreadable attribute, a bridge error): passed through as it is. */
  | { code: 'text'; text: string }
  | { code: 'change_log_unreadable'; first: string; more: number }
  | { code: 'status_missing' }
  | { code: 'reported_at_missing' }
  | { code: 'reported_at_future'; at: number }
  | { code: 'no_status_history'; status: string }
  | { code: 'log_starts_late'; status: string }
  | { code: 'downgrade_without_time' }
  | { code: 'log_disagrees'; field: ChangeLogField; logged: string | null; current: string | null }
  | { code: 'value_not_in_list'; field: ChangeLogField; value: string | null }
  | { code: 'severity_missing' }
  | { code: 'pinned_elsewhere'; pinned: string; used: string }
  | { code: 'plan_not_in_version'; plan: string; version: string }
  | { code: 'account_not_found'; accountId: string; of: 'case' | 'entry' }
  | { code: 'account_mismatch'; accountId: string }
  | { code: 'account_contract'; inner: Problem }
  | { code: 'plan_unknown'; plan: string; plans: readonly string[] }
  | { code: 'contract_start_missing' }
  | { code: 'reserved_hours_not_number'; value: number }
  | { code: 'reserved_hours_out_of_range'; value: number; max: number }
  | { code: 'phone_cover_invalid'; value: string }
  | { code: 'cancelled_on_missing' }
  | { code: 'refunded_without_cancel' }
  | { code: 'refund_after_window'; cancelledOn: string }
  | { code: 'date_invalid'; module: 'Accounts' | 'SLA_TimeEntries'; field: string; text: string }
  | { code: 'work_date_missing' }
  | { code: 'hours_missing' }
  | { code: 'hours_not_number'; value: number }
  | { code: 'hours_out_of_range'; value: number; max: number }
  | { code: 'category_missing' }
  | { code: 'category_unknown'; value: string };

export type ProblemCode = Problem['code'];
