import type { AccountRecord, CasePin, TimeEntryRecord } from '../domain/index.js';
import type { InputSnapshot, StoreReaders } from '../store/index.js';
import type { Snapshot, SyncModuleName, SyncRecordRef } from './sync-modules.js';

/**
 * Everything a batch of evaluations reads, loaded from the store's snapshots in a few queries:
 * the records themselves, the accounts they belong to, the time entries of those accounts (and
 * of cases without one), the cases' pins and what SuiteCRM holds for the bridge's fields.
 * Nothing is refetched from SuiteCRM.
 */
export interface EvaluationInputs {
  snapshots: Map<string, InputSnapshot>;
  accounts: Map<string, Snapshot<AccountRecord>>;
  entriesByAccount: Map<string, TimeEntryRecord[]>;
  entriesByCase: Map<string, TimeEntryRecord[]>;
  pins: Map<string, CasePin>;
  held: Map<string, Record<string, unknown>>;
}

export function refKey(module: SyncModuleName | string, id: string): string {
  return `${module}/${id}`;
}

export async function loadEvaluationInputs(
  readers: StoreReaders,
  refs: readonly SyncRecordRef[],
): Promise<EvaluationInputs> {
  const idsBy = new Map<SyncModuleName, string[]>();
  for (const ref of refs) idsBy.set(ref.module, [...(idsBy.get(ref.module) ?? []), ref.id]);
  const snapshots = new Map<string, InputSnapshot>();
  const held = new Map<string, Record<string, unknown>>();
  for (const [module, ids] of idsBy) {
    for (const [id, snapshot] of await readers.inputs.getMany(module, ids))
      snapshots.set(refKey(module, id), snapshot);
    for (const [id, fields] of await readers.suiteCrmFields.getMany(module, ids))
      held.set(refKey(module, id), fields.fields);
  }
  const accountIds = new Set<string>(idsBy.get('Accounts') ?? []);
  const casesWithoutAccount: string[] = [];
  for (const snapshot of snapshots.values()) {
    if (snapshot.accountId) accountIds.add(snapshot.accountId);
    else if (snapshot.module === 'Cases') casesWithoutAccount.push(snapshot.recordId);
  }
  const accounts = new Map<string, Snapshot<AccountRecord>>();
  for (const [id, snapshot] of await readers.inputs.getMany('Accounts', [...accountIds])) {
    accounts.set(id, snapshot.data as Snapshot<AccountRecord>);
  }
  const entriesByAccount = groupBy(
    await readers.inputs.byAccounts('SLA_TimeEntries', [...accountIds]),
    'accountId',
  );
  const entriesByCase = groupBy(
    await readers.inputs.byCases('SLA_TimeEntries', casesWithoutAccount),
    'caseId',
  );
  const pins = new Map<string, CasePin>();
  const caseIds = idsBy.get('Cases') ?? [];
  if (caseIds.length > 0) {
    for (const [id, pin] of await readers.casePins.getMany(caseIds))
      pins.set(id, pin.state as unknown as CasePin);
  }
  return { snapshots, accounts, entriesByAccount, entriesByCase, pins, held };
}

function groupBy(
  rows: readonly InputSnapshot[],
  key: 'accountId' | 'caseId',
): Map<string, TimeEntryRecord[]> {
  const out = new Map<string, TimeEntryRecord[]>();
  for (const row of rows) {
    const id = row[key];
    if (!id) continue;
    const list = out.get(id) ?? [];
    list.push(row.data as TimeEntryRecord);
    out.set(id, list);
  }
  return out;
}
