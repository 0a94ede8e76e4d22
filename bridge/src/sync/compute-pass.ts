import type { AttributeParseResult } from '../contract/index.js';
import { NOT_TRACKED_REASONS, type NotTrackedReason } from '../domain/index.js';
import { isBridgeError } from '../errors/bridge-error.js';
import type {
  LedgerEventInput,
  NextTransitionInput,
  StoreReaders,
  StoreRepositories,
} from '../store/index.js';
import type { V8Record } from '../suitecrm/index.js';
import { evaluateRecord, type Outcome } from './evaluate-record.js';
import { loadEvaluationInputs, refKey } from './evaluation-inputs.js';
import { forgetDeleted } from './forget.js';
import type { SyncContext } from './sync-context.js';
import {
  heldValues,
  perModule,
  SYNC_MODULES,
  type SyncModuleName,
  type SyncRecordRef,
  syncModule,
} from './sync-modules.js';
import { type PlannedWrite, planWrite } from './write-plan.js';

/**
 * Steps 3-7 for everything queued: the records whose inputs changed (queued by the ingest) and
 * those whose next transition has come. In batches: load inputs from the store, evaluate, PATCH
 * only the differences, then record in one fenced transaction what SuiteCRM now holds, the
 * events (idempotently), pins, next transitions, contract terms and problems. A record whose
 * PATCH failed stays queued for the next tick; a batch in which SuiteCRM is unreachable ends
 * the pass (the queue survives it).
 */
const BATCH = 200;
/** Due records that seed a batch; the batch then takes every due record of their accounts. */
const SEED = 40;
/** A record whose write failed is retried by the next tick, not in a loop within this one. */
const RETRY_AFTER_MS = 1;

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
    if (explicit) {
      refs = explicit.splice(0, BATCH);
    } else {
      // Every record evaluated leaves the queue (its next transition is later, or none), so
      // this ends; one queued again meanwhile (its dependency was deleted) is simply taken again.
      refs = await ctx.session.read((readers) => dueBatch(readers, ctx.now));
    }
    if (refs.length === 0) break;

    const inputs = await ctx.session.read((readers) => loadEvaluationInputs(readers, refs));
    const outcomes: Outcome[] = [];
    for (const ref of refs)
      outcomes.push(await evaluateRecord(ctx, inputs, ref, { restate: options.restate === true }));
    const plans = outcomes
      .map((outcome) => planWrite(outcome, inputs.held))
      .filter((plan) => plan !== undefined);

    const applied = await applyWrites(ctx, plans);
    const recorded = await ctx.session.write((repositories) =>
      record(ctx, repositories, outcomes, applied, inputs.held),
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
    ctx.progress?.('compute', processed);
    if (applied.unreachable) {
      throw applied.unreachable;
    }
  }
  return result;
}

/**
 * The next batch of due records, by account: the earliest due records pick the accounts, and
 * every due record of those accounts comes along, so an account's time entries are loaded once.
 */
async function dueBatch(readers: StoreReaders, now: number): Promise<SyncRecordRef[]> {
  const seeds = await readers.transitions.due(now, { limit: SEED });
  if (seeds.length === 0) return [];
  // The seeds' accounts, in the order the seeds come (earliest due first).
  const accountOf = new Map<string, string | null>();
  const byModule = new Map<string, string[]>();
  for (const seed of seeds) byModule.set(seed.module, [...(byModule.get(seed.module) ?? []), seed.recordId]);
  for (const [module, ids] of byModule) {
    if (module === 'Accounts') for (const id of ids) accountOf.set(refKey(module, id), id);
    else {
      const snapshots = await readers.inputs.getMany(module, ids);
      for (const id of ids) accountOf.set(refKey(module, id), snapshots.get(id)?.accountId ?? null);
    }
  }
  const accounts = [
    ...new Set(seeds.map((seed) => accountOf.get(refKey(seed.module, seed.recordId)))),
  ].filter((id): id is string => typeof id === 'string');
  const perAccount = new Map<string, SyncRecordRef[]>();
  for (const row of await readers.transitions.dueForAccounts(now, accounts, ['Cases', 'SLA_TimeEntries'])) {
    const list = perAccount.get(row.accountId) ?? [];
    list.push({ module: row.module as SyncModuleName, id: row.recordId });
    perAccount.set(row.accountId, list);
  }
  const refs = new Map<string, SyncRecordRef>();
  const add = (ref: SyncRecordRef) => refs.set(refKey(ref.module, ref.id), ref);
  // Records without an account come as they are; accounts come whole, until the batch is full.
  for (const seed of seeds) {
    if (accountOf.get(refKey(seed.module, seed.recordId)) === null)
      add({ module: seed.module as SyncModuleName, id: seed.recordId });
  }
  for (const account of accounts) {
    if (refs.size >= BATCH) break;
    for (const ref of perAccount.get(account) ?? []) add(ref);
  }
  return [...refs.values()];
}

interface AppliedWrites {
  done: Array<{ plan: PlannedWrite; held: Record<string, unknown> }>;
  failed: Array<{ plan: PlannedWrite; error: string }>;
  /** Records SuiteCRM says no longer exist. */
  gone: PlannedWrite[];
  /** Set when SuiteCRM could not be reached at all: the pass stops after recording this batch. */
  unreachable?: unknown;
}

const UNREACHABLE = new Set(['unavailable', 'timeout', 'rate_limited', 'auth_failed']);
/** The V8 client's default number of requests in flight (SUITECRM_CONCURRENCY). */
const DEFAULT_WRITE_CONCURRENCY = 2;

async function applyWrites(ctx: SyncContext, plans: readonly PlannedWrite[]): Promise<AppliedWrites> {
  const applied: AppliedWrites = { done: [], failed: [], gone: [] };
  if (plans.length === 0) return applied;
  if (ctx.session.dryRun) {
    for (const plan of plans) applied.done.push({ plan, held: expectedHeld(plan) });
    return applied;
  }
  await ctx.session.beforeSuiteCrmWrites();
  // As many workers as the client sends requests at once, each taking the next plan only while
  // SuiteCRM answers: once a write finds it unreachable (after its retries), nothing more is
  // sent. Starting every PATCH of the batch at once would make each wait out its own retries:
  // with a SuiteCRM that hangs, 200 writes at a 30 s timeout would hold the tick for an hour.
  const results: Array<PromiseSettledResult<V8Record<AttributeParseResult<Record<string, unknown>>>>> = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plans.length && applied.unreachable === undefined) {
      const index = next++;
      const plan = plans[index] as PlannedWrite;
      const module = syncModule(plan.outcome.ref.module);
      const owned = Object.keys(plan.outcome.desired);
      try {
        await ctx.writePacer?.wait();
        const value = await ctx.client.updateRecord(
          plan.outcome.ref.module,
          plan.outcome.ref.id,
          plan.patch,
          {
            // Only the bridge's own fields are needed from the answer: parse just those.
            parse: (raw: Record<string, unknown>) =>
              module.codec.parse(pick(raw, owned)) as AttributeParseResult<Record<string, unknown>>,
          },
        );
        results[index] = { status: 'fulfilled', value };
      } catch (error) {
        results[index] = { status: 'rejected', reason: error };
        if (isBridgeError(error) && UNREACHABLE.has(error.code)) applied.unreachable ??= error;
      }
    }
  };
  const width = Math.max(1, Math.min(ctx.writeConcurrency ?? DEFAULT_WRITE_CONCURRENCY, plans.length));
  await Promise.all(Array.from({ length: width }, worker));
  plans.forEach((plan, index) => {
    const settled = results[index];
    if (settled === undefined) {
      // Not sent: SuiteCRM stopped answering. It stays queued for the next pass.
      applied.failed.push({ plan, error: 'not sent: SuiteCRM stopped answering during this batch' });
      return;
    }
    if (settled.status === 'fulfilled') {
      // What SuiteCRM answered is what it now holds: keep that, not what we sent.
      const owned = Object.keys(plan.outcome.desired);
      applied.done.push({ plan, held: heldValues(owned, settled.value.attributes.values) });
      return;
    }
    const error = settled.reason;
    if (isBridgeError(error) && error.code === 'not_found') {
      applied.gone.push(plan);
      return;
    }
    applied.failed.push({ plan, error: error instanceof Error ? error.message : String(error) });
    ctx.log.warn('write failed', {
      module: plan.outcome.ref.module,
      id: plan.outcome.ref.id,
      error: String(error),
    });
  });
  return applied;
}

function pick(raw: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) if (field in raw) out[field] = raw[field];
  return out;
}

/** In a dry run, what SuiteCRM would hold after the PATCH: the values as SuiteCRM stores them. */
function expectedHeld(plan: PlannedWrite): Record<string, unknown> {
  const module = syncModule(plan.outcome.ref.module);
  const held: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(plan.outcome.desired))
    held[field] = module.codec.normaliseStored(field, value);
  return held;
}

/** Records a batch in one transaction; returns the events newly added to the ledger per module. */
async function record(
  ctx: SyncContext,
  repositories: StoreRepositories,
  outcomes: readonly Outcome[],
  applied: AppliedWrites,
  held: Map<string, Record<string, unknown>>,
): Promise<Record<SyncModuleName, number>> {
  const failed = new Set(applied.failed.map((f) => refKey(f.plan.outcome.ref.module, f.plan.outcome.ref.id)));
  const gone = new Set(applied.gone.map((p) => refKey(p.outcome.ref.module, p.outcome.ref.id)));
  const live = outcomes.filter((o) => !o.vanished && !gone.has(refKey(o.ref.module, o.ref.id)));

  // What SuiteCRM holds now, for the records written.
  const saved = applied.done.map(({ plan, held: after }) => ({
    module: plan.outcome.ref.module,
    recordId: plan.outcome.ref.id,
    fields: { ...(held.get(refKey(plan.outcome.ref.module, plan.outcome.ref.id)) ?? {}), ...after },
  }));
  if (saved.length > 0) await repositories.suiteCrmFields.saveMany(saved);

  // Events are a timeline: inserting the same ones again is a no-op; count the new ones.
  const recorded = perModule(() => 0);
  for (const module of SYNC_MODULES) {
    const events: LedgerEventInput[] = live
      .filter((outcome) => outcome.ref.module === module)
      .flatMap((outcome) =>
        outcome.events.map((event) => ({
          key: event.key,
          module: event.module,
          recordId: event.recordId,
          type: event.type,
          clock: event.clock,
          at: event.at,
          policyVersion: event.policyVersion,
          cause: event.cause,
        })),
      );
    if (events.length > 0) recorded[module] = await repositories.events.insertMany(events);
  }

  const newPins = live.filter((o) => o.pin?.isNew);
  if (newPins.length > 0) {
    await repositories.casePins.pinMany(
      newPins.map((o) => {
        const pin = o.pin?.pin as NonNullable<Outcome['pin']>['pin'];
        return {
          caseId: o.ref.id,
          coverage: pin.coverage,
          policyVersion: pin.policyVersion,
          firstEvaluatedAt: pin.firstEvaluatedAt,
          state: { ...pin },
        };
      }),
    );
  }
  for (const o of live.filter((x) => x.pin?.restated)) {
    const pin = o.pin?.pin as NonNullable<Outcome['pin']>['pin'];
    await repositories.casePins.restate({
      caseId: o.ref.id,
      coverage: pin.coverage,
      policyVersion: pin.policyVersion,
      firstEvaluatedAt: pin.firstEvaluatedAt,
      state: { ...pin },
    });
  }

  const transitions: NextTransitionInput[] = live.map((outcome) => {
    const key = refKey(outcome.ref.module, outcome.ref.id);
    if (failed.has(key))
      return {
        module: outcome.ref.module,
        recordId: outcome.ref.id,
        dueAt: ctx.now + RETRY_AFTER_MS,
        reason: 'write failed',
      };
    // Never due again within this pass: a transition at or before `now` would loop.
    const next = outcome.next !== null && outcome.next <= ctx.now ? ctx.now + 60_000 : outcome.next;
    // A record not computed is due again only when time may fix it (a reported-at in the future).
    const reason = outcome.problem !== null ? 'not computed: time may fix it' : 'transition';
    return { module: outcome.ref.module, recordId: outcome.ref.id, dueAt: next, reason };
  });
  if (transitions.length > 0) await repositories.transitions.setMany(transitions);

  const problems = live.filter((o) => o.problem !== null && o.writable);
  if (problems.length > 0) {
    await repositories.problems.report(
      problems.map((o) => ({ module: o.ref.module, recordId: o.ref.id, reason: o.problem as string })),
    );
  }
  for (const module of SYNC_MODULES) {
    const fine = live
      .filter((o) => o.ref.module === module && (o.problem === null || !o.writable))
      .map((o) => o.ref.id);
    if (fine.length > 0) await repositories.problems.clear(module, fine);
  }

  // Which cases are not tracked and why, for `status`: nothing else about them is written.
  const cases = live.filter((o) => o.ref.module === 'Cases');
  const untracked = cases.flatMap((o) => (o.notTracked ? [{ caseId: o.ref.id, reason: o.notTracked }] : []));
  if (untracked.length > 0) await repositories.untracked.mark(untracked);
  const tracked = cases.filter((o) => !o.notTracked).map((o) => o.ref.id);
  if (tracked.length > 0) await repositories.untracked.clear(tracked);

  const terms = live.flatMap((o) => o.terms);
  if (terms.length > 0) await repositories.contractTerms.record(terms);

  // Records that vanished from the store, or that SuiteCRM says are deleted.
  for (const module of SYNC_MODULES) {
    const ids = [
      ...outcomes.filter((o) => o.vanished && o.ref.module === module).map((o) => o.ref.id),
      ...applied.gone.filter((p) => p.outcome.ref.module === module).map((p) => p.outcome.ref.id),
    ];
    await forgetDeleted(repositories, module, ids, ctx.now);
  }
  return recorded;
}
