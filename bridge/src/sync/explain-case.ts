import type { AccountRecord, CaseRecord, CompiledPolicy } from '../domain/index.js';
import { BridgeError } from '../errors/bridge-error.js';
import type { LedgerEvent, Store } from '../store/index.js';
import { evaluateRecord, type Outcome } from './evaluate-record.js';
import { loadEvaluationInputs } from './evaluation-inputs.js';
import { PolicyCache } from './policy-cache.js';
import type { EvaluationEnv } from './sync-context.js';

/**
 * `explain`: one case as the bridge sees it, from the store alone (no SuiteCRM call): its inputs
 * as last read, what the domain computes from them now, what SuiteCRM held for the bridge's
 * fields when last read or written, and the case's events in the ledger.
 */
export interface CaseExplanation {
  caseId: string;
  caseNumber: string | null;
  lastRead: number | null;
  inputs: CaseRecord;
  account: AccountRecord | null;
  now: number;
  policyVersion: string;
  computed: Outcome;
  held: Record<string, unknown> | null;
  /** The stored next transition: when the sync will really look at the case again. */
  nextTransition: { at: number; reason: string } | null;
  /** When the values computed now that SuiteCRM does not hold get written; null if none differ. */
  pendingWrite: PendingWrite | null;
  events: LedgerEvent[];
}

/**
 * When a pass writes what `explain` computes but SuiteCRM does not hold, from what the sync will
 * really do (finding 2: explain promised "the next sync writes it" for a case no pass looked at
 * again). A pass evaluates a case when its next transition is due, when its inputs or its
 * bridge fields change in SuiteCRM (the ingest queues it), or in a full sync (the nightly
 * reconcile, `sync --full`), which queues every record.
 */
export type PendingWrite =
  /** Reported before the tracking start: never written. */
  | { when: 'never' }
  /** Its next transition is due: the next pass evaluates and writes it. */
  | { when: 'next_sync' }
  /** Not before its next transition (or an edit in SuiteCRM). */
  | { when: 'at'; at: number }
  /** No transition stored: only an edit in SuiteCRM or a full sync gets it written. */
  | { when: 'unscheduled' };

export function pendingWrite(input: {
  writable: boolean;
  differs: boolean;
  nextTransitionAt: number | null;
  now: number;
}): PendingWrite | null {
  if (!input.differs) return null;
  if (!input.writable) return { when: 'never' };
  if (input.nextTransitionAt === null) return { when: 'unscheduled' };
  if (input.nextTransitionAt <= input.now) return { when: 'next_sync' };
  return { when: 'at', at: input.nextTransitionAt };
}

/** The fields whose computed value SuiteCRM does not hold (as last read or written). */
export function differingFields(
  desired: Record<string, unknown>,
  held: Record<string, unknown> | null,
): string[] {
  if (held === null) return Object.keys(desired);
  return Object.keys(desired).filter(
    (field) => JSON.stringify(held[field] ?? null) !== JSON.stringify(desired[field] ?? null),
  );
}

export async function explainCase(
  store: Store,
  policy: CompiledPolicy,
  key: string,
  now: number,
): Promise<CaseExplanation> {
  const snapshot = await store.read(async (r) => {
    if (/^\d+$/.test(key)) {
      const found = await r.snapshots.findByNumber('Cases', key);
      if (found.length > 1)
        throw new BridgeError(
          'input_invalid',
          `case number ${key} matches ${found.length} cases: give the id`,
        );
      return found[0] ?? null;
    }
    return r.snapshots.get('Cases', key);
  });
  if (!snapshot) {
    throw new BridgeError(
      'input_invalid',
      `no case ${key} in the bridge's store: is it reported after the tracking start, and has a sync read it?`,
    );
  }
  const tracking = await store.read((r) => r.trackingStart.get());
  const policies = new PolicyCache(policy);
  // Only what an evaluation depends on: explain reads the store and never talks to SuiteCRM.
  const env: EvaluationEnv = {
    policy,
    policyFor: (version) => policies.get(version, (read) => store.read(read)),
    now,
    trackingStart: tracking?.at ?? 0,
    bridgeUserId: null,
  };
  const ref = { module: 'Cases' as const, id: snapshot.recordId };
  const inputs = await store.read((r) => loadEvaluationInputs(r, [ref]));
  const computed = await evaluateRecord(env, inputs, ref);
  const [held, transitions, events] = await store.read(
    async (r) =>
      [
        await r.suiteCrmFields.get('Cases', snapshot.recordId),
        await r.transitions.getMany('Cases', [snapshot.recordId]),
        await r.events.forCase(snapshot.recordId),
      ] as const,
  );
  const transition = transitions.get(snapshot.recordId);
  const data = snapshot.record;
  const heldFields = held?.fields ?? null;
  return {
    caseId: snapshot.recordId,
    caseNumber: snapshot.number,
    lastRead: snapshot.dateModified,
    inputs: data,
    account: data.accountId ? (inputs.accounts.get(data.accountId) ?? null) : null,
    now,
    policyVersion: (computed.desired.sla_policy_version_c as string | null) ?? policy.version,
    computed,
    held: heldFields,
    nextTransition: transition ? { at: transition.dueAt, reason: transition.reason } : null,
    pendingWrite: pendingWrite({
      writable: computed.writable,
      differs: differingFields(computed.desired, heldFields).length > 0,
      nextTransitionAt: transition ? transition.dueAt : null,
      now,
    }),
    events,
  };
}
