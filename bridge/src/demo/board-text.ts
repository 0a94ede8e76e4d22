import { DateTime } from 'luxon';
import type { BoardAccount, BoardCase, DemoBoard } from './demo-board.js';
import { renderTable } from './text-table.js';

/**
 * The board as text, for a person at a terminal: the sandbox notice, cases grouped by response
 * status, accounts grouped by contract state, the week's events, what the run cost, and the
 * notice again with how to connect a real SuiteCRM. Times are London wall-clock times.
 */
export interface SandboxInfo {
  standInPid: number;
  standInUrl: string;
  /** Real milliseconds from start to board. */
  realMs: number;
  /** Set with --keep-running: the sandbox is still up. */
  kept: boolean;
  /** SuiteCRM / store / policy settings in the environment, which the demo leaves alone. */
  ignoredSettings: readonly string[];
}

const RESPONSE_ORDER = [
  'breached',
  'at_risk',
  'pending',
  'met_late',
  'met',
  'withdrawn',
  'not_covered',
  'not_computed',
];
const CONTRACT_ORDER = [
  'active',
  'renewal_due',
  'ending',
  'lapsed',
  'ended_early',
  'not_started',
  'free',
  'none',
];

const COVERAGE_WORDS: Record<string, string> = {
  withdrawn: 'withdrawn: closed as duplicate or rejected before anyone acknowledged it',
  not_tracked: 'not tracked: reported before the tracking start',
  no_contract: 'not covered: the account has no plan',
  free_support: 'not covered: free support (forum only)',
  not_started: 'not covered: the contract had not started',
  ended: 'not covered: the contract had ended',
  not_paid: 'not covered: the term was not paid',
  not_reportable: 'not covered: marked not a reportable incident',
  hours_exhausted: "not covered: the plan's hours were used up",
};

export const words = (key: string | null): string =>
  key === null || key === '' ? '-' : key.replaceAll('_', ' ');
const title = (key: string) => {
  const text = words(key);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A wall-clock time in the board's zone, always in English whatever the machine's locale. */
export function localTime(ms: number | null, zone: string, format = 'ccc d LLL HH:mm'): string {
  return ms === null ? '-' : DateTime.fromMillis(ms, { zone, locale: 'en-GB' }).toFormat(format);
}

/** SuiteCRM's status key without its state prefix: `Open_Pending Input` → `Pending Input`. */
const caseStatus = (status: string | null) => (status === null ? '-' : status.replace(/^(Open|Closed)_/, ''));
const hours = (value: number | null) => (value === null ? '-' : value.toFixed(2));

function grouped<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  order: readonly string[],
): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

/** Lines under a case's row: why its severity or coverage is what it is, then its resolution clock and hours. */
function caseNotes(c: BoardCase, zone: string): string[] {
  const notes: string[] = [];
  if (c.severity.note) notes.push(c.severity.note);
  if (c.coverage && c.coverage !== 'covered') notes.push(COVERAGE_WORDS[c.coverage] ?? words(c.coverage));
  if (c.problem) notes.push(c.problem);
  const details: string[] = [];
  const resolution = c.resolution.status;
  if (resolution && !['not_covered', 'withdrawn', 'not_applicable'].includes(resolution)) {
    const open = ['pending', 'at_risk', 'breached'].includes(resolution) && c.resolution.due !== null;
    details.push(
      `resolution ${words(resolution)}${open ? `, due ${localTime(c.resolution.due, zone)}` : ''}`,
    );
  }
  if (c.resolution.pausedMinutes)
    details.push(`${c.resolution.pausedMinutes} business minutes waiting on the customer`);
  if (c.hoursLogged) details.push(`${hours(c.hoursLogged)} h logged`);
  if (details.length > 0) notes.push(details.join('; '));
  return notes;
}

function casesSection(board: DemoBoard): string[] {
  const out = [`CASES BY RESPONSE STATUS (${board.zone} time)`];
  for (const [status, cases] of grouped(board.cases, (c) => c.response.status ?? '', RESPONSE_ORDER)) {
    out.push('', `${title(status)} (${cases.length})`);
    const rows = cases.map((c) => [
      `#${c.number ?? '?'}`,
      c.subject,
      c.plan,
      `${c.severity.reported ?? '-'}/${c.severity.effective ?? '-'}`,
      caseStatus(c.status),
      localTime(c.response.due, board.zone),
      localTime(c.response.acknowledgedAt, board.zone),
    ]);
    const [header, ...lines] = renderTable(
      [
        { header: 'Case' },
        { header: 'Subject', max: 40 },
        { header: 'Plan' },
        { header: 'Sev', align: 'right' },
        { header: 'Status' },
        { header: 'Response due' },
        { header: 'Acknowledged' },
      ],
      rows,
    );
    out.push(header ?? '');
    lines.forEach((line, i) => {
      out.push(line);
      const notes = caseNotes(cases[i] as BoardCase, board.zone);
      for (const note of notes) out.push(`        ${note}`);
    });
  }
  out.push('', '  Sev is the severity as reported / the effective severity after the caps.');
  return out;
}

function accountsSection(board: DemoBoard): string[] {
  const out = ['ACCOUNTS BY CONTRACT STATE'];
  for (const [state, accounts] of grouped(board.accounts, (a) => a.contractState ?? '', CONTRACT_ORDER)) {
    out.push('', `${title(state)} (${accounts.length})`);
    const term = (a: BoardAccount) => (a.termStart && a.termEnd ? `${a.termStart} to ${a.termEnd}` : '-');
    out.push(
      ...renderTable(
        [
          { header: 'Account' },
          { header: 'Plan' },
          { header: 'Term' },
          { header: 'Next renewal' },
          { header: 'Hours used', align: 'right' },
          { header: 'Remaining', align: 'right' },
          { header: 'Hours state' },
          { header: 'Not counted', align: 'right' },
        ],
        accounts.map((a) => [
          a.name,
          a.plan,
          term(a),
          a.nextRenewal ?? '-',
          hours(a.hoursUsed),
          hours(a.hoursRemaining),
          words(a.hoursState),
          a.hoursNotCounted > 0 ? hours(a.hoursNotCounted) : '-',
        ]),
      ),
    );
  }
  out.push(
    '',
    '  Hours count support and consulting time in the current term; "Not counted" is development and',
    "  migration time logged in the same term, which never uses the plan's hours.",
  );
  return out;
}

function eventsSection(board: DemoBoard): string[] {
  const from = localTime(board.eventsFrom, board.zone, 'ccc d LLL yyyy');
  const out = [`EVENTS OF THE RUN (the bridge's ledger from ${from}, in time order)`, ''];
  out.push(
    ...renderTable(
      [{ header: 'When' }, { header: 'Record', max: 40 }, { header: 'Event' }, { header: 'Cause' }],
      board.events.map((event) => [
        localTime(event.at, board.zone),
        event.record,
        `${event.clock ? `${event.clock} ` : ''}${words(event.type)}`,
        event.cause,
      ]),
    ),
  );
  if (board.earlierEvents > 0) {
    out.push(
      '',
      `  ${board.earlierEvents} earlier events (past contract terms, cases before the week) are in the ledger too.`,
    );
  }
  return out;
}

function costSection(board: DemoBoard, info: SandboxInfo): string[] {
  const days = Math.round((board.walkTo - board.walkFrom) / 86_400_000);
  const api = board.api;
  return [
    'WHAT IT TOOK',
    '',
    `  ${board.ticks} daemon ticks over ${days} virtual days (${localTime(board.walkFrom, board.zone)} to ${localTime(board.walkTo, board.zone)}); ${board.saves} saves by staff in the sandbox.`,
    `  The bridge made ${api.requests} V8 API requests: ${api.listReads} list reads, ${api.recordReads} single-record reads, ${api.writes} writes`,
    `  and ${api.tokensIssued} access-token requests (a token lasts an hour of the sandbox's clock, which jumped).`,
    `  ${board.events.length} events this week in the ledger; ${(info.realMs / 1000).toFixed(1)} s of real time.`,
  ];
}

export function sandboxNotice(info: SandboxInfo, board: DemoBoard): string[] {
  const ignored =
    info.ignoredSettings.length > 0
      ? [`Your environment sets ${info.ignoredSettings.join(', ')}: the demo ignores them.`]
      : [];
  const from = localTime(board.walkFrom, board.zone, 'ccc d LLL yyyy HH:mm');
  const to = localTime(board.walkTo, board.zone, 'ccc d LLL HH:mm');
  return [
    'SLA bridge demo: the built-in sandbox',
    '=====================================',
    `A fake SuiteCRM (the V8 stand-in) ${info.kept ? 'runs' : 'ran'} in a separate process (pid ${info.standInPid}, ${info.standInUrl})`,
    'with sample customers. No real SuiteCRM is contacted and nothing needs configuring. The real',
    "bridge daemon synced it, with a SQLite store in a temporary folder, while the demo's clock walked",
    `from ${from} to ${to} (${board.zone}).`,
    ...ignored,
  ];
}

const CONNECT = [
  'To connect a real SuiteCRM, see "Configuration" in README.md: install the package in SuiteCRM,',
  'set SUITECRM_URL, SUITECRM_CLIENT_ID and SUITECRM_CLIENT_SECRET, then run `sla-bridge migrate`,',
  '`sla-bridge doctor` and `sla-bridge run`.',
];

export function connectNotice(info: SandboxInfo): string[] {
  return info.kept
    ? [
        'This is the built-in sandbox (a fake SuiteCRM in a separate process), kept running below.',
        ...CONNECT,
      ]
    : [
        'That was the built-in sandbox (a fake SuiteCRM in a separate process): it has stopped and its',
        'temporary store has been removed.',
        ...CONNECT,
        '`sla-bridge demo --keep-running` leaves the sandbox and its daemon running until Ctrl-C.',
      ];
}

/** --keep-running, once the daemon runs: where the sandbox is. */
export function keptNotice(sandbox: {
  standIn: { url: string; apiUrl: string; controlUrl: string };
  bridge: { storePath: string };
}): string[] {
  return [
    '',
    'KEPT RUNNING',
    `  Sandbox SuiteCRM: ${sandbox.standIn.url} (V8 API ${sandbox.standIn.apiUrl}, controls ${sandbox.standIn.controlUrl})`,
    `  Bridge store:     ${sandbox.bridge.storePath}`,
    "  The daemon ticks every minute in real time; the sandbox's clock runs on from the end of the week.",
    '  Press Ctrl-C to stop: the daemon finishes its batch, the sandbox stops, the temporary store is removed.',
  ];
}

export function stoppedNotice(): string[] {
  return ['', 'Stopped: the sandbox SuiteCRM has stopped and its temporary store has been removed.'];
}

export function renderBoard(board: DemoBoard, info: SandboxInfo): string {
  const sections = [
    sandboxNotice(info, board),
    casesSection(board),
    accountsSection(board),
    eventsSection(board),
    costSection(board, info),
    connectNotice(info),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
