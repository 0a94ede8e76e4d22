import { dataProblem } from '../data-problem.js';
import { CAUSES, ENVIRONMENTS, REPORTABLE_VALUES, SEVERITIES } from '../severity/severity.js';
import { floorToMinute } from '../time/local-day.js';
import { type CaseRecord, STATUS_NEW } from './case-record.js';
import { blankTo, blankToNull, FieldHistory, fieldHistory } from './field-history.js';

/**
 * A case's facts, checked: the clock start, and each field's history from the change log.
 * Defaults follow docs/sla-rules.md#severity: environment and cause unknown, reportable yes.
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
    dataProblem({ code: 'change_log_unreadable', first: problems[0] as string, more: problems.length - 1 });
  }
  const currentStatus = blankToNull(record.status);
  if (currentStatus === null) dataProblem({ code: 'status_missing' });
  const reported = record.reportedAt ?? record.dateEntered;
  if (reported === null || !Number.isFinite(reported)) dataProblem({ code: 'reported_at_missing' });
  const reportedAt = floorToMinute(reported);
  // Heals by itself: from that minute on the case is computed (its next transition is then).
  if (reportedAt > now) dataProblem({ code: 'reported_at_future', at: reportedAt }, reportedAt);
  const log = record.changeLog;
  const firstLogged = log.reduce((min, entry) => Math.min(min, entry.at), Number.POSITIVE_INFINITY);
  const created = record.dateEntered ?? (Number.isFinite(firstLogged) ? firstLogged : reported);

  const status = fieldHistory(log, 'status', currentStatus, blankToNull);
  if (status.changes.length === 0 && currentStatus !== STATUS_NEW) {
    dataProblem({ code: 'no_status_history', status: currentStatus });
  }
  if (status.initial !== null && status.initial !== STATUS_NEW) {
    dataProblem({ code: 'log_starts_late', status: status.initial });
  }

  let downgrade = fieldHistory(log, 'downgrade_to', record.downgradeTo, blankToNull);
  if (downgrade.changes.length === 0 && downgrade.initial !== null) {
    // A downgrade the log does not show: the hook's own stamp says when it happened.
    if (record.downgradedAt === null) dataProblem({ code: 'downgrade_without_time' });
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
    severity: correctedLater(fieldHistory(log, 'severity', record.severity, blankToNull), SEVERITIES, null),
    environment: correctedLater(
      fieldHistory(log, 'environment', record.environment, blankTo('unknown')),
      ENVIRONMENTS,
      'unknown',
    ),
    cause: correctedLater(fieldHistory(log, 'cause', record.cause, blankTo('unknown')), CAUSES, 'unknown'),
    reportable: correctedLater(
      fieldHistory(log, 'reportable', record.reportable, blankTo('yes')),
      REPORTABLE_VALUES,
      'yes',
    ),
    downgrade: correctedLater(downgrade, SEVERITIES, null),
    downgradeReason: blankToNull(record.downgradeReason),
    accountId: blankToNull(record.accountId),
  };
}

/**
 * A value that is not one of the field's keys (severity "7", environment "moon") but was
 * corrected later counts as blank for the time it was in force (a blank severity is taken from
 * when it was first filled in; the other fields take their defaults), so fixing the record makes
 * the case computable again. The current value is left as it is: `checkSeverityValues` reports
 * it while it is wrong.
 */
function correctedLater(history: FieldHistory, valid: readonly string[], blank: string | null): FieldHistory {
  if (history.changes.length === 0) return history;
  const fix = (value: string | null) => (value === null || valid.includes(value) ? value : blank);
  const last = history.changes.length - 1;
  return new FieldHistory(
    history.field,
    fix(history.initial),
    history.changes.map((change, index) => ({
      ...change,
      from: fix(change.from),
      to: index === last ? change.to : fix(change.to),
    })),
  );
}
