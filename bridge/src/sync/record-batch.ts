import type { LedgerEventInput, NextTransitionInput, StoreRepositories } from '../store/index.js';
import type { AppliedWrites } from './apply-writes.js';
import type { Outcome } from './evaluate-record.js';
import { refKey } from './evaluation-inputs.js';
import { forgetDeleted } from './forget.js';
import { perModule, SYNC_MODULES, type SyncModuleName } from './sync-modules.js';

/** A record whose write failed is retried by the next tick, not in a loop within this one. */
const RETRY_AFTER_MS = 1;

/**
 * Step 6-7: Records a batch in one transaction; returns the events newly added to the ledger per module. */
export async function recordBatch(
  now: number,
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
        dueAt: now + RETRY_AFTER_MS,
        reason: 'write failed',
      };
    // Never due again within this pass: a transition at or before `now` would loop.
    const next = outcome.next !== null && outcome.next <= now ? now + 60_000 : outcome.next;
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
    await forgetDeleted(repositories, module, ids, now);
  }
  return recorded;
}
