import type { AccountRecord, CasePin, TimeEntryRecord } from '../domain/index.js';
import type { RecordSnapshot, StoreReaders } from '../store/index.js';
import type { SyncModuleName, SyncRecordRef } from './sync-modules.js';

/**
 * Everything a batch of evaluations reads, loaded from the store's snapshots in a few queries:
 * the records themselves, the accounts they belong to, the time entries of those accounts (and
 * of cases without one), the cases' pins and what SuiteCRM holds for the bridge's fields.
 * Nothing is refetched from SuiteCRM.
 */
export interface EvaluationInputs {
  snapshots: Map<string, RecordSnapshot>;
  accounts: Map<string, AccountRecord>;
  entriesByAccount: Map<string, TimeEntryRecord[]>;
  entriesByCase: Map<string, TimeEntryRecord[]>;
  pins: Map<string, CasePin>;
  held: Map<string, Record<string, unknown>>;
}

export function refKey(module: SyncModuleName | string, id: string): string {
  return `${module}/${id}`;
}

/**
 * `known` are snapshots the caller already read (the due batch reads the seeds' snapshots to
 * find their accounts): they are not read again.
 */
export async function loadEvaluationInputs(
  readers: StoreReaders,
  refs: readonly SyncRecordRef[],
  known: ReadonlyMap<string, RecordSnapshot> = new Map(),
): Promise<EvaluationInputs> {
  const idsBy = new Map<SyncModuleName, string[]>();
  for (const ref of refs) idsBy.set(ref.module, [...(idsBy.get(ref.module) ?? []), ref.id]);
  const snapshots = new Map<string, RecordSnapshot>();
  const held = new Map<string, Record<string, unknown>>();
  for (const [module, ids] of idsBy) {
    const missing = ids.filter((id) => {
      const found = known.get(refKey(module, id));
      if (found) snapshots.set(refKey(module, id), found);
      return found === undefined;
    });
    for (const [id, snapshot] of await readers.snapshots.getMany(module, missing))
      snapshots.set(refKey(module, id), snapshot);
    for (const [id, fields] of await readers.suiteCrmFields.getMany(module, ids))
      held.set(refKey(module, id), fields.fields);
  }
  const accounts = new Map<string, AccountRecord>();
  const accountIds = new Set<string>(idsBy.get('Accounts') ?? []);
  const casesWithoutAccount: string[] = [];
  for (const snapshot of snapshots.values()) {
    if (snapshot.module === 'Accounts') accounts.set(snapshot.recordId, snapshot.record);
    if (snapshot.accountId) accountIds.add(snapshot.accountId);
    else if (snapshot.module === 'Cases') casesWithoutAccount.push(snapshot.recordId);
  }
  const otherAccounts = [...accountIds].filter((id) => !accounts.has(id));
  for (const [id, snapshot] of await readers.snapshots.getMany('Accounts', otherAccounts))
    accounts.set(id, snapshot.record);
  const entriesByAccount = groupBy(
    await readers.snapshots.byAccounts('SLA_TimeEntries', [...accountIds]),
    'accountId',
  );
  const entriesByCase = groupBy(
    await readers.snapshots.byCases('SLA_TimeEntries', casesWithoutAccount),
    'caseId',
  );
  const caseIds = idsBy.get('Cases') ?? [];
  const pins = caseIds.length > 0 ? await readers.snapshots.pins(caseIds) : new Map<string, CasePin>();
  return { snapshots, accounts, entriesByAccount, entriesByCase, pins, held };
}

function groupBy(
  rows: readonly RecordSnapshot<'SLA_TimeEntries'>[],
  key: 'accountId' | 'caseId',
): Map<string, TimeEntryRecord[]> {
  const out = new Map<string, TimeEntryRecord[]>();
  for (const row of rows) {
    const id = row[key];
    if (!id) continue;
    const list = out.get(id) ?? [];
    list.push(row.record);
    out.set(id, list);
  }
  return out;
}
