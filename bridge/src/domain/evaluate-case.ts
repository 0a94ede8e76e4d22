import { isAlwaysOpen } from './calendar/index.js';
import { acknowledgement } from './case/acknowledgement.js';
import { caseHours, exhaustionInstant, readAccountContract } from './case/case-account.js';
import { type CaseFacts, readCaseFacts } from './case/case-facts.js';
import { type CaseFields, EMPTY_CASE_FIELDS } from './case/case-fields.js';
import type { CasePin } from './case/case-pin.js';
import type { CaseRecord } from './case/case-record.js';
import { WITHDRAWING_STATUSES } from './case/case-record.js';
import { caseTracking, type NotTrackedReason } from './case/case-tracking.js';
import { type CoverageDecision, coverageNow, decideCoverage } from './case/coverage.js';
import { caseInputEcho } from './case/input-echo.js';
import { nextLoggedChange, nextTransition } from './case/next-transition.js';
import { isWithin, noSlaOverlays, notReportablePeriods } from './case/no-sla-periods.js';
import { pausedMinutes } from './case/paused-minutes.js';
import { statusPhases } from './case/phases.js';
import { pinnedPolicyMissingReason } from './case/pinned-policy.js';
import {
  type ResolutionClock,
  type ResolutionSegment,
  type ResolutionStatus,
  resolutionClock,
} from './case/resolution-clock.js';
import { type ResponseClock, type ResponseStatus, responseClock } from './case/response-clock.js';
import { responseSortKey } from './case/response-sort-key.js';
import { overlay, type StatusPoint, statusAt } from './case/status-timeline.js';
import type { AccountRecord } from './contract/account-record.js';
import type { ContractFacts } from './contract/contract-facts.js';
import { DataProblem, dataProblem, healsAt, problemReason } from './data-problem.js';
import type { EvaluationContext } from './evaluation-context.js';
import { caseEvents } from './events/case-events.js';
import { type SlaEvent, timelineUpTo } from './events/sla-event.js';
import { dayBreakdown } from './explanation/day-breakdown.js';
import type { CaseExplanationModel } from './explanation/explanation-model.js';
import { resolutionExplanation } from './explanation/resolution-explanation.js';
import { fitLength, safeText } from './explanation/safe-text.js';
import { templatesFor } from './explanation/templates.js';
import { uncountedEntriesNote } from './explanation/uncounted-entries.js';
import { type TimeEntry, validTimeEntries } from './hours/hours-usage.js';
import type { TimeEntryRecord } from './hours/time-entry-record.js';
import { caseNotComputed } from './not-computed-fields.js';
import {
  type ClockCalendar,
  type CompiledPlan,
  type CompiledPolicy,
  clockCalendar,
} from './policy/compiled-policy.js';
import { unreadableFieldsReason } from './problems/unreadable-fields.js';
import type { Reportable } from './severity/severity.js';
import {
  checkSeverityValues,
  type SeverityTimeline,
  segmentAt,
  severityTimeline,
} from './severity/severity-timeline.js';
import { CONTRACT_ZONE, floorToMinute, localDayOf } from './time/local-day.js';

export interface CaseEvaluationInput {
  case: CaseRecord;
  /** The case's account; null when the case has none (or it was not found). */
  account: AccountRecord | null;
  /** The account's time entries (all of them: terms and the case's own hours are picked here). */
  timeEntries: readonly TimeEntryRecord[];
  /**
   * The policy the case is pinned to (the current one for a case never evaluated, or when
   * `pinnedPolicyMissing` says the pinned one is gone).
   */
  policy: CompiledPolicy;
  /** What the first evaluation decided; null the first time. */
  pinned: CasePin | null;
  context: EvaluationContext;
  /** An explicit restatement: decide coverage again under `policy` and record it. */
  restate?: boolean;
  /**
   * Whether SuiteCRM holds a value in any of the bridge's case fields: an untracked case from
   * before the install that holds some is blanked once (see `CaseEvaluation.writable`).
   */
  holdsBridgeValues?: boolean;
  /** The pinned policy version, when the bridge's store does not have it: the case is not computed. */
  pinnedPolicyMissing?: string;
}

export interface CaseEvaluation {
  /** False for cases the bridge does not track (`caseTracking`): the sync never writes them. */
  tracked: boolean;
  /** Why the case is not tracked; null when it is. */
  notTracked: NotTrackedReason | null;
  /**
   * Whether the sync writes `fields`: true for a tracked case. False for an untracked one, except
   * a case created before the install that SuiteCRM holds bridge values for (an earlier bridge
   * version wrote to it): its fields are then blanked, once; it holds none afterwards.
   */
  writable: boolean;
  /** False when the data could not be computed (the fields then say "not computed: ..."). */
  computed: boolean;
  fields: CaseFields;
  /** The pin to keep (unchanged, or set the first time, or restated). */
  pinned: CasePin | null;
  /** The earliest instant after `now` at which a field changes without any edit; null if none. */
  nextTransitionAt: number | null;
  /** The case's event timeline up to `now`. */
  events: SlaEvent[];
}

const SLA_WORDS = { withdrawn: 'withdrawn', notCovered: 'not_covered' } as const;
/** Internal: the resolution status of a covered case whose plan has no resolution targets (blank). */
const NO_CLOCK = 'no_clock';

/**
 * Evaluates a case: every bridge-written field, the pin to keep, the next transition and the
 * event timeline up to `now`. Pure; bad data never throws out of here, it yields
 * `sla_data_problem_c = "not computed: <reason>"` and the `not_computed` statuses.
 */
export function evaluateCase(input: CaseEvaluationInput): CaseEvaluation {
  // Decided before anything is read from the case: an untracked case is never written, bad data
  // or not, so it never shows "not computed".
  const tracking = caseTracking(input.case, input.context.trackingStart);
  if (!tracking.tracked) return notTrackedCase(input, tracking.reason);
  // Then what leaves nothing to evaluate: fields that could not be read, a pinned policy lost.
  const unreadable = unreadableFieldsReason(input.case);
  if (unreadable !== null) return notComputedCase(input, unreadable);
  if (input.pinnedPolicyMissing !== undefined)
    return notComputedCase(input, pinnedPolicyMissingReason(input.pinnedPolicyMissing));
  try {
    return { ...evaluate(input), writable: true };
  } catch (error) {
    const reason = problemReason(error, input.policy.document.language);
    // A problem time heals (a reported-at in the future) is looked at again at that instant; a
    // change already logged for later (clock skew) may make the case computable then.
    const heals = healsAt(error);
    const logged = nextLoggedChange(input.case, input.context.now);
    return {
      ...notComputedCase(input, reason),
      nextTransitionAt: heals === null ? logged : logged === null ? heals : Math.min(heals, logged),
    };
  }
}

/** What `evaluate` decides; `evaluateCase` adds whether the sync writes it. */
type CaseComputation = Omit<CaseEvaluation, 'writable'>;

/** A tracked case that cannot be computed: the reason, no stale values, the pin kept. */
function notComputedCase(input: CaseEvaluationInput, reason: string): CaseEvaluation {
  return {
    tracked: true,
    notTracked: null,
    writable: true,
    computed: false,
    fields: { ...caseNotComputed(reason), ...caseInputEcho(input.case) },
    pinned: input.pinned,
    nextTransitionAt: null,
    events: [],
  };
}

/**
 * An untracked case. What an earlier bridge version wrote to a case from before the install
 * ("not computed: the change log has no status history", or clocks that would now stand still)
 * is blanked once, then left alone; on a fresh install SuiteCRM holds nothing of ours for it,
 * so nothing is sent. Otherwise the fields are what the bridge would show; the sync writes none.
 */
function notTrackedCase(input: CaseEvaluationInput, reason: NotTrackedReason): CaseEvaluation {
  const blankOnce = reason === 'created_before_install' && input.holdsBridgeValues === true;
  return {
    tracked: false,
    notTracked: reason,
    writable: blankOnce,
    computed: true,
    fields: blankOnce
      ? { ...EMPTY_CASE_FIELDS, ...caseInputEcho(input.case) }
      : { ...EMPTY_CASE_FIELDS, sla_coverage_c: 'not_tracked' },
    pinned: input.pinned,
    nextTransitionAt: null,
    events: [],
  };
}

function evaluate(input: CaseEvaluationInput): CaseComputation {
  const { policy, context } = input;
  const { now } = context;
  const facts = readCaseFacts(input.case, now);
  if (input.pinned && input.pinned.policyVersion !== policy.version && !input.restate) {
    dataProblem({ code: 'pinned_elsewhere', pinned: input.pinned.policyVersion, used: policy.version });
  }
  const ack = acknowledgement(facts.status, {
    bridgeUserId: context.bridgeUserId,
    integrationUsers: policy.document.integrationUsers,
  });
  const withdrawnNow = isWithin(ack.withdrawn, now);
  const timeEntries = validTimeEntries(input.timeEntries);

  let timeline: SeverityTimeline;
  let contract: ContractFacts;
  try {
    checkSeverityValues(facts);
    timeline = severityTimeline(facts);
    contract = readAccountContract(facts, input.account, policy);
  } catch (error) {
    // A withdrawn case needs neither a severity nor a contract: it has no SLA.
    if (withdrawnNow && error instanceof DataProblem) return withdrawnOnly(input, facts, timeEntries);
    throw error;
  }

  const reportDay = localDayOf(facts.reportedAt, CONTRACT_ZONE);
  const pin = pinFor(input, () => decideCoverage(contract, reportDay, timeEntries, policy.document));
  const plan = pin.planId === null ? undefined : policy.plans.get(pin.planId);
  if (pin.planId !== null && !plan)
    dataProblem({ code: 'plan_not_in_version', plan: pin.planId, version: policy.version });

  const current = segmentAt(timeline, now).severity;
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
    withdrawn: withdrawnNow,
    notReportable: isWithin(notReportable, now),
    pinned: pin.coverage,
  });

  const templates = templatesFor(policy.document.language);
  const downgradeChange = lastDowngrade(facts, now);
  const zone =
    response?.calendar.calendar.definition.timeZone ?? plan?.calendar.definition.timeZone ?? CONTRACT_ZONE;
  const severityModel = {
    current,
    responseSeverity: timeline.response.capped !== current.capped ? timeline.response : null,
    downgradeAt: downgradeChange,
    downgradeReason: facts.downgradeReason === null ? null : safeText(facts.downgradeReason),
    zone,
  };
  const note = templates.severityNote(severityModel);
  const acknowledgedAt = ack.at !== null && ack.at <= now ? Math.max(ack.at, facts.reportedAt) : null;
  const showClocks = coverage === 'covered';
  const explanationModel: CaseExplanationModel = {
    coverage,
    planLabel: plan?.definition.label ?? null,
    reportable: (facts.reportable.valueAt(Math.max(now, facts.createdAt)) ?? 'yes') as Reportable,
    zone,
    reportedAt: facts.reportedAt,
    severity: severityModel,
    response:
      showClocks && response && responseNow
        ? {
            severity: response.severity,
            targetMinutes: response.targetMinutes,
            calendarName: response.calendar.label,
            calendar: response.calendar.calendar.definition,
            alwaysOpen: isAlwaysOpen(response.calendar.calendar.definition),
            zone: response.calendar.calendar.definition.timeZone,
            start: response.start,
            due: response.due,
            atRiskAt: response.atRiskAt,
            breachedAt: response.breachedAt,
            breakdown: dayBreakdown(response.start, response.due, response.calendar.calendar),
            status: responseNow.status,
            acknowledgedAt,
            minutes: acknowledgedAt === null ? null : response.minutes,
          }
        : null,
    resolution: !showClocks
      ? null
      : resolution && resolutionNow
        ? resolutionExplanation(resolution, resolutionNow, phases, segments, hoursExhaustedAt, now)
        : { target: false },
  };
  const uncounted = uncountedEntriesNote(input.timeEntries, facts.id, policy.document.language);
  const explanation = safeText(
    [templates.caseExplanation(explanationModel), uncounted].filter((part) => part !== null).join(' '),
  );

  const fields: CaseFields = {
    sla_effective_severity_c: current.effective,
    sla_severity_note_c: note === null ? null : fitLength(safeText(note), 255),
    sla_policy_version_c: pin.policyVersion,
    sla_coverage_c: coverage,
    sla_acknowledged_at_c: acknowledgedAt,
    sla_response_due_c: responseNow?.due ?? null,
    sla_response_sort_c: responseSortKey(responseNow?.due ?? null),
    sla_response_status_c: responseNow?.status ?? null,
    sla_response_minutes_c:
      response &&
      acknowledgedAt !== null &&
      (responseNow?.status === 'met' || responseNow?.status === 'met_late')
        ? response.minutes
        : null,
    sla_resolution_due_c: resolutionNow?.due ?? null,
    sla_resolution_status_c: resolutionNow?.status ?? null,
    sla_paused_minutes_c: covered ? pausedMinutes(phases, segments, now) : null,
    sla_hours_logged_c: caseHours(timeEntries, facts.id),
    sla_explanation_c: explanation,
    sla_data_problem_c: null,
    ...caseInputEcho(input.case),
  };
  if (policy.document.priority.followsSeverity)
    fields.priority = policy.document.priority.map[current.effective];

  const events = caseEvents({
    facts,
    pin,
    acknowledgedAt: ack.at === null ? null : Math.max(ack.at, facts.reportedAt),
    timeline,
    phases,
    covered,
    noSla: [...ack.withdrawn, ...(covered ? notReportable : [])],
    responsePoints,
    resolutionPoints,
  });

  return {
    tracked: true,
    notTracked: null,
    computed: true,
    fields,
    pinned: pin,
    nextTransitionAt: nextTransition(now, facts, [responsePoints, resolutionPoints]),
    events: timelineUpTo(events, now),
  };
}

/** The pin: kept, set the first time, or restated on request (recorded only when it changes). */
function pinFor(input: CaseEvaluationInput, decide: () => CoverageDecision): CasePin {
  const { pinned, policy, context } = input;
  const at = floorToMinute(context.now);
  if (!pinned) return { ...decide(), policyVersion: policy.version, firstEvaluatedAt: at, restatements: [] };
  if (!input.restate) return pinned;
  const decision = decide();
  const unchanged =
    decision.coverage === pinned.coverage &&
    decision.planId === pinned.planId &&
    decision.severity1AlwaysOpen === pinned.severity1AlwaysOpen &&
    policy.version === pinned.policyVersion;
  if (unchanged) return pinned;
  return {
    ...decision,
    policyVersion: policy.version,
    firstEvaluatedAt: pinned.firstEvaluatedAt,
    restatements: [
      ...pinned.restatements,
      {
        at,
        fromVersion: pinned.policyVersion,
        toVersion: policy.version,
        fromCoverage: pinned.coverage,
        toCoverage: decision.coverage,
      },
    ],
  };
}

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

function lastDowngrade(facts: CaseFacts, now: number): number | null {
  let at: number | null = null;
  for (const change of facts.downgrade.changes) if (change.at <= now && change.to !== null) at = change.at;
  return at;
}

/** A withdrawn case whose severity or account cannot be read: withdrawn is all there is to say. */
function withdrawnOnly(
  input: CaseEvaluationInput,
  facts: CaseFacts,
  entries: readonly TimeEntry[],
): CaseComputation {
  const templates = templatesFor(input.policy.document.language);
  return {
    tracked: true,
    notTracked: null,
    computed: true,
    fields: {
      ...EMPTY_CASE_FIELDS,
      ...caseInputEcho(input.case),
      sla_policy_version_c: input.pinned?.policyVersion ?? null,
      sla_coverage_c: 'withdrawn',
      sla_response_status_c: 'withdrawn',
      sla_resolution_status_c: 'withdrawn',
      sla_hours_logged_c: caseHours(entries, facts.id),
      sla_explanation_c: safeText(
        [
          templates.coverageSentence({ coverage: 'withdrawn', planLabel: null, reportable: 'yes' }),
          uncountedEntriesNote(input.timeEntries, facts.id, input.policy.document.language),
        ]
          .filter((part) => part !== null)
          .join(' '),
      ),
    },
    pinned: input.pinned,
    nextTransitionAt: nextLoggedChange(input.case, input.context.now),
    events: [],
  };
}
