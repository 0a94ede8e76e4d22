import type { WithdrawnPeriod } from './acknowledgement.js';
import type { CaseFacts } from './case-facts.js';
import type { NoSlaPeriod } from './status-timeline.js';

export interface Period {
  from: number;
  to: number | null;
}

/**
 * When the case was not a reportable incident: from each change to a reason (a)-(d) until the
 * next change back to yes. A value set when the case was typed in holds from the report.
 */
export function notReportablePeriods(facts: CaseFacts): Period[] {
  const periods: Period[] = [];
  let open: Period | null = null;
  const apply = (at: number, value: string | null) => {
    const reportable = value === null || value === 'yes';
    if (!reportable && !open) open = { from: at, to: null };
    if (reportable && open) {
      periods.push({ from: open.from, to: at });
      open = null;
    }
  };
  apply(facts.reportedAt, facts.reportable.valueAt(Math.max(facts.reportedAt, facts.createdAt)));
  for (const change of facts.reportable.changes) {
    if (change.at > Math.max(facts.reportedAt, facts.createdAt)) apply(change.at, change.to);
  }
  if (open) periods.push(open);
  return periods;
}

export function isWithin(periods: readonly Period[], instant: number): boolean {
  return periods.some((period) => period.from <= instant && (period.to === null || instant < period.to));
}

/** The periods as clock overlays: withdrawn first (it wins), then not reportable. */
export function noSlaOverlays<W extends string, N extends string>(
  withdrawn: readonly WithdrawnPeriod[],
  withdrawnStatus: W,
  notReportable: readonly Period[],
  notReportableStatus: N,
): NoSlaPeriod<W | N>[] {
  return [
    ...withdrawn.map((period) => ({ ...period, status: withdrawnStatus as W | N })),
    ...notReportable.map((period) => ({ ...period, status: notReportableStatus as W | N })),
  ];
}
