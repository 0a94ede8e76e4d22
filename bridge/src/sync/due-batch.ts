import type { RecordSnapshot, StoreReaders } from '../store/index.js';
import { refKey } from './evaluation-inputs.js';
import type { SyncModuleName, SyncRecordRef } from './sync-modules.js';

/** Records a batch evaluates at most. */
export const BATCH = 200;
/** Due records that seed a batch; the batch then takes every due record of their accounts. */
const SEED = 40;

export interface DueBatch {
  refs: SyncRecordRef[];
  /** The seeds' snapshots, read to find their accounts: the batch's inputs reuse them. */
  known: Map<string, RecordSnapshot>;
}

/**
 * The next batch of due records, by account: the earliest due records pick the accounts, and
 * every due record of those accounts comes along, so an account's time entries are loaded once.
 */
export async function dueBatch(readers: StoreReaders, now: number): Promise<DueBatch> {
  const known = new Map<string, RecordSnapshot>();
  const seeds = await readers.transitions.due(now, { limit: SEED });
  if (seeds.length === 0) return { refs: [], known };
  // The seeds' accounts, in the order the seeds come (earliest due first).
  const accountOf = new Map<string, string | null>();
  const byModule = new Map<SyncModuleName, string[]>();
  for (const seed of seeds) {
    const module = seed.module as SyncModuleName;
    byModule.set(module, [...(byModule.get(module) ?? []), seed.recordId]);
  }
  for (const [module, ids] of byModule) {
    if (module === 'Accounts') for (const id of ids) accountOf.set(refKey(module, id), id);
    else {
      const snapshots = await readers.snapshots.getMany(module, ids);
      for (const [id, snapshot] of snapshots) known.set(refKey(module, id), snapshot);
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
  return { refs: [...refs.values()], known };
}
