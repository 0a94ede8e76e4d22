import { NOT_TRACKED_REASONS, type NotTrackedReason } from '../domain/index.js';
import type { RecordSnapshot } from '../store/index.js';
import { applyWrites } from './apply-writes.js';
import { BATCH, dueBatch } from './due-batch.js';
import { evaluateRecord, type Outcome } from './evaluate-record.js';
import { loadEvaluationInputs, refKey } from './evaluation-inputs.js';
import { recordBatch } from './record-batch.js';
import type { SyncContext } from './sync-context.js';
import { perModule, SYNC_MODULES, type SyncModuleName, type SyncRecordRef } from './sync-modules.js';
import { planWrite } from './write-plan.js';

/**
 * Steps 3-7 for everything queued: the records whose inputs changed (queued by the ingest) and
 * those whose next transition has come. In batches: load inputs from the store, evaluate, PATCH
 * only the differences, then record in one fenced transaction what SuiteCRM now holds, the
 * events (idempotently), pins, next transitions, contract terms and problems. A record whose
 * PATCH failed stays queued for the next tick; a batch in which SuiteCRM is unreachable ends
 * the pass (the queue survives it).
 */

export interface WrittenRecord {
  module: SyncModuleName;
  id: string;
  number: string | null;
  fields: string[];
}

/** A record the pass could not compute, with the reason it wrote into the record. */
export interface ProblemRecord {
  module: SyncModuleName;
  id: string;
  number: string | null;
  /** "not computed: ..." as written into the record's data-problem field. */
  reason: string;
}

export interface ComputeCounts {
  evaluated: number;
  written: number;
  fieldsWritten: number;
  failed: number;
  /** Events newly added to the ledger (a recomputed timeline adds only what is new). */
  events: number;
  notComputed: number;
  untracked: number;
  vanished: number;
}

export interface ComputeResult {
  counts: Record<SyncModuleName, ComputeCounts>;
  /** The cases this pass found not tracked (never written), by reason. */
  notTracked: Record<NotTrackedReason, number>;
  records: WrittenRecord[];
  /** The records this pass found it could not compute (up to the list limit). */
  problems: ProblemRecord[];
  failures: Array<{ module: SyncModuleName; id: string; error: string }>;
  /** Stopped by the signal with work still queued. */
  interrupted: boolean;
}

export interface ComputeOptions {
  /** Evaluate these records (policy restate) instead of the queue. */
  only?: readonly SyncRecordRef[];
  restate?: boolean;
  /** Stop listing written records after this many (the counts keep going). */
  listLimit?: number;
  /** Checked between batches: a batch in hand always finishes and is recorded. */
  signal?: AbortSignal;
}

export function noneNotTracked(): Record<NotTrackedReason, number> {
  return Object.fromEntries(NOT_TRACKED_REASONS.map((reason) => [reason, 0])) as Record<
    NotTrackedReason,
    number
  >;
}

export function emptyCounts(): ComputeCounts {
  return {
    evaluated: 0,
    written: 0,
    fieldsWritten: 0,
    failed: 0,
    events: 0,
    notComputed: 0,
    untracked: 0,
    vanished: 0,
  };
}

export async function computePass(ctx: SyncContext, options: ComputeOptions = {}): Promise<ComputeResult> {
  const { env, io } = ctx;
  const result: ComputeResult = {
    counts: perModule(emptyCounts),
    notTracked: noneNotTracked(),
    records: [],
    problems: [],
    failures: [],
    interrupted: false,
  };
  const listLimit = options.listLimit ?? 1000;
  const explicit = options.only ? [...options.only] : undefined;
  let processed = 0;
  for (;;) {
    if (options.signal?.aborted) {
      result.interrupted = true;
      break;
    }
    let refs: SyncRecordRef[];
    let known: Map<string, RecordSnapshot> | undefined;
    if (explicit) {
      refs = explicit.splice(0, BATCH);
    } else {
      // Every record evaluated leaves the queue (its next transition is later, or none), so
      // this ends; one queued again meanwhile (its dependency was deleted) is simply taken again.
      ({ refs, known } = await io.session.read((readers) => dueBatch(readers, env.now)));
    }
    if (refs.length === 0) break;

    const inputs = await io.session.read((readers) => loadEvaluationInputs(readers, refs, known));
    const outcomes: Outcome[] = [];
    for (const ref of refs)
      outcomes.push(await evaluateRecord(env, inputs, ref, { restate: options.restate === true }));
    const plans = outcomes
      .map((outcome) => planWrite(outcome, inputs.held))
      .filter((plan) => plan !== undefined);

    const applied = await applyWrites(io, plans);
    const recorded = await io.session.write((repositories) =>
      recordBatch(env.now, repositories, outcomes, applied, inputs.held),
    );
    for (const module of SYNC_MODULES) result.counts[module].events += recorded[module];

    for (const outcome of outcomes) {
      const counts = result.counts[outcome.ref.module];
      counts.evaluated++;
      if (outcome.vanished) counts.vanished++;
      else if (outcome.notTracked || !outcome.writable) counts.untracked++;
      if (outcome.notTracked && !outcome.vanished) result.notTracked[outcome.notTracked]++;
      if (outcome.problem) counts.notComputed++;
      if (outcome.problem && outcome.writable && !outcome.vanished && result.problems.length < listLimit) {
        result.problems.push({
          module: outcome.ref.module,
          id: outcome.ref.id,
          number: inputs.snapshots.get(refKey(outcome.ref.module, outcome.ref.id))?.number ?? null,
          reason: outcome.problem,
        });
      }
    }
    for (const write of applied.done) {
      const counts = result.counts[write.plan.outcome.ref.module];
      counts.written++;
      counts.fieldsWritten += Object.keys(write.plan.changes).length;
      if (result.records.length < listLimit) {
        const snapshot = inputs.snapshots.get(
          refKey(write.plan.outcome.ref.module, write.plan.outcome.ref.id),
        );
        result.records.push({
          module: write.plan.outcome.ref.module,
          id: write.plan.outcome.ref.id,
          number: snapshot?.number ?? null,
          fields: Object.keys(write.plan.changes).sort(),
        });
      }
    }
    for (const failure of applied.failed) {
      result.counts[failure.plan.outcome.ref.module].failed++;
      result.failures.push({
        module: failure.plan.outcome.ref.module,
        id: failure.plan.outcome.ref.id,
        error: failure.error,
      });
    }
    processed += refs.length;
    io.progress?.('compute', processed);
    if (applied.unreachable) {
      throw applied.unreachable;
    }
  }
  return result;
}
