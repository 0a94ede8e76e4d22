import type { Lease } from '../store/repositories/lease.repository.js';
import type { SyncEngine, SyncReport } from '../sync/sync-engine.js';
import type { SyncModuleName } from '../sync/sync-modules.js';

/** A scheduled job: its name, when it runs (cron, in the daemon's time zone), and what it does. */
export interface JobDefinition {
  name: string;
  cron: string;
  /** `modules`: the modules whose changes to read (default every one; see docs/freshness.md). */
  run(
    engine: SyncEngine,
    lease: Lease,
    now: number,
    signal: AbortSignal,
    modules?: readonly SyncModuleName[],
  ): Promise<SyncReport>;
}
