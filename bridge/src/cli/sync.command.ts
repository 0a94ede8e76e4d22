import type { Command } from 'commander';
import { EXIT } from '../errors/exit-status.js';
import { SyncEngine, type SyncReport } from '../sync/sync-engine.js';
import { requireWriterLease } from '../sync/writer-lease.js';
import { openRuntime } from './bridge-runtime.js';
import { progressReporter } from './progress-reporter.js';
import { action } from './run-action.js';
import { formatSyncReport } from './sync-report.format.js';

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
  return counts;
}

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .summary('one sync pass: read changes, compute, write differences')
    .description(
      'One sync pass: read what changed in SuiteCRM since the last pass, compute every SLA and contract field, write only the differences, record events. --full re-reads everything and finds deleted records.',
    )
    .option('--full', 're-read every record (and detect records deleted in SuiteCRM)')
    .option('--dry-run', 'compute and show what would be written; write nothing to SuiteCRM or the store')
    .option('--json', 'print the report as JSON')
    .action(
      action(async (options: { full?: boolean; dryRun?: boolean; json?: boolean }) => {
        const runtime = await openRuntime();
        const progress = progressReporter(!options.json);
        try {
          const engine = new SyncEngine({
            client: runtime.client,
            store: runtime.store,
            policy: runtime.policy,
            pageSize: runtime.config.suitecrm?.pageSize ?? 100,
            concurrency: runtime.config.suitecrm?.concurrency ?? 4,
            ...(progress ? { progress: (step: string, done: number) => progress.update(step, done) } : {}),
          });
          let report: SyncReport;
          if (options.dryRun) {
            report = await engine.run(null, { full: options.full === true, dryRun: true });
          } else {
            const held = await requireWriterLease(runtime.store);
            try {
              const runId = await runtime.store.write(held.lease, (r) =>
                // Holding the lease, nothing else can be running: a run still marked so died (kill -9).
                r.jobRuns.markAbandoned().then(() => r.jobRuns.start('sync', { holder: held.lease.holder })),
              );
              try {
                report = await engine.run(held.lease, { full: options.full === true });
              } catch (error) {
                await runtime.store
                  .write(held.lease, (r) =>
                    r.jobRuns.finish(runId, { outcome: 'failed', error: String((error as Error).message) }),
                  )
                  .catch(() => undefined);
                throw error;
              }
              await runtime.store.write(held.lease, (r) =>
                r.jobRuns.finish(runId, {
                  outcome: report.failures.length > 0 ? 'failed' : 'succeeded',
                  counts: reportCounts(report),
                }),
              );
            } finally {
              await held.release();
            }
          }
          progress?.stop();
          process.stdout.write(
            options.json ? `${JSON.stringify(report, null, 2)}\n` : formatSyncReport(report),
          );
          return report.failures.length > 0 ? EXIT.failures : EXIT.ok;
        } finally {
          progress?.stop();
          await runtime.close();
        }
      }),
    );
}
