import type { CasePin } from '../domain/index.js';
import {
  type AccountRecord,
  accountNotComputed,
  type CaseRecord,
  type CompiledPolicy,
  caseInputEcho,
  caseNotComputed,
  caseTracking,
  EMPTY_CASE_FIELDS,
  evaluateAccount,
  evaluateCase,
  evaluateTimeEntry,
  NOT_COMPUTED_PREFIX,
  type NotTrackedReason,
  notComputedText,
  type SlaEvent,
  type TimeEntryRecord,
  timeEntryNotComputed,
} from '../domain/index.js';
import type { ContractTermInput } from '../store/index.js';
import { type EvaluationInputs, refKey } from './evaluation-inputs.js';
import type { SyncContext } from './sync-context.js';
import type { Snapshot, SyncRecordRef } from './sync-modules.js';

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
  ctx: SyncContext,
  inputs: EvaluationInputs,
  ref: SyncRecordRef,
  options: EvaluateOptions = {},
): Promise<Outcome> {
  const snapshot = inputs.snapshots.get(refKey(ref.module, ref.id));
  const base = { ref, events: [], next: null, terms: [] };
  if (!snapshot) return { ...base, writable: false, desired: {}, problem: null, vanished: true };
  const data = snapshot.data as Snapshot<Record<string, unknown>>;
  if (ref.module === 'Cases') {
    // Decided first, by the domain: an untracked case is never written, whatever its data (bad
    // attributes, a pinned policy the store lost), so it never shows "not computed".
    const tracking = caseTracking(data as unknown as CaseRecord, ctx.trackingStart);
    if (!tracking.tracked) {
      const notTracked = { ...base, problem: null, notTracked: tracking.reason };
      // An older case an earlier bridge version wrote to ("not computed: the change log has no
      // status history", or clocks that would now stand still): blanked once, then left alone.
      // On a fresh install SuiteCRM holds nothing of ours for it, so nothing is sent.
      if (
        tracking.reason === 'created_before_install' &&
        holdsBridgeValues(inputs.held.get(refKey(ref.module, ref.id)))
      )
        return {
          ...notTracked,
          writable: true,
          desired: { ...EMPTY_CASE_FIELDS, ...caseInputEcho(data as unknown as CaseRecord) },
        };
      return { ...notTracked, writable: false, desired: {} };
    }
  }
  if (data.parseProblems && data.parseProblems.length > 0) {
    // Like any bad data: the reason made safe for SuiteCRM and cut to its field.
    const problem = notComputedText(data.parseProblems.join('; '));
    const desired = notComputedFields(ref.module, problem);
    if (ref.module === 'Cases') Object.assign(desired, caseInputEcho(data as unknown as CaseRecord));
    return { ...base, writable: true, desired, problem };
  }
  if (ref.module === 'SLA_TimeEntries') {
    const entry = data as unknown as TimeEntryRecord;
    const account = entry.accountId ? (inputs.accounts.get(entry.accountId) ?? null) : null;
    const result = evaluateTimeEntry({ entry, account, policy: ctx.policy });
    return { ...base, writable: true, desired: { ...result.fields }, problem: result.fields.data_problem };
  }
  if (ref.module === 'Accounts') {
    const account = data as unknown as AccountRecord;
    const result = evaluateAccount({
      account,
      timeEntries: inputs.entriesByAccount.get(account.id) ?? [],
      policy: ctx.policy,
      context: { now: ctx.now },
    });
    return {
      ...base,
      writable: true,
      desired: { ...result.fields },
      events: result.events,
      next: result.nextTransitionAt,
      problem: result.fields.sla_data_problem_c,
      terms: termsOf(account, result.fields),
    };
  }
  const record = data as unknown as CaseRecord;
  const stored = inputs.pins.get(record.id) ?? null;
  const policy = await policyForCase(ctx, stored, options.restate === true);
  if (typeof policy === 'string') {
    const desired = { ...notComputedFields('Cases', policy), ...caseInputEcho(record) };
    return { ...base, writable: true, desired, problem: policy };
  }
  // An account whose fields could not be read carries its `parseProblems`: the case then says why.
  const account = record.accountId ? (inputs.accounts.get(record.accountId) ?? null) : null;
  const timeEntries = record.accountId
    ? (inputs.entriesByAccount.get(record.accountId) ?? [])
    : (inputs.entriesByCase.get(record.id) ?? []);
  const result = evaluateCase({
    case: record,
    account,
    timeEntries,
    policy,
    pinned: stored,
    context: { now: ctx.now, trackingStart: ctx.trackingStart, bridgeUserId: ctx.bridgeUserId },
    ...(options.restate ? { restate: true } : {}),
  });
  const pinChanged = result.pinned !== null && result.pinned !== stored;
  return {
    ...base,
    writable: result.tracked,
    ...(result.notTracked ? { notTracked: result.notTracked } : {}),
    desired: { ...result.fields },
    events: result.events,
    next: result.tracked ? result.nextTransitionAt : null,
    problem: result.fields.sla_data_problem_c,
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

/** The policy a case is measured against: the version pinned at its first evaluation. */
async function policyForCase(
  ctx: SyncContext,
  pinned: CasePin | null,
  restate: boolean,
): Promise<CompiledPolicy | string> {
  if (pinned === null || restate || pinned.policyVersion === ctx.policy.version) return ctx.policy;
  const older = await ctx.policyFor(pinned.policyVersion);
  return (
    older ??
    `${NOT_COMPUTED_PREFIX}policy version ${pinned.policyVersion} is not in the bridge's store (restate the case)`
  );
}

/** The current term (and the one before it, renewed) for the contract-term history. */
function termsOf(
  account: AccountRecord,
  fields: {
    sla_term_start_c: string | null;
    sla_term_end_c: string | null;
    sla_contract_state_c: string | null;
  },
): ContractTermInput[] {
  const start = account.contractStart;
  if (!start || !fields.sla_term_start_c || !fields.sla_term_end_c) return [];
  const index = monthsBetween(start, fields.sla_term_start_c) / 12;
  if (!Number.isInteger(index) || index < 0) return [];
  const state = fields.sla_contract_state_c;
  const outcome = state === 'lapsed' ? 'lapsed' : state === 'ended_early' ? 'ended_early' : null;
  const terms: ContractTermInput[] = [
    {
      accountId: account.id,
      termIndex: index,
      startDate: fields.sla_term_start_c,
      endDate: nextDay(fields.sla_term_end_c),
      outcome,
    },
  ];
  if (index > 0) {
    terms.push({
      accountId: account.id,
      termIndex: index - 1,
      startDate: addMonthsFrom(start, 12 * (index - 1)),
      endDate: fields.sla_term_start_c,
      outcome: 'renewed',
    });
  }
  return terms;
}

function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7))
  );
}

/** Term N starts on `start` + 12N months, clamped to the month's last day (29 February never drifts). */
function addMonthsFrom(start: string, months: number): string {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7)) - 1 + months;
  const day = Number(start.slice(8, 10));
  const target = new Date(Date.UTC(year, month, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** What a record that cannot be computed shows: the reason, and no stale values. */
export function notComputedFields(module: SyncRecordRef['module'], problem: string): Record<string, unknown> {
  const reason = problem.startsWith(NOT_COMPUTED_PREFIX)
    ? problem.slice(NOT_COMPUTED_PREFIX.length)
    : problem;
  if (module === 'Cases') return { ...caseNotComputed(reason) };
  if (module === 'Accounts') return { ...accountNotComputed(reason) };
  return { ...timeEntryNotComputed(reason) };
}
