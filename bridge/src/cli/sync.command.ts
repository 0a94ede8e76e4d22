import type { Command } from 'commander';
import { EXIT } from '../errors/exit-status.js';
import { openRuntime } from './bridge-runtime.js';
import { progressReporter } from './progress-reporter.js';
import { recordedRun } from './recorded-run.js';
import { action } from './run-action.js';
import { formatSyncReport } from './sync-report.format.js';

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
          const engine = runtime.syncEngine(
            progress ? { progress: (step: string, done: number) => progress.update(step, done) } : {},
          );
          const full = options.full === true;
          const report = options.dryRun
            ? await engine.run(null, { full, dryRun: true })
            : await recordedRun(runtime.store, 'sync', (lease) => engine.run(lease, { full }));
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
