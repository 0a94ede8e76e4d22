import type { Lease } from '../store/repositories/lease.repository.js';
import type { SyncEngine, SyncReport } from '../sync/sync-engine.js';

/** A scheduled job: its name, when it runs (cron, in the daemon's time zone), and what it does. */
export interface JobDefinition {
  name: string;
  cron: string;
  run(engine: SyncEngine, lease: Lease, now: number, signal: AbortSignal): Promise<SyncReport>;
}
