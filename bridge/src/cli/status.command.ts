import type { Command } from 'commander';
import { EXIT } from '../errors/exit-status.js';
import { redactText } from '../logging/redact.js';
import { TRACKING_ZONE } from '../store/index.js';
import { durationText, instantText } from './instant-text.js';
import { notTrackedText } from './not-tracked-text.js';
import { recordLabel, refOf } from './record-label.js';
import { action } from './run-action.js';
import { DEFAULT_LIMITS, type StatusReport, statusReport, type TransitionStatus } from './status-report.js';
import { withStore } from './store-session.js';

/** "No limit" for SQL LIMIT (a number both SQLite and MySQL accept). */
const EVERY = 1_000_000_000;

/**
 * `sla-bridge status [--json] [--all-problems]`: the bridge's state from its store alone (no SuiteCRM settings
 * needed): last runs, cursor lag, records not computed and why, next transitions, the tracking
 * start and the policy version in force.
 */
export function registerStatusCommand(program: Command): void {
  program
    .command('status')
    .description(
      "The bridge's state from its store (no SuiteCRM needed): last runs, cursor lag, records not computed and why, next transitions, tracking start, policy version.",
    )
    .option('--json', 'print the status as one JSON document')
    .option(
      '--all-problems',
      'list every reason and every record not computed (default: the 10 most common reasons, 3 records each)',
    )
    .action(
      action((options: { json?: boolean; allProblems?: boolean }) =>
        withStore({}, async (store, config) => {
          await store.requireCurrentSchema();
          const limits = options.allProblems
            ? { ...DEFAULT_LIMITS, reasons: EVERY, examples: EVERY }
            : DEFAULT_LIMITS;
          const report = await statusReport(store, config, Date.now(), limits);
          // Job errors are stored text: the registered secrets are kept out of them here too.
          process.stdout.write(
            redactText(options.json ? `${JSON.stringify(report, null, 2)}\n` : statusText(report)),
          );
          return EXIT.ok;
        }),
      ),
    );
}

export function statusText(report: StatusReport): string {
  const now = Date.parse(report.now);
  const lines: string[] = [
    `Store: ${report.store}`,
    `Now: ${instantText(now)}`,
    `Tracking start: ${trackingLine(report.trackingStart)}`,
    `Policy: ${policyLine(report.policy)}`,
  ];
  lines.push(...runLines(report));
  lines.push(...cursorLines(report));
  lines.push(...problemLines(report));
  lines.push(`Not tracked (never written): ${notTrackedText(report.notTracked)}`);
  lines.push(...transitionLines(report));
  return `${lines.join('\n')}\n`;
}

function trackingLine(start: StatusReport['trackingStart']): string {
  if (start === null) return 'not set (run `sla-bridge migrate`)';
  return `${start.date} (00:00 ${start.timeZone} = ${start.at}), set ${start.setAt} by ${start.setBy}`;
}

function policyLine(policy: StatusReport['policy']): string {
  if (policy.version === null) return `cannot load ${policy.source}: ${policy.error ?? 'unknown error'}`;
  const used = policy.firstSeenAt === null ? 'not used by a sync yet' : `in use since ${policy.firstSeenAt}`;
  return `version ${policy.version} (${policy.source}), ${used}`;
}

function countsText(counts: Record<string, number> | null): string {
  if (counts === null) return '';
  const entries = Object.entries(counts);
  return entries.length === 0 ? '' : `  ${entries.map(([key, value]) => `${key}=${value}`).join(' ')}`;
}

function runLines(report: StatusReport): string[] {
  if (report.runs.length === 0) return ['Last runs: none yet (`sla-bridge sync` records one)'];
  const jobWidth = Math.max(...report.runs.map((run) => run.job.length));
  const outcomeWidth = Math.max(...report.runs.map((run) => run.outcome.length));
  const now = Date.parse(report.now);
  return [
    'Last runs:',
    ...report.runs.map((run) => {
      const timing =
        run.durationMs === null
          ? `started ${run.startedAt}, ${durationText(now - Date.parse(run.startedAt))} so far`
          : `started ${run.startedAt}, took ${durationText(run.durationMs)}`;
      const error = run.error === null ? '' : `  error: ${oneLine(run.error)}`;
      const success = run.lastSucceededAt === null ? '' : `  last success ${run.lastSucceededAt}`;
      return `  ${run.job.padEnd(jobWidth)}  ${run.outcome.padEnd(outcomeWidth)}  ${timing}${countsText(run.counts)}${error}${success}`;
    }),
  ];
}

function cursorLines(report: StatusReport): string[] {
  if (report.cursors.length === 0) return ['Cursors: none yet (the first sync reads everything)'];
  const width = Math.max(...report.cursors.map((cursor) => cursor.name.length));
  return [
    'Cursors (lag = now - cursor):',
    ...report.cursors.map(
      (cursor) => `  ${cursor.name.padEnd(width)}  ${cursor.at}  lag ${durationText(cursor.lagMs)}`,
    ),
  ];
}

function problemLines(report: StatusReport): string[] {
  const { total, byModule, reasons } = report.notComputed;
  if (total === 0) return ['Not computed: none'];
  const modules = Object.entries(byModule)
    .map(([module, count]) => `${module} ${count}`)
    .join(', ');
  const countWidth = Math.max(...reasons.map((reason) => String(reason.count).length));
  const lines = [`Not computed: ${total} record${total === 1 ? '' : 's'} (${modules})`];
  for (const reason of reasons) {
    const numbers = new Map(
      reason.examples.flatMap((example) =>
        example.number === null ? [] : [[example.recordId, example.number]],
      ),
    );
    const examples = reason.examples.map(
      (example) =>
        `${recordLabel({ module: reason.module, id: example.recordId }, numbers)}${example.recheckAt === null ? '' : ` re-checked ${example.recheckAt}`}`,
    );
    lines.push(
      `  ${String(reason.count).padStart(countWidth)}  ${reason.module}  ${oneLine(reason.reason)}  (e.g. ${examples.join(', ')})`,
    );
  }
  const listed = reasons.reduce((sum, reason) => sum + reason.count, 0);
  if (listed < total) lines.push(`  ... and ${total - listed} more with other reasons`);
  // Says which passes really compute them (finding 2): no record is promised a write by itself.
  lines.push(
    '  (computed again when edited in SuiteCRM, or by a full sync; "re-checked" ones also at that time)',
  );
  return lines;
}

function transitionLine(transition: TransitionStatus): string {
  const label = recordLabel(
    refOf(transition),
    new Map(transition.number === null ? [] : [[transition.recordId, transition.number]]),
  );
  return `  ${instantText(Date.parse(transition.dueAt))}  ${label}  ${transition.reason}`;
}

function transitionLines(report: StatusReport): string[] {
  const { due, oldestDue, upcoming } = report.transitions;
  const lines: string[] = [];
  if (due === 0) lines.push('Due transitions: none (every record whose time has come was re-evaluated)');
  else {
    lines.push(`Due transitions: ${due} waiting for the next tick; the oldest:`);
    lines.push(...oldestDue.map(transitionLine));
  }
  if (upcoming.length === 0) lines.push('Next transitions: none scheduled');
  else {
    lines.push(`Next transitions (${TRACKING_ZONE} time in brackets):`);
    lines.push(...upcoming.map(transitionLine));
  }
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
