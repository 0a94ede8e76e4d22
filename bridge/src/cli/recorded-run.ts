import type { Store } from '../store/index.js';
import type { Lease } from '../store/repositories/lease.repository.js';
import type { SyncReport } from '../sync/sync-engine.js';
import { requireWriterLease } from '../sync/writer-lease.js';

/** Counts for the job-run record: read, written, failed... per module, flattened. */
export function reportCounts(report: SyncReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [module, read] of Object.entries(report.read)) {
    counts[`${module}.read`] = read.read;
    counts[`${module}.changed`] = read.changed;
  }
  for (const [module, computed] of Object.entries(report.computed)) {
    counts[`${module}.evaluated`] = computed.evaluated;
    counts[`${module}.written`] = computed.written;
    counts[`${module}.failed`] = computed.failed;
    counts[`${module}.events`] = computed.events;
    counts[`${module}.notComputed`] = computed.notComputed;
  }
  for (const [module, deleted] of Object.entries(report.deleted)) counts[`${module}.deleted`] = deleted;
  for (const [reason, count] of Object.entries(report.notTracked))
    counts[`Cases.notTracked.${reason}`] = count;
  return counts;
}

/**
 * A one-shot command's writing pass (`sync`, `policy restate`), recorded like a daemon job:
 * the writer lease held throughout, a run still marked running taken as abandoned (holding the
 * lease, nothing else can be running: it died, e.g. kill -9), and the outcome recorded whether
 * the pass ends with failures, succeeds or throws.
 */
export async function recordedRun(
  store: Store,
  job: string,
  pass: (lease: Lease) => Promise<SyncReport>,
): Promise<SyncReport> {
  const held = await requireWriterLease(store);
  try {
    const runId = await store.write(held.lease, (r) =>
      r.jobRuns.markAbandoned().then(() => r.jobRuns.start(job, { holder: held.lease.holder })),
    );
    let report: SyncReport;
    try {
      report = await pass(held.lease);
    } catch (error) {
      await store
        .write(held.lease, (r) =>
          r.jobRuns.finish(runId, { outcome: 'failed', error: String((error as Error).message) }),
        )
        .catch(() => undefined);
      throw error;
    }
    const done = report;
    await store.write(held.lease, (r) =>
      r.jobRuns.finish(runId, {
        outcome: done.failures.length > 0 ? 'failed' : 'succeeded',
        counts: reportCounts(done),
      }),
    );
    return report;
  } finally {
    await held.release();
  }
}
