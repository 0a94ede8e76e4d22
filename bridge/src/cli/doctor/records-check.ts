import type { BridgeConfig } from '../../config/env-config.js';
import { openStore } from '../../store/index.js';
import { notTrackedCounts, notTrackedText } from '../not-tracked-text.js';
import { type CheckResult, listSome, pass, plural, warn } from './check.js';

/** Reasons shown on the line; `status --all-problems` lists every one with its records. */
const REASONS_SHOWN = 3;

/**
 * Records the last passes could not compute (bad data in SuiteCRM), from the store alone. Not a
 * failure of the installation: the rest is computed and each record says why in its SLA data
 * problem field, so this is a warning that points at the records to correct.
 */
export async function recordsCheck(config: BridgeConfig): Promise<CheckResult> {
  const store = await openStore(config.store.url);
  try {
    const [byModule, reasons, untracked] = await store.read((readers) =>
      Promise.all([
        readers.problems.counts(),
        readers.problems.reasons({ limit: REASONS_SHOWN }),
        readers.untracked.counts(),
      ]),
    );
    const total = Object.values(byModule).reduce((sum, count) => sum + count, 0);
    const notTracked = notTrackedCounts(untracked);
    const details = { total, byModule, reasons, notTracked };
    if (total === 0) {
      // Untracked cases are no problem (nothing is written to them): said so they are not missed.
      const quiet = notTracked.total === 0 ? '' : `; not tracked: ${notTrackedText(notTracked)}`;
      return pass('records', `no record is marked "not computed"${quiet}`, details);
    }
    const modules = Object.entries(byModule).map(([module, count]) => `${count} ${module}`);
    const shown = reasons.map((reason) => `${reason.count} x "${reason.reason}"`);
    return warn(
      'records',
      `${plural(total, 'record')} marked "not computed" (${modules.join(', ')}): ${listSome(shown, REASONS_SHOWN)}`,
      'correct those records in SuiteCRM (`sla-bridge status --all-problems` lists each one with its reason); the next pass computes them and clears the problem',
      details,
    );
  } finally {
    await store.close();
  }
}
