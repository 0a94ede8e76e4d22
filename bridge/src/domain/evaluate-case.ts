import { acknowledgement } from './case/acknowledgement.js';
import { caseHours, readAccountContract } from './case/case-account.js';
import { caseClocks } from './case/case-clocks.js';
import { type CaseFacts, readCaseFacts } from './case/case-facts.js';
import { assembleCaseFields } from './case/case-field-assembly.js';
import { type CaseFields, EMPTY_CASE_FIELDS } from './case/case-fields.js';
import type { CasePin } from './case/case-pin.js';
import type { CaseRecord } from './case/case-record.js';
import { caseTracking, type NotTrackedReason } from './case/case-tracking.js';
import { type CoverageDecision, decideCoverage } from './case/coverage.js';
import { caseInputEcho } from './case/input-echo.js';
import { nextLoggedChange, nextTransition } from './case/next-transition.js';
import { isWithin } from './case/no-sla-periods.js';
import { pinnedPolicyMissingReason } from './case/pinned-policy.js';
import type { AccountRecord } from './contract/account-record.js';
import type { ContractFacts } from './contract/contract-facts.js';
import { DataProblem, dataProblem, healsAt, problemReason } from './data-problem.js';
import type { EvaluationContext } from './evaluation-context.js';
import { caseEvents } from './events/case-events.js';
import { type SlaEvent, timelineUpTo } from './events/sla-event.js';
import { explainCase } from './explanation/case-explanation.js';
import { safeText } from './explanation/safe-text.js';
import { templatesFor } from './explanation/templates.js';
import { uncountedEntriesNote } from './explanation/uncounted-entries.js';
import { type TimeEntry, validTimeEntries } from './hours/hours-usage.js';
import type { TimeEntryRecord } from './hours/time-entry-record.js';
import { caseNotComputed } from './not-computed-fields.js';
import type { CompiledPolicy } from './policy/compiled-policy.js';
import { unreadableFieldsReason } from './problems/unreadable-fields.js';
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

  // The explanation reads the clocks and the fields take both; the severity at `now` is read
  // once here because the explanation and the fields both show it.
  const current = segmentAt(timeline, now).severity;
  const clocks = caseClocks({
    facts,
    timeline,
    contract,
    reportDay,
    timeEntries,
    policy,
    pin,
    plan,
    ack,
    withdrawnNow,
    now,
  });
  const texts = explainCase({
    facts,
    timeline,
    current,
    plan,
    clocks,
    language: policy.document.language,
    timeEntries: input.timeEntries,
    now,
  });
  const fields = assembleCaseFields({
    record: input.case,
    facts,
    pin,
    current,
    clocks,
    texts,
    timeEntries,
    policy,
    now,
  });

  const { covered, phases, responsePoints, resolutionPoints } = clocks;
  const events = caseEvents({
    facts,
    pin,
    acknowledgedAt: ack.at === null ? null : Math.max(ack.at, facts.reportedAt),
    timeline,
    phases,
    covered,
    noSla: [...ack.withdrawn, ...(covered ? clocks.notReportable : [])],
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
