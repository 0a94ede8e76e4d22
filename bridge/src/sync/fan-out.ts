import type { StoreReaders } from '../store/index.js';
import type { RecordKeys, SyncModuleName, SyncRecordRef } from './sync-modules.js';

/**
 * Which other records a changed record's new inputs affect, so they are re-evaluated without
 * being re-read: a time entry → its case (hours logged), its account (hours used) and the
 * account's open cases (hours exhausted); an account → its open cases and its time entries
 * (term, counted). Both the old and the new keys count: an entry moved to another case
 * changes both cases.
 */
export interface ChangedRecord {
  module: SyncModuleName;
  id: string;
  keys: RecordKeys;
  previous: RecordKeys | null;
}

export async function dependantsOf(
  readers: StoreReaders,
  changed: readonly ChangedRecord[],
): Promise<SyncRecordRef[]> {
  const out: SyncRecordRef[] = [];
  const accountsForCases = new Set<string>();
  const accountsForEntries = new Set<string>();
  const addKey = (set: Set<string>, id: string | null | undefined) => {
    if (id) set.add(id);
  };
  for (const record of changed) {
    if (record.module === 'Accounts') {
      accountsForCases.add(record.id);
      accountsForEntries.add(record.id);
    } else if (record.module === 'SLA_TimeEntries') {
      for (const keys of [record.keys, record.previous]) {
        if (!keys) continue;
        if (keys.accountId) out.push({ module: 'Accounts', id: keys.accountId });
        if (keys.caseId) out.push({ module: 'Cases', id: keys.caseId });
        addKey(accountsForCases, keys.accountId);
      }
    }
  }
  if (accountsForCases.size > 0) {
    for (const snapshot of await readers.inputs.byAccounts('Cases', [...accountsForCases], {
      openOnly: true,
    })) {
      out.push({ module: 'Cases', id: snapshot.recordId });
    }
  }
  if (accountsForEntries.size > 0) {
    for (const snapshot of await readers.inputs.byAccounts('SLA_TimeEntries', [...accountsForEntries])) {
      out.push({ module: 'SLA_TimeEntries', id: snapshot.recordId });
    }
  }
  return out;
}
