import { formatInstant } from '../domain/calendar/index.js';
import type { SyncReport } from '../sync/sync-engine.js';
import { SYNC_MODULES } from '../sync/sync-modules.js';
import { notTrackedCounts, notTrackedText } from './not-tracked-text.js';

/** A sync report as people read it: counts per module and kind, then the records written. */
export function formatSyncReport(report: SyncReport): string {
  const lines: string[] = [];
  const verb = report.dryRun ? 'would write' : 'wrote';
  lines.push(
    `${report.dryRun ? 'DRY RUN (nothing was written to SuiteCRM or the store): ' : ''}${report.kind === 'restate' ? 'restatement' : report.full ? 'full sync' : 'sync'} as of ${formatInstant(report.now)}, policy ${report.policyVersion}, ${(report.durationMs / 1000).toFixed(1)} s`,
  );
  lines.push('');
  lines.push(
    pad([
      'module',
      'read',
      'changed',
      'deleted',
      'evaluated',
      report.dryRun ? 'would write' : 'written',
      'fields',
      'failed',
      'not computed',
      'untracked',
    ]),
  );
  for (const module of SYNC_MODULES) {
    const read = report.read[module];
    const computed = report.computed[module];
    lines.push(
      pad([
        module,
        String(read.read),
        String(read.changed),
        String(report.deleted[module]),
        String(computed.evaluated),
        String(computed.written),
        String(computed.fieldsWritten),
        String(computed.failed),
        String(computed.notComputed),
        String(computed.untracked),
      ]),
    );
  }
  const events = SYNC_MODULES.reduce((sum, module) => sum + report.computed[module].events, 0);
  lines.push('', `new events in the ledger: ${events}`);
  lines.push(
    `cases not tracked (${report.dryRun ? 'would be ' : ''}left as they are): ${notTrackedText(notTrackedCounts(report.notTracked))}`,
  );
  if (report.records.length > 0) {
    lines.push('', `records the sync ${verb}:`);
    for (const record of report.records) {
      lines.push(
        `  ${record.module} ${record.number ? `#${record.number} ` : ''}${record.id}: ${record.fields.join(', ')}`,
      );
    }
  }
  if (report.problems.length > 0) {
    lines.push(
      '',
      'records not computed (bad data: fix the record in SuiteCRM and the next sync computes it):',
    );
    for (const problem of report.problems) {
      lines.push(
        `  ${problem.module} ${problem.number ? `#${problem.number} ` : ''}${problem.id}: ${problem.reason}`,
      );
    }
  }
  if (report.failures.length > 0) {
    lines.push('', 'writes that failed (retried by the next sync):');
    for (const failure of report.failures) lines.push(`  ${failure.module} ${failure.id}: ${failure.error}`);
  }
  return `${lines.join('\n')}\n`;
}

const WIDTHS = [16, 7, 8, 8, 10, 12, 7, 7, 13, 10];

function pad(cells: string[]): string {
  return cells
    .map((cell, index) => (index === 0 ? cell.padEnd(WIDTHS[index] ?? 8) : cell.padStart(WIDTHS[index] ?? 8)))
    .join('')
    .trimEnd();
}
