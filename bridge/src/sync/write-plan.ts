import type { PatchAttributes } from '../catalogue/index.js';
import type { Outcome } from './evaluate-record.js';
import { refKey } from './evaluation-inputs.js';
import { syncModule } from './sync-modules.js';

/**
 * Step 4: the fields whose stored form differs from what SuiteCRM holds (normalised the way
 * SuiteCRM stores values), and only those. An empty plan means the record is already right.
 */
export interface PlannedWrite {
  outcome: Outcome;
  changes: Record<string, unknown>;
  patch: PatchAttributes;
}

export function planWrite(
  outcome: Outcome,
  held: Map<string, Record<string, unknown>>,
): PlannedWrite | undefined {
  if (!outcome.writable || outcome.vanished) return undefined;
  const module = syncModule(outcome.ref.module);
  const stored = held.get(refKey(outcome.ref.module, outcome.ref.id)) ?? {};
  const changes = module.codec.changes(stored, outcome.desired) as Record<string, unknown>;
  if (Object.keys(changes).length === 0) return undefined;
  return { outcome, changes, patch: module.codec.toPatch(changes) };
}
