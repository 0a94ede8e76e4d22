import type { StoreReaders } from '../store/index.js';
import type { RecordRef } from '../suitecrm/index.js';

/**
 * How the operator commands name records: a case by its number when the store has seen it
 * (`case 1042`), anything else by module and id (`account 8f2…`, `time entry 51c…`).
 */
/** The record a store row (event, problem, transition) is about. */
export function refOf(row: { module: string; recordId: string }): RecordRef {
  return { module: row.module, id: row.recordId };
}

const NOUNS: Record<string, string> = { Cases: 'case', Accounts: 'account', SLA_TimeEntries: 'time entry' };

/** Case numbers of these records, by case id (cases the store has no snapshot of are absent). */
export async function caseNumbers(
  readers: StoreReaders,
  refs: readonly RecordRef[],
): Promise<Map<string, string>> {
  const ids = refs.filter((ref) => ref.module === 'Cases').map((ref) => ref.id);
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const snapshots = await readers.inputs.getMany('Cases', ids);
  for (const [id, snapshot] of snapshots) if (snapshot.number !== null) out.set(id, snapshot.number);
  return out;
}

export function recordLabel(ref: RecordRef, numbers: ReadonlyMap<string, string>): string {
  const number = ref.module === 'Cases' ? numbers.get(ref.id) : undefined;
  if (number !== undefined) return `case ${number}`;
  return `${NOUNS[ref.module] ?? ref.module} ${ref.id}`;
}
