import type { DeletedSnapshot } from './repositories/input-snapshot.repository.js';
import type { StoreRepositories } from './repositories.js';

/**
 * Forgets records SuiteCRM no longer has (the reconciliation pass found them missing and a GET
 * said "not found"): their input snapshots, held fields, next transitions, problems and, for
 * cases, their pins and untracked marks. Their events stay: the ledger is append-only. Returns
 * what the deleted snapshots pointed at, so the accounts they counted towards are re-evaluated.
 */
export async function forgetRecords(
  repositories: StoreRepositories,
  module: string,
  recordIds: readonly string[],
  options: { caseModule?: string } = {},
): Promise<DeletedSnapshot[]> {
  const deleted = await repositories.inputs.delete(module, recordIds);
  await repositories.suiteCrmFields.delete(module, recordIds);
  await repositories.transitions.clear(module, recordIds);
  await repositories.problems.clear(module, recordIds);
  if (module === (options.caseModule ?? 'Cases')) {
    await repositories.casePins.delete(recordIds);
    await repositories.untracked.clear(recordIds);
  }
  return deleted;
}
