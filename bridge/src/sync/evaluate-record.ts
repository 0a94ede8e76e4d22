import {
  type CasePin,
  type CompiledPolicy,
  EMPTY_CASE_FIELDS,
  evaluateAccount,
  evaluateCase,
  evaluateTimeEntry,
  type NotTrackedReason,
  type SlaEvent,
} from '../domain/index.js';
import type { ContractTermInput } from '../store/index.js';
import { type EvaluationInputs, refKey } from './evaluation-inputs.js';
import type { EvaluationEnv } from './sync-context.js';
import type { SyncRecordRef } from './sync-modules.js';

/**
 * Step 3: one record through the pure domain, with `now` passed in. The outcome says what the
 * bridge's fields should hold, what to keep in the store (pin, next transition, events, terms)
 * and whether the record may be written at all (untracked cases never are: reported before the
 * tracking start, or created before the package was installed).
 */
export interface Outcome {
  ref: SyncRecordRef;
  /** False: nothing is written to SuiteCRM for this record. */
  writable: boolean;
  /**
   * A case the bridge does not track, and why (`caseTracking`). It is not writable, except to
   * blank, once, what an earlier bridge version wrote to a case from before the install.
   */
  notTracked?: NotTrackedReason;
  desired: Record<string, unknown>;
  events: SlaEvent[];
  /** The case's pin to keep; `restated` when it replaces a stored one. */
  pin?: { pin: CasePin; isNew: boolean; restated: boolean };
  next: number | null;
  /** "not computed: ..." when the record could not be computed. */
  problem: string | null;
  terms: ContractTermInput[];
  /** The record is gone from the store (deleted): forget its bookkeeping. */
  vanished?: boolean;
}

export interface EvaluateOptions {
  restate?: boolean;
}

export async function evaluateRecord(
  env: EvaluationEnv,
  inputs: EvaluationInputs,
  ref: SyncRecordRef,
  options: EvaluateOptions = {},
): Promise<Outcome> {
  const snapshot = inputs.snapshots.get(refKey(ref.module, ref.id));
  if (!snapshot)
    return {
      ref,
      writable: false,
      desired: {},
      events: [],
      next: null,
      problem: null,
      terms: [],
      vanished: true,
    };
  if (snapshot.module === 'SLA_TimeEntries') {
    const entry = snapshot.record;
    const account = entry.accountId ? (inputs.accounts.get(entry.accountId) ?? null) : null;
    const result = evaluateTimeEntry({ entry, account, policy: env.policy });
    return {
      ref,
      writable: true,
      desired: { ...result.fields },
      events: [],
      next: null,
      problem: result.fields.data_problem,
      terms: [],
    };
  }
  if (snapshot.module === 'Accounts') {
    const account = snapshot.record;
    const result = evaluateAccount({
      account,
      timeEntries: inputs.entriesByAccount.get(account.id) ?? [],
      policy: env.policy,
      context: { now: env.now },
    });
    return {
      ref,
      writable: true,
      desired: { ...result.fields },
      events: result.events,
      next: result.nextTransitionAt,
      problem: result.fields.sla_data_problem_c,
      terms: result.terms.map((term) => ({ accountId: account.id, ...term })),
    };
  }
  const record = snapshot.record;
  const stored = inputs.pins.get(record.id) ?? null;
  const policy = await policyForCase(env, stored, options.restate === true);
  // An account whose fields could not be read carries its `parseProblems`: the case then says why.
  const account = record.accountId ? (inputs.accounts.get(record.accountId) ?? null) : null;
  const timeEntries = record.accountId
    ? (inputs.entriesByAccount.get(record.accountId) ?? [])
    : (inputs.entriesByCase.get(record.id) ?? []);
  const result = evaluateCase({
    case: record,
    account,
    timeEntries,
    policy: policy.policy,
    pinned: stored,
    context: { now: env.now, trackingStart: env.trackingStart, bridgeUserId: env.bridgeUserId },
    holdsBridgeValues: holdsBridgeValues(inputs.held.get(refKey(ref.module, ref.id))),
    ...(policy.missing === undefined ? {} : { pinnedPolicyMissing: policy.missing }),
    ...(options.restate ? { restate: true } : {}),
  });
  const pinChanged = result.pinned !== null && result.pinned !== stored;
  return {
    ref,
    writable: result.writable,
    ...(result.notTracked ? { notTracked: result.notTracked } : {}),
    // An untracked case is written only to blank it once; otherwise nothing of it is sent.
    desired: result.writable ? { ...result.fields } : {},
    events: result.events,
    next: result.tracked ? result.nextTransitionAt : null,
    problem: result.tracked ? result.fields.sla_data_problem_c : null,
    terms: [],
    ...(pinChanged && result.pinned
      ? { pin: { pin: result.pinned, isNew: stored === null, restated: stored !== null } }
      : {}),
  };
}

/** Whether SuiteCRM holds a value in any of the bridge's case fields (none of them has a default). */
function holdsBridgeValues(held: Record<string, unknown> | undefined): boolean {
  if (!held) return false;
  return Object.keys(EMPTY_CASE_FIELDS).some((field) => {
    const value = held[field];
    return value !== null && value !== undefined && value !== '';
  });
}

/**
 * The policy a case is measured against: the version pinned at its first evaluation, or the
 * current one with the version the store lacks (the domain then says so in the case).
 */
async function policyForCase(
  env: EvaluationEnv,
  pinned: CasePin | null,
  restate: boolean,
): Promise<{ policy: CompiledPolicy; missing?: string }> {
  if (pinned === null || restate || pinned.policyVersion === env.policy.version)
    return { policy: env.policy };
  const older = await env.policyFor(pinned.policyVersion);
  return older ? { policy: older } : { policy: env.policy, missing: pinned.policyVersion };
}
