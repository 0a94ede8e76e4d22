import type { DayNumber } from '../../iso/day-number.js';
import type { ContractFacts } from '../contract/contract-facts.js';
import type { TimeEntry } from '../hours/hours-usage.js';
import {
  type ClockCalendar,
  type CompiledPlan,
  type CompiledPolicy,
  clockCalendar,
} from '../policy/compiled-policy.js';
import type { SeverityTimeline } from '../severity/severity-timeline.js';
import type { Acknowledgement } from './acknowledgement.js';
import { exhaustionInstant } from './case-account.js';
import type { CaseFacts } from './case-facts.js';
import type { CasePin } from './case-pin.js';
import { WITHDRAWING_STATUSES } from './case-record.js';
import { type Coverage, coverageNow } from './coverage.js';
import { isWithin, noSlaOverlays, notReportablePeriods, type Period } from './no-sla-periods.js';
import { statusPhases } from './phases.js';
import {
  type Phase,
  type ResolutionClock,
  type ResolutionSegment,
  type ResolutionStatus,
  resolutionClock,
} from './resolution-clock.js';
import { type ResponseClock, type ResponseStatus, responseClock } from './response-clock.js';
import { overlay, type StatusPoint, statusAt } from './status-timeline.js';

const SLA_WORDS = { withdrawn: 'withdrawn', notCovered: 'not_covered' } as const;
/** Internal: the resolution status of a covered case whose plan has no resolution targets (blank). */
const NO_CLOCK = 'no_clock';

/** What a case's clocks are run from: read from the case and decided (pin, plan) by the caller. */
export interface CaseClockInput {
  facts: CaseFacts;
  timeline: SeverityTimeline;
  contract: ContractFacts;
  /** The contract day of the report: the hours term the case draws on. */
  reportDay: DayNumber;
  timeEntries: readonly TimeEntry[];
  policy: CompiledPolicy;
  pin: CasePin;
  /** The pinned plan; undefined when the pin has none. */
  plan: CompiledPlan | undefined;
  ack: Acknowledgement;
  withdrawnNow: boolean;
  now: number;
}

/**
 * The response and resolution clocks of a case, with the no-SLA stretches laid over them, and
 * their status at `now`. The explanation, the fields and the events all read these same values,
 * so they can never disagree with each other.
 */
export interface CaseClocks {
  /** Covered under the pin by a plan of the version (the clocks run); false for every other coverage. */
  covered: boolean;
  coverage: Coverage;
  phases: Phase[];
  segments: ResolutionSegment[];
  notReportable: Period[];
  response: ResponseClock | null;
  resolution: ResolutionClock | null;
  hoursExhaustedAt: number | null;
  responsePoints: StatusPoint<ResponseStatus>[];
  resolutionPoints: StatusPoint<ResolutionStatus | typeof NO_CLOCK>[];
  responseNow: StatusPoint<ResponseStatus> | null;
  resolutionNow: StatusPoint<ResolutionStatus> | null;
  /** The acknowledgement as shown at `now`: not before the report, none while still ahead. */
  acknowledgedAt: number | null;
}

export function caseClocks(input: CaseClockInput): CaseClocks {
  const { facts, timeline, contract, reportDay, timeEntries, policy, pin, plan, ack, now } = input;
  const notReportable = notReportablePeriods(facts);
  const covered = pin.coverage === 'covered' && plan !== undefined;
  const phases = statusPhases(facts.status, facts.reportedAt);
  const segments = plan ? resolutionSegments(timeline, plan, policy, pin) : [];

  let response: ResponseClock | null = null;
  let resolution: ResolutionClock | null = null;
  let hoursExhaustedAt: number | null = null;
  if (covered && plan) {
    const severity = timeline.response.capped;
    response = responseClock({
      start: facts.reportedAt,
      severity,
      targetMinutes: plan.definition.responseMinutes[severity],
      atRiskShare: plan.definition.atRiskShare,
      calendar: clockCalendar(policy, plan, severity, pin.severity1AlwaysOpen),
      acknowledgedAt: ack.at,
    });
    if (plan.definition.resolutionMinutes) {
      hoursExhaustedAt = exhaustionInstant(contract, reportDay, timeEntries, policy, facts.reportedAt);
      resolution = resolutionClock({
        start: facts.reportedAt,
        phases,
        segments,
        atRiskShare: plan.definition.atRiskShare,
        acknowledgedAt: ack.at,
        hoursExhaustedAt,
        notApplicableStatuses: WITHDRAWING_STATUSES,
      });
    }
  }

  const overlays = noSlaOverlays(ack.withdrawn, SLA_WORDS.withdrawn, notReportable, SLA_WORDS.notCovered);
  const notCoveredBase = [{ at: facts.reportedAt, status: 'not_covered' as const, due: null }];
  const responsePoints: StatusPoint<ResponseStatus>[] = overlay<ResponseStatus>(
    response ? response.points : notCoveredBase,
    covered ? overlays : overlays.filter((period) => period.status === 'withdrawn'),
  );
  // A covered case on a plan with no resolution targets has no resolution status, except the
  // no-SLA ones (withdrawn, not reportable) while they last.
  const resolutionPoints = overlay<ResolutionStatus | typeof NO_CLOCK>(
    resolution
      ? resolution.points
      : covered
        ? [{ at: facts.reportedAt, status: NO_CLOCK, due: null }]
        : notCoveredBase,
    covered ? overlays : overlays.filter((period) => period.status === 'withdrawn'),
  );
  const responseNow = statusAt(responsePoints, now);
  const resolutionSample = statusAt(resolutionPoints, now);
  const resolutionNow =
    resolutionSample === null || resolutionSample.status === NO_CLOCK
      ? null
      : { ...resolutionSample, status: resolutionSample.status };
  const coverage = coverageNow({
    withdrawn: input.withdrawnNow,
    notReportable: isWithin(notReportable, now),
    pinned: pin.coverage,
  });
  const acknowledgedAt = ack.at !== null && ack.at <= now ? Math.max(ack.at, facts.reportedAt) : null;

  return {
    covered,
    coverage,
    phases,
    segments,
    notReportable,
    response,
    resolution,
    hoursExhaustedAt,
    responsePoints,
    resolutionPoints,
    responseNow,
    resolutionNow,
    acknowledgedAt,
  };
}

/**
 * The severity timeline as the resolution clock runs it: a severity change moves the case to that
 * severity's target and calendar from then on, so each segment carries its own.
 */
function resolutionSegments(
  timeline: SeverityTimeline,
  plan: CompiledPlan,
  policy: CompiledPolicy,
  pin: CasePin,
): ResolutionSegment[] {
  const targets = plan.definition.resolutionMinutes;
  return timeline.segments.map((segment) => {
    const severity = segment.severity.effective;
    const calendar: ClockCalendar = clockCalendar(policy, plan, severity, pin.severity1AlwaysOpen);
    return { from: segment.from, severity, targetMinutes: targets ? targets[severity] : 0, calendar };
  });
}
