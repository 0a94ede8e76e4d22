import type { ChangeLogEntry } from '../../catalogue/change-log-entry.js';

/**
 * A case as the domain reads it: SuiteCRM's raw values after the sync has decoded them
 * (instants as epoch milliseconds, enum keys as strings, blank as null or ""). The domain
 * validates every value itself, so a bad one becomes "not computed", never an exception.
 */
export interface CaseRecord {
  id: string;
  /** `status`: `Open_New`, `Open_Assigned`, `Open_Pending Input`, `Closed_Closed`, ... */
  status: string | null;
  dateEntered: number | null;
  /** `sla_reported_at_c`; blank means the creation time. */
  reportedAt: number | null;
  severity: string | null;
  environment: string | null;
  cause: string | null;
  reportable: string | null;
  downgradeTo: string | null;
  downgradeReason: string | null;
  /** `sla_downgraded_at_c`, stamped by the hook when the downgrade changed. */
  downgradedAt: number | null;
  accountId: string | null;
  /** The parsed `sla_change_log_c`, in log order. */
  changeLog: readonly ChangeLogEntry[];
  /**
   * Entries of the change log that could not be read, each described (`describeChangeLogProblem`
   * in `catalogue/change-log.ts`): any makes the case "not computed".
   */
  changeLogProblems: readonly string[];
  /**
   * `sla_input_stamp_c`, set by the package's hook when a save that is not the bridge's changed an
   * SLA input (`caseInputEcho`); absent or null when there is none.
   */
  inputStamp?: string | null;
  /**
   * Fields SuiteCRM sent that could not be read, in words (the sync fills this in): the case is
   * then "not computed" and says which.
   */
  parseProblems?: readonly string[];
}

export const STATUS_NEW = 'Open_New';
export const STATUS_PENDING_INPUT = 'Open_Pending Input';
/** Closing a case that was never acknowledged in one of these withdraws it: no SLA. */
export const WITHDRAWING_STATUSES: ReadonlySet<string> = new Set(['Closed_Duplicate', 'Closed_Rejected']);

export function isClosedStatus(status: string): boolean {
  return status.startsWith('Closed_');
}

export function isOpenStatus(status: string): boolean {
  return status.startsWith('Open_');
}
