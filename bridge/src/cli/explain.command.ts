import type { Command } from 'commander';
import { loadConfigAndPolicy } from '../config/startup-config.js';
import { formatInstant } from '../domain/calendar/index.js';
import { NOT_TRACKED_WORDS } from '../domain/index.js';
import { EXIT } from '../errors/exit-status.js';
import { configureLogging } from '../logging/logger.js';
import { openStore } from '../store/index.js';
import { type CaseExplanation, explainCase, type PendingWrite } from '../sync/explain-case.js';
import { action } from './run-action.js';

/** `sla-bridge explain <case number or id>`: from the store, no SuiteCRM settings needed. */
export function registerExplainCommand(program: Command): void {
  program
    .command('explain')
    .argument('<case>', 'a case number (e.g. 1042) or a case id')
    .summary("how one case's SLA fields are computed")
    .description(
      "How one case's SLA fields are computed: its inputs as last read from SuiteCRM, what the bridge computes from them now, what SuiteCRM holds, and the case's events. Reads the bridge's store only.",
    )
    .option('--json', 'print JSON')
    .action(
      action(async (key: string, options: { json?: boolean }) => {
        const { config, policy: loaded } = loadConfigAndPolicy();
        configureLogging(config.logging);
        const { policy } = loaded;
        const store = await openStore(config.store.url);
        try {
          await store.requireCurrentSchema();
          const explanation = await explainCase(store, policy, key, Date.now());
          process.stdout.write(
            options.json ? `${JSON.stringify(explanation, null, 2)}\n` : formatExplanation(explanation),
          );
          return EXIT.ok;
        } finally {
          await store.close();
        }
      }),
    );
}

const when = (ms: unknown) => (typeof ms === 'number' ? formatInstant(ms) : '-');
const show = (value: unknown) =>
  value === null || value === undefined || value === ''
    ? '-'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/** When the differing values get written, as the sync will really do it (see PendingWrite). */
export function writeText(pending: PendingWrite): string {
  switch (pending.when) {
    case 'never':
      return 'never (reported before the tracking start)';
    case 'next_sync':
      return 'by the next sync (its next transition is due)';
    case 'at':
      return `not before ${formatInstant(pending.at)} (its next transition), unless the case is edited in SuiteCRM first`;
    case 'unscheduled':
      return 'not by any scheduled pass: only an edit of the case in SuiteCRM or a full sync (sla-bridge sync --full, or the nightly reconcile) writes it';
  }
}

function formatExplanation(e: CaseExplanation): string {
  const c = e.inputs;
  const lines = [
    `Case ${e.caseNumber ? `#${e.caseNumber} ` : ''}${e.caseId}`,
    '',
    `Inputs (last read from SuiteCRM; modified ${when(e.lastRead)}):`,
    `  status ${show(c.status)}; reported at ${when(c.reportedAt)} (created ${when(c.dateEntered)})`,
    `  severity ${show(c.severity)}; environment ${show(c.environment)}; cause ${show(c.cause)}; reportable ${show(c.reportable)}`,
    `  downgrade to ${show(c.downgradeTo)} (${show(c.downgradeReason)}) at ${when(c.downgradedAt)}`,
    `  account ${show(c.accountId)}${e.account ? `: ${JSON.stringify(e.account)}` : ''}`,
    `  change log (${c.changeLog.length} entries${c.changeLogProblems.length > 0 ? `, problems: ${c.changeLogProblems.join('; ')}` : ''}):`,
    ...c.changeLog.map(
      (entry) =>
        `    ${formatInstant(entry.at)}  ${entry.field.padEnd(12)} ${show(entry.from)} -> ${show(entry.to)}  by ${show(entry.userId)} (${entry.actor})`,
    ),
    ...(c.parseProblems ? [`  unreadable attributes: ${c.parseProblems.join('; ')}`] : []),
    '',
    `Computed now (${formatInstant(e.now)}), policy ${e.policyVersion}${e.computed.notTracked ? ` - not tracked, never written: ${NOT_TRACKED_WORDS[e.computed.notTracked]}` : ''}:`,
  ];
  const held = e.held ?? {};
  const writes = e.pendingWrite ? writeText(e.pendingWrite) : '';
  for (const [field, value] of Object.entries(e.computed.desired)) {
    if (field === 'sla_explanation_c') continue;
    const rendered = field.endsWith('_at_c') || field.endsWith('_due_c') ? when(value) : show(value);
    const stored = held[field];
    const differs = e.held !== null && JSON.stringify(stored ?? null) !== JSON.stringify(value ?? null);
    lines.push(`  ${field.padEnd(26)} ${rendered}${differs ? `   (SuiteCRM holds ${show(stored)})` : ''}`);
  }
  if (e.pendingWrite) lines.push(`  written: ${writes}`);
  // The stored transition is what the sync acts on; what a pass now would store may differ.
  const stored = e.nextTransition;
  lines.push(
    `  next transition: ${stored ? `${formatInstant(stored.at)} (${stored.reason})` : 'none'}${
      e.computed.writable && (e.computed.next ?? null) !== (stored?.at ?? null)
        ? `; a pass now would set ${e.computed.next === null ? 'none' : formatInstant(e.computed.next)}`
        : ''
    }`,
  );
  lines.push(
    '',
    'Explanation:',
    `  ${show(e.computed.desired.sla_explanation_c)}`,
    '',
    `Events (${e.events.length}):`,
  );
  for (const event of e.events)
    lines.push(`  ${formatInstant(event.at)}  ${event.type.padEnd(16)} ${event.cause}`);
  return `${lines.join('\n')}\n`;
}
