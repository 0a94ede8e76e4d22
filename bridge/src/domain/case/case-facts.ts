import { dataProblem } from '../data-problem.js';
import { floorToMinute } from '../time/local-day.js';
import { type CaseRecord, STATUS_NEW } from './case-record.js';
import { blankTo, blankToNull, FieldHistory, fieldHistory } from './field-history.js';

/**
 * A case's facts, checked: the clock start, and each field's history from the change log.
 * Defaults follow REQUIREMENTS.md: environment and cause unknown, reportable yes.
 */
export interface CaseFacts {
  id: string;
  /** `sla_reported_at_c` (or the creation time), floored to the minute: every clock starts here. */
  reportedAt: number;
  /** The minute the case was created: field values before it are the values it was created with. */
  createdAt: number;
  status: FieldHistory;
  currentStatus: string;
  severity: FieldHistory;
  environment: FieldHistory;
  cause: FieldHistory;
  reportable: FieldHistory;
  downgrade: FieldHistory;
  downgradeReason: string | null;
  accountId: string | null;
}

export function readCaseFacts(record: CaseRecord, now: number): CaseFacts {
  const problems = record.changeLogProblems;
  if (problems.length > 0) {
    // Each problem already names its entry ("change log entry 3: unknown actor ...").
    dataProblem(`${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  }
  const currentStatus = blankToNull(record.status);
  if (currentStatus === null) dataProblem('status missing');
  const reported = record.reportedAt ?? record.dateEntered;
  if (reported === null || !Number.isFinite(reported)) dataProblem('reported at missing');
  const reportedAt = floorToMinute(reported);
  if (reportedAt > now) dataProblem('reported at is in the future');
  const log = record.changeLog;
  const firstLogged = log.reduce((min, entry) => Math.min(min, entry.at), Number.POSITIVE_INFINITY);
  const created = record.dateEntered ?? (Number.isFinite(firstLogged) ? firstLogged : reported);

  const status = fieldHistory(log, 'status', currentStatus, blankToNull);
  if (status.changes.length === 0 && currentStatus !== STATUS_NEW) {
    dataProblem(`the change log has no status history (the case is ${currentStatus})`);
  }
  if (status.initial !== null && status.initial !== STATUS_NEW) {
    dataProblem(`the change log starts after the case left New (first entry from ${status.initial})`);
  }

  let downgrade = fieldHistory(log, 'downgrade_to', record.downgradeTo, blankToNull);
  if (downgrade.changes.length === 0 && downgrade.initial !== null) {
    // A downgrade the log does not show: the hook's own stamp says when it happened.
    if (record.downgradedAt === null) dataProblem('a downgrade with no recorded time');
    downgrade = new FieldHistory('downgrade_to', null, [
      {
        at: floorToMinute(record.downgradedAt),
        from: null,
        to: downgrade.initial,
        actor: 'person',
        userId: null,
      },
    ]);
  }

  return {
    id: record.id,
    reportedAt,
    createdAt: floorToMinute(created),
    status,
    currentStatus,
    severity: fieldHistory(log, 'severity', record.severity, blankToNull),
    environment: fieldHistory(log, 'environment', record.environment, blankTo('unknown')),
    cause: fieldHistory(log, 'cause', record.cause, blankTo('unknown')),
    reportable: fieldHistory(log, 'reportable', record.reportable, blankTo('yes')),
    downgrade,
    downgradeReason: blankToNull(record.downgradeReason),
    accountId: blankToNull(record.accountId),
  };
}
