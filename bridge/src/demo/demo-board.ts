import { MODULE_CODECS, type ModuleAttributes } from '../catalogue/index.js';
import type { CompiledPolicy } from '../domain/index.js';
import type { Store } from '../store/index.js';
import type { SuiteCrmClient } from '../suitecrm/index.js';
import type { CounterSnapshot } from './standin-process.js';

/**
 * The SLA board: what SuiteCRM holds after the walk (read back through the V8 API, as staff
 * would see it), the event ledger from the bridge's store, and what the run cost in API
 * requests (the stand-in's counters, taken before the board's own reads). Instants are epoch
 * milliseconds; the text rendering turns them into London times, the JSON keeps them as ISO.
 */
export interface BoardCase {
  id: string;
  number: number | null;
  subject: string;
  account: string | null;
  plan: string;
  status: string | null;
  severity: { reported: string | null; effective: string | null; note: string | null };
  coverage: string | null;
  response: {
    status: string | null;
    due: number | null;
    acknowledgedAt: number | null;
    businessMinutes: number | null;
  };
  resolution: { status: string | null; due: number | null; pausedMinutes: number | null };
  hoursLogged: number | null;
  problem: string | null;
}

export interface BoardAccount {
  id: string;
  name: string;
  plan: string;
  contractState: string | null;
  termStart: string | null;
  termEnd: string | null;
  nextRenewal: string | null;
  refundWindowEnd: string | null;
  hoursUsed: number | null;
  hoursRemaining: number | null;
  hoursState: string | null;
  /** Hours logged this term in categories that never count (development, migration). */
  hoursNotCounted: number;
  problem: string | null;
}

export interface BoardEvent {
  at: number;
  module: string;
  recordId: string;
  /** "#7 Report export times out" or the account's name. */
  record: string;
  type: string;
  clock: string | null;
  cause: string;
}

export interface BoardApiUse {
  requests: number;
  listReads: number;
  recordReads: number;
  writes: number;
  tokensIssued: number;
  byRoute: Record<string, number>;
}

export interface DemoBoard {
  zone: string;
  ticks: number;
  saves: number;
  walkFrom: number;
  walkTo: number;
  eventsFrom: number;
  cases: BoardCase[];
  accounts: BoardAccount[];
  events: BoardEvent[];
  /** Ledger events dated before `eventsFrom` (earlier terms, earlier cases), not listed. */
  earlierEvents: number;
  api: BoardApiUse;
}

type Row<M extends keyof ModuleAttributes> = { id: string; values: ModuleAttributes[M] };

async function readAll<M extends keyof ModuleAttributes>(
  client: SuiteCrmClient,
  module: M,
): Promise<Row<M>[]> {
  const codec = MODULE_CODECS[module];
  const rows: Row<M>[] = [];
  for await (const page of client.scanAll(module, { parse: (raw) => codec.parse(raw).values })) {
    for (const record of page) rows.push({ id: record.id, values: record.attributes as ModuleAttributes[M] });
  }
  return rows;
}

/** Events of one minute in the order they happen: reported before capped, acknowledged before met. */
const STORY_ORDER = [
  'reported',
  'severity_capped',
  'downgraded',
  'acknowledged',
  'met',
  'at_risk',
  'breached',
];
const storyRank = (type: string) =>
  STORY_ORDER.includes(type) ? STORY_ORDER.indexOf(type) : STORY_ORDER.length;

export function planLabel(policy: CompiledPolicy, plan: string | null): string {
  if (plan === null || plan === '') return 'no plan';
  if (plan === 'free') return 'Free support';
  return policy.plans.get(plan)?.definition.label ?? plan;
}

export function apiUse(counters: CounterSnapshot): BoardApiUse {
  // Routes are counted twice, as `METHOD route` and `METHOD route Module`: keep the plain ones.
  const plain = Object.entries(counters.byRoute).filter(([route]) => route.split(' ').length === 2);
  const sum = (keep: (method: string, route: string) => boolean) =>
    plain
      .filter(([key]) => keep(...(key.split(' ') as [string, string])))
      .reduce((n, [, count]) => n + count, 0);
  return {
    requests: counters.total,
    listReads: sum((method, route) => method === 'GET' && route === 'list'),
    recordReads: sum((method, route) => method === 'GET' && route === 'get'),
    writes: sum((method, route) => method !== 'GET' && route !== 'token' && route !== 'logout'),
    tokensIssued: counters.tokensIssued,
    byRoute: counters.byRoute,
  };
}

export async function collectBoard(options: {
  client: SuiteCrmClient;
  store: Store;
  policy: CompiledPolicy;
  zone: string;
  walk: { ticks: number; saves: number; from: number; to: number };
  eventsFrom: number;
  counters: CounterSnapshot;
}): Promise<DemoBoard> {
  const { client, policy } = options;
  const accounts = await readAll(client, 'Accounts');
  const cases = await readAll(client, 'Cases');
  const entries = await readAll(client, 'SLA_TimeEntries');
  const accountById = new Map(accounts.map((row) => [row.id, row.values]));

  const boardCases: BoardCase[] = cases.map(({ id, values: c }) => {
    const account = c.account_id ? accountById.get(c.account_id) : undefined;
    return {
      id,
      number: c.case_number,
      subject: c.name ?? '',
      account: account?.name ?? null,
      plan: planLabel(policy, account?.sla_plan_c ?? null),
      status: c.status,
      severity: {
        reported: c.sla_severity_c,
        effective: c.sla_effective_severity_c,
        note: c.sla_severity_note_c,
      },
      coverage: c.sla_coverage_c,
      response: {
        status: c.sla_response_status_c,
        due: c.sla_response_due_c,
        acknowledgedAt: c.sla_acknowledged_at_c,
        businessMinutes: c.sla_response_minutes_c,
      },
      resolution: {
        status: c.sla_resolution_status_c,
        due: c.sla_resolution_due_c,
        pausedMinutes: c.sla_paused_minutes_c,
      },
      hoursLogged: c.sla_hours_logged_c,
      problem: c.sla_data_problem_c,
    };
  });
  boardCases.sort((a, b) => (a.number ?? 0) - (b.number ?? 0));

  const boardAccounts: BoardAccount[] = accounts.map(({ id, values: a }) => {
    const inTerm = (day: string | null) =>
      day !== null && a.sla_term_start_c !== null && a.sla_term_end_c !== null
        ? day >= a.sla_term_start_c && day <= a.sla_term_end_c
        : false;
    const notCounted = entries
      .filter(({ values: e }) => e.account_id === id && !e.counts_against_plan && inTerm(e.work_date))
      .reduce((total, { values: e }) => total + Math.round((e.hours ?? 0) * 100), 0);
    return {
      id,
      name: a.name ?? '',
      plan: planLabel(policy, a.sla_plan_c),
      contractState: a.sla_contract_state_c,
      termStart: a.sla_term_start_c,
      termEnd: a.sla_term_end_c,
      nextRenewal: a.sla_next_renewal_c,
      refundWindowEnd: a.sla_refund_window_end_c,
      hoursUsed: a.sla_hours_used_c,
      hoursRemaining: a.sla_hours_remaining_c,
      hoursState: a.sla_hours_state_c,
      hoursNotCounted: notCounted / 100,
      problem: a.sla_data_problem_c,
    };
  });
  boardAccounts.sort((a, b) => a.name.localeCompare(b.name));

  const labels = new Map<string, string>();
  for (const c of boardCases) labels.set(`Cases/${c.id}`, `#${c.number ?? '?'} ${c.subject}`);
  for (const a of boardAccounts) labels.set(`Accounts/${a.id}`, a.name);
  const ledger = await options.store.read((r) => r.events.find({}));
  const events: BoardEvent[] = ledger
    .filter((event) => event.at >= options.eventsFrom)
    .sort((a, b) => a.at - b.at || storyRank(a.type) - storyRank(b.type) || a.seq - b.seq)
    .map((event) => ({
      at: event.at,
      module: event.module,
      recordId: event.recordId,
      record: labels.get(`${event.module}/${event.recordId}`) ?? `${event.module} ${event.recordId}`,
      type: event.type,
      clock: event.clock,
      cause: event.cause,
    }));

  return {
    zone: options.zone,
    ticks: options.walk.ticks,
    saves: options.walk.saves,
    walkFrom: options.walk.from,
    walkTo: options.walk.to,
    eventsFrom: options.eventsFrom,
    cases: boardCases,
    accounts: boardAccounts,
    events,
    earlierEvents: ledger.length - events.length,
    api: apiUse(options.counters),
  };
}
