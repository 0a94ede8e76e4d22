import { forgetRecords, type StoreRepositories } from '../store/index.js';
import { type ChangedRecord, dependantsOf } from './fan-out.js';
import type { SyncModuleName } from './sync-modules.js';

/**
 * Forgets records SuiteCRM no longer has and queues what depended on them: a deleted time
 * entry no longer counts towards its account's hours or its case's hours logged; a deleted
 * account leaves its cases and entries without a contract.
 */
export async function forgetDeleted(
  repositories: StoreRepositories,
  module: SyncModuleName,
  ids: readonly string[],
  now: number,
): Promise<number> {
  if (ids.length === 0) return 0;
  const deleted = await forgetRecords(repositories, module, ids);
  const changed: ChangedRecord[] = deleted.map((snapshot) => ({
    module,
    id: snapshot.recordId,
    keys: { accountId: snapshot.accountId, caseId: snapshot.caseId, open: null, number: null },
    previous: null,
  }));
  const gone = new Set(ids);
  const dependants = (await dependantsOf(repositories, changed)).filter(
    (ref) => !(ref.module === module && gone.has(ref.id)),
  );
  if (dependants.length > 0) {
    await repositories.transitions.setMany(
      dependants.map((ref) => ({
        module: ref.module,
        recordId: ref.id,
        dueAt: now,
        reason: 'dependency deleted',
      })),
    );
  }
  return deleted.length;
}
