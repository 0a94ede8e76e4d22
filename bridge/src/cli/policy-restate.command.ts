import type { Command } from 'commander';
import { BridgeError } from '../errors/bridge-error.js';
import { EXIT } from '../errors/exit-status.js';
import { parseIsoDate } from '../iso/day-number.js';
import { londonMidnight, type Store } from '../store/index.js';
import type { RestateSelection } from '../sync/sync-engine.js';
import { openRuntime } from './bridge-runtime.js';
import { recordedRun } from './recorded-run.js';
import { action, usageErrors } from './run-action.js';
import { formatSyncReport } from './sync-report.format.js';

/**
 * `sla-bridge policy restate`: cases keep the policy version in force at their first evaluation;
 * after a policy change, this decides coverage again under the current policy for the chosen
 * cases, writes the new fields and records one `restated` event per case whose pin changed.
 */
export function registerPolicyRestateCommand(policy: Command): void {
  policy
    .command('restate')
    .description(
      'Re-decide the pinned coverage and policy version of cases under the current policy, write the new fields and record a "restated" event for each case that changed. Talks to SuiteCRM.',
    )
    .option('--since <date>', 'cases reported on or after this date (YYYY-MM-DD, 00:00 Europe/London)')
    .option('--case <id>', 'one case (its id, or its case number)')
    .option('--account <id>', 'the cases of one account')
    .option('--dry-run', 'show what would change; write nothing')
    .option('--json', 'print the report as JSON')
    .action(
      action(
        async (options: {
          since?: string;
          case?: string;
          account?: string;
          dryRun?: boolean;
          json?: boolean;
        }) => {
          const problems: string[] = [];
          const chosen = [options.since, options.case, options.account].filter(
            (value) => value !== undefined,
          );
          if (chosen.length !== 1) {
            problems.push('choose the cases to restate with exactly one of --since, --case or --account');
          }
          const since = options.since === undefined ? undefined : londonMidnight(options.since);
          if (options.since !== undefined && (since === null || parseIsoDate(options.since) === undefined)) {
            problems.push(`--since must be a date YYYY-MM-DD, got "${options.since}"`);
          }
          if (problems.length > 0) throw usageErrors(problems);
          const runtime = await openRuntime();
          try {
            const selection: RestateSelection = {};
            if (typeof since === 'number') selection.since = since;
            if (options.account !== undefined) selection.accountId = options.account;
            if (options.case !== undefined)
              selection.caseIds = [await caseIdFor(runtime.store, options.case)];
            const engine = runtime.syncEngine();
            const report = options.dryRun
              ? await engine.restate(null, selection, { dryRun: true })
              : await recordedRun(runtime.store, 'restate', (lease) => engine.restate(lease, selection));
            process.stdout.write(
              options.json ? `${JSON.stringify(report, null, 2)}\n` : formatSyncReport(report),
            );
            return report.failures.length > 0 ? EXIT.failures : EXIT.ok;
          } finally {
            await runtime.close();
          }
        },
      ),
    );
}

async function caseIdFor(store: Store, text: string): Promise<string> {
  if (/^\d+$/.test(text)) {
    const found = await store.read((r) => r.inputs.findByNumber('Cases', text));
    if (found.length === 0)
      throw new BridgeError(
        'input_invalid',
        `no case number ${text} in the bridge's store (has it been synced?)`,
      );
    return found[0]?.recordId as string;
  }
  return text;
}
