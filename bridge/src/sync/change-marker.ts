import {
  CHANGE_MARKER_FIELDS,
  CHANGE_MARKER_ID,
  CHANGE_MARKER_MODULE,
  type ChangeCounts,
} from '../catalogue/index.js';
import { BridgeError } from '../errors/bridge-error.js';
import type { SuiteCrmClient } from '../suitecrm/index.js';
import { perModule, SYNC_MODULES, type SyncModuleName } from './sync-modules.js';

/**
 * Reading and following the package's change marker (docs/freshness.md). One GET of one fixed
 * record with a sparse fieldset: SuiteCRM's ModuleService::getRecord retrieves one row by
 * primary key, with no COUNT(*) and no list query, the cheapest V8 request that can see a save.
 */
const FIELDS = SYNC_MODULES.map((module) => CHANGE_MARKER_FIELDS[module]);

/** The marker's counters, or undefined when SuiteCRM has no marker (a package without it). */
export async function readChangeMarker(client: SuiteCrmClient): Promise<ChangeCounts | undefined> {
  const record = await client.findRecord(CHANGE_MARKER_MODULE, CHANGE_MARKER_ID, {
    fields: FIELDS,
    parse: (raw) => raw as Record<string, unknown>,
  });
  if (!record) return undefined;
  const counts = {} as ChangeCounts;
  for (const module of SYNC_MODULES) {
    const field = CHANGE_MARKER_FIELDS[module];
    const value = Number(record.attributes[field] ?? 0);
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new BridgeError(
        'bad_response',
        `the change marker's ${field} is not a count: ${JSON.stringify(record.attributes[field])}`,
      );
    }
    counts[module] = value;
  }
  return counts;
}

/**
 * What the bridge knows of the marker: the counters as of its last module read, plus the saves
 * its own PATCHes have made since (each PATCH is one save, so one bump). A module needs a read
 * when its counter moved by more than the bridge's own writes: so the bridge's writes cost one
 * marker read and no module read, and a save by anyone else is never mistaken for the bridge's
 * (it makes the difference larger, never equal). A PATCH that failed but did save makes the
 * counter move one more than expected: one extra module read, which finds nothing to write.
 */
export class MarkerWatch {
  private seen: ChangeCounts | undefined;
  private readonly ownSaves: ChangeCounts = perModule(() => 0);

  /** The modules whose counters moved past what the bridge knows (every module before the first read). */
  moved(marker: ChangeCounts): SyncModuleName[] {
    const seen = this.seen;
    if (!seen) return [...SYNC_MODULES];
    return SYNC_MODULES.filter((module) => marker[module] !== seen[module] + this.ownSaves[module]);
  }

  /**
   * The marker as read before a pass's module reads: `read` are the modules that pass reads (their
   * counters are now known), the others keep what was expected of them.
   */
  readFrom(marker: ChangeCounts, read: readonly SyncModuleName[]): void {
    const seen = this.seen;
    const next = { ...marker };
    for (const module of SYNC_MODULES) {
      if (read.includes(module) || !seen) this.ownSaves[module] = 0;
      else {
        // Not read: keep its last read value and the bridge's saves since, as before.
        next[module] = seen[module];
      }
    }
    this.seen = next;
  }

  /** A pass's successful PATCHes, per module: each is one save the marker will count. */
  wrote(written: ChangeCounts): void {
    for (const module of SYNC_MODULES) this.ownSaves[module] += written[module];
  }

  /** Forget everything (e.g. after the lease changed hands): the next poll reads every module. */
  reset(): void {
    this.seen = undefined;
    for (const module of SYNC_MODULES) this.ownSaves[module] = 0;
  }
}
