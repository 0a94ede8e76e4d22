import {
  ACCOUNT_BRIDGE_FIELDS,
  CASE_BRIDGE_FIELDS,
  TIME_ENTRY_BRIDGE_FIELDS,
} from '../../bridge/src/catalogue/index.js';
import type { JournalEntry } from '../../bridge/src/standin/control/write-journal.js';

/**
 * The checks every fault scenario ends with, besides "the final state equals an uninterrupted
 * run's": what the bridge sent SuiteCRM, read from the stand-in's write journal.
 */
const OWNED: Record<string, ReadonlySet<string>> = {
  Accounts: new Set(ACCOUNT_BRIDGE_FIELDS),
  Cases: new Set(CASE_BRIDGE_FIELDS),
  SLA_TimeEntries: new Set(TIME_ENTRY_BRIDGE_FIELDS),
};

/**
 * Every write the bridge sent that is not a PATCH of bridge-owned fields: a PATCH carrying a
 * staff-owned, hook-owned or core field (which could overwrite a person's newer edit with the
 * value the bridge read earlier), or any create or delete. Empty when the bridge behaved.
 * (The default policy leaves `priority` to staff, so it counts as staff-owned here.)
 */
export function writesBeyondBridgeFields(journal: readonly JournalEntry[]): string[] {
  const problems: string[] = [];
  for (const entry of journal) {
    if (entry.method !== 'PATCH' || entry.route !== 'update') {
      problems.push(`${entry.method} ${entry.route} ${entry.module ?? ''} ${entry.id ?? ''}`.trim());
      continue;
    }
    const owned = OWNED[entry.module ?? ''];
    const foreign = Object.keys(entry.attributes).filter((field) => !owned?.has(field));
    if (foreign.length > 0) problems.push(`PATCH ${entry.module}/${entry.id}: ${foreign.join(', ')}`);
  }
  return problems;
}

/** PATCHes the stand-in applied (a dropped, cut or slow answer still means the write landed). */
export function appliedPatches(journal: readonly JournalEntry[]): JournalEntry[] {
  return journal.filter((entry) => entry.method === 'PATCH' && entry.status !== null && entry.status < 300);
}

/** `byRoute` counters as a map with every key of both snapshots, missing ones as 0. */
export function counterDelta(
  actual: Record<string, number>,
  reference: Record<string, number>,
): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const key of new Set([...Object.keys(actual), ...Object.keys(reference)])) {
    const difference = (actual[key] ?? 0) - (reference[key] ?? 0);
    if (difference !== 0) delta[key] = difference;
  }
  return delta;
}
