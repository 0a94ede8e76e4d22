import type { Command } from 'commander';
import { SLA_EVENT_TYPES } from '../domain/index.js';
import { EXIT } from '../errors/exit-status.js';
import { redactText } from '../logging/redact.js';
import { BATCH_ROWS, chunks } from '../store/batch.js';
import type { LedgerEvent, StoreReaders } from '../store/index.js';
import { londonText, parseSince, utcText } from './instant-text.js';
import { caseNumbers, recordLabel, refOf } from './record-label.js';
import { action, usageError, usageErrors } from './run-action.js';
import { withStore } from './store-session.js';

/**
 * `sla-bridge events`: the SLA event ledger, oldest first, from the store alone. Filters combine
 * (AND): `--case` (a case number or id), `--account` (the account's own events and its cases'),
 * `--type`, `--since` (a London date or an ISO instant). Readable lines by default, one JSON
 * object per line with `--json`.
 */
export const DEFAULT_EVENT_LIMIT = 1000;

interface EventsOptions {
  case?: string;
  account?: string;
  type?: string;
  since?: string;
  limit?: string;
  json?: boolean;
}

/** One `--json` line (documented in docs/operations.md#json-output). */
export interface EventJson {
  seq: number;
  at: string;
  module: string;
  recordId: string;
  /** The case number, for cases the store has seen. */
  number: string | null;
  type: string;
  clock: string | null;
  cause: string;
  policyVersion: string;
  key: string;
  details: unknown;
  recordedAt: string;
}

interface Query {
  type?: string;
  since?: number;
  limit: number;
}

export function registerEventsCommand(program: Command): void {
  program
    .command('events')
    .description(
      'The SLA event ledger, oldest first, from the store (no SuiteCRM needed): instant in UTC and London time, record, type, cause.',
    )
    .option('--case <case>', 'one case: its case number or its id')
    .option('--account <id>', "one account's events and its cases' events")
    .option('--type <type>', `one event type (${SLA_EVENT_TYPES.join(', ')})`)
    .option(
      '--since <when>',
      'events at or after a date YYYY-MM-DD (00:00 Europe/London) or an ISO instant (2026-11-25T09:00:00Z)',
    )
    .option('--limit <n>', `at most this many events (default ${DEFAULT_EVENT_LIMIT})`)
    .option('--json', 'one JSON object per line')
    .action(
      action((options: EventsOptions) => {
        const query = parseOptions(options);
        return withStore({}, async (store) => {
          await store.requireCurrentSchema();
          const { events, more, numbers } = await store.read(async (readers) => {
            const found = await findEvents(readers, options, query);
            const page = found.slice(0, query.limit);
            return {
              events: page,
              more: found.length > query.limit ? found[query.limit] : undefined,
              numbers: await caseNumbers(readers, page.map(refOf)),
            };
          });
          process.stdout.write(
            redactText(options.json ? jsonLines(events, numbers) : textLines(events, numbers)),
          );
          if (more !== undefined) {
            process.stderr.write(
              `sla-bridge: only the first ${query.limit} events are shown; more follow from ${utcText(more.at)} (use --since ${utcText(more.at)}, or a larger --limit)\n`,
            );
          } else if (events.length === 0 && !options.json) {
            process.stderr.write('sla-bridge: no events match\n');
          }
          return EXIT.ok;
        });
      }),
    );
}

/** Every bad option is named at once. */
function parseOptions(options: EventsOptions): Query {
  const query: Query = { limit: DEFAULT_EVENT_LIMIT };
  const problems: string[] = [];
  if (options.type !== undefined) {
    if (!(SLA_EVENT_TYPES as readonly string[]).includes(options.type)) {
      problems.push(`--type must be one of ${SLA_EVENT_TYPES.join(', ')}; got "${options.type}"`);
    }
    query.type = options.type;
  }
  if (options.since !== undefined) {
    const since = parseSince(options.since);
    if (since === undefined) {
      problems.push(
        `--since must be a date YYYY-MM-DD or an ISO instant with Z or an offset (2026-11-25T09:00:00Z); got "${options.since}"`,
      );
    } else query.since = since;
  }
  if (options.limit !== undefined) {
    if (!/^\d+$/.test(options.limit) || Number(options.limit) < 1 || Number(options.limit) > 1_000_000) {
      problems.push(`--limit must be a whole number from 1 to 1000000; got "${options.limit}"`);
    }
    query.limit = Number(options.limit);
  }
  for (const [name, value] of [
    ['--case', options.case],
    ['--account', options.account],
  ] as const) {
    if (value !== undefined && value.trim() === '') problems.push(`${name} needs a value`);
  }
  if (problems.length > 0) throw usageErrors(problems);
  return query;
}

/** The records the filters name, per module; undefined when no record filter was given. */
async function recordsOf(
  readers: StoreReaders,
  options: EventsOptions,
): Promise<Map<string, string[]> | undefined> {
  if (options.case === undefined && options.account === undefined) return undefined;
  const records = new Map<string, string[]>();
  let caseIds: string[] | undefined;
  if (options.case !== undefined) {
    const given = options.case.trim();
    if (/^\d+$/.test(given)) {
      caseIds = (await readers.inputs.findByNumber('Cases', given)).map((snapshot) => snapshot.recordId);
      if (caseIds.length === 0) {
        throw usageError(
          `no case numbered ${given} is in the bridge's store (the sync has not read it yet, or the number is wrong); give the case id instead`,
        );
      }
    } else {
      caseIds = [given];
    }
  }
  if (options.account !== undefined) {
    const account = options.account.trim();
    const ofAccount = (await readers.inputs.byAccounts('Cases', [account])).map(
      (snapshot) => snapshot.recordId,
    );
    if (caseIds === undefined) {
      records.set('Accounts', [account]);
      caseIds = ofAccount;
    } else {
      const belongs = new Set(ofAccount);
      caseIds = caseIds.filter((id) => belongs.has(id));
    }
  }
  records.set('Cases', caseIds ?? []);
  return records;
}

/** Up to limit + 1 events (the extra one says whether more follow), oldest first. */
async function findEvents(
  readers: StoreReaders,
  options: EventsOptions,
  query: Query,
): Promise<LedgerEvent[]> {
  const filters = {
    ...(query.type === undefined ? {} : { type: query.type }),
    ...(query.since === undefined ? {} : { since: query.since }),
    limit: query.limit + 1,
  };
  const records = await recordsOf(readers, options);
  if (records === undefined) return readers.events.find(filters);
  const found: LedgerEvent[] = [];
  for (const [module, ids] of records) {
    for (const batch of chunks(ids, BATCH_ROWS)) {
      found.push(...(await readers.events.find({ ...filters, module, recordIds: batch })));
    }
  }
  return found.sort((a, b) => a.at - b.at || a.seq - b.seq).slice(0, query.limit + 1);
}

function typeText(event: LedgerEvent): string {
  return event.clock === null ? event.type : `${event.clock}.${event.type}`;
}

function textLines(events: readonly LedgerEvent[], numbers: ReadonlyMap<string, string>): string {
  if (events.length === 0) return '';
  const labels = events.map((event) => recordLabel(refOf(event), numbers));
  const labelWidth = Math.max(...labels.map((label) => label.length));
  const typeWidth = Math.max(...events.map((event) => typeText(event).length));
  const lines = events.map(
    (event, index) =>
      `${utcText(event.at)}  ${londonText(event.at)}  ${(labels[index] ?? '').padEnd(labelWidth)}  ${typeText(event).padEnd(typeWidth)}  ${event.cause.replace(/\s+/g, ' ').trim()}`,
  );
  return `${lines.join('\n')}\n`;
}

function jsonLines(events: readonly LedgerEvent[], numbers: ReadonlyMap<string, string>): string {
  return events
    .map((event) => {
      const line: EventJson = {
        seq: event.seq,
        at: utcText(event.at),
        module: event.module,
        recordId: event.recordId,
        number: event.module === 'Cases' ? (numbers.get(event.recordId) ?? null) : null,
        type: event.type,
        clock: event.clock,
        cause: event.cause,
        policyVersion: event.policyVersion,
        key: event.key,
        details: event.details,
        recordedAt: utcText(event.recordedAt),
      };
      return `${JSON.stringify(line)}\n`;
    })
    .join('');
}
