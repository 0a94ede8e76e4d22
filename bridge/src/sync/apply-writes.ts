import type { AttributeParseResult } from '../catalogue/index.js';
import { isBridgeError } from '../errors/bridge-error.js';
import { isUnreachable, type V8Record } from '../suitecrm/index.js';
import type { SyncIo } from './sync-context.js';
import { heldValues, syncModule } from './sync-modules.js';
import type { PlannedWrite } from './write-plan.js';

/**
 * Step 5: the batch's PATCHes, at most the client's request limit at once, paced when asked.
 * What SuiteCRM answers is what the store then records as held.
 */
export interface AppliedWrites {
  done: Array<{ plan: PlannedWrite; held: Record<string, unknown> }>;
  failed: Array<{ plan: PlannedWrite; error: string }>;
  /** Records SuiteCRM says no longer exist. */
  gone: PlannedWrite[];
  /** Set when SuiteCRM could not be reached at all: the pass stops after recording this batch. */
  unreachable?: unknown;
}

/** The V8 client's default number of requests in flight (SUITECRM_CONCURRENCY). */
const DEFAULT_WRITE_CONCURRENCY = 2;

export async function applyWrites(io: SyncIo, plans: readonly PlannedWrite[]): Promise<AppliedWrites> {
  const applied: AppliedWrites = { done: [], failed: [], gone: [] };
  if (plans.length === 0) return applied;
  if (io.session.dryRun) {
    for (const plan of plans) applied.done.push({ plan, held: expectedHeld(plan) });
    return applied;
  }
  await io.session.beforeSuiteCrmWrites();
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
        await io.writePacer?.wait();
        const value = await io.client.updateRecord(plan.outcome.ref.module, plan.outcome.ref.id, plan.patch, {
          // Only the bridge's own fields are needed from the answer: parse just those.
          parse: (raw: Record<string, unknown>) =>
            module.codec.parse(pick(raw, owned)) as AttributeParseResult<Record<string, unknown>>,
        });
        results[index] = { status: 'fulfilled', value };
      } catch (error) {
        results[index] = { status: 'rejected', reason: error };
        if (isUnreachable(error)) applied.unreachable ??= error;
      }
    }
  };
  const width = Math.max(1, Math.min(io.writeConcurrency ?? DEFAULT_WRITE_CONCURRENCY, plans.length));
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
    io.log.warn('write failed', {
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
