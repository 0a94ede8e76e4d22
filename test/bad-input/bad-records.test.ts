import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../bridge/src/cli/status-report.js';
import { formatSyncReport } from '../../bridge/src/cli/sync-report.format.js';
import type { SyncReport } from '../../bridge/src/sync/sync-engine.js';
import { type CliResult, runCli } from '../support/run-cli.js';
import { LAB_CLIENT, readBack, type SyncHarness, startSyncHarness } from '../support/sync-harness.js';

/**
 * The bad-record corpus (`records.json`) end to end: the stand-in holds every bad record next
 * to good ones; real syncs mark each bad record "not computed: <reason>" in SuiteCRM, list it
 * in the sync's report and in `sla-bridge status`, compute the good ones in the same batch,
 * converge, and compute each bad record once a person fixes it.
 */
type Module = 'Accounts' | 'Cases' | 'SLA_TimeEntries';
type Values = Record<string, unknown>;

interface Item {
  name: string;
  kind: 'good' | 'bad' | 'ok' | 'untracked';
  module: Module;
  staff?: Record<string, string>;
  row?: Record<string, string>;
  reason?: string;
  fix?: Record<string, string>;
  /** Who makes the fix: a person in the web UI, or `sql`: an administrator's UPDATE in the database. */
  fixActor?: 'sql';
  fixedBy?: string;
  fixed?: Values;
  computed?: Values;
  afterFixes?: Values;
  roundTrip?: Record<string, string>;
  explanationContains?: string;
}

const corpus = JSON.parse(readFileSync(join(import.meta.dirname, 'records.json'), 'utf8')) as {
  now: string;
  trackingStart: string;
  items: Item[];
};
const items = corpus.items;
const ofKind = (kind: Item['kind']) => items.filter((item) => item.kind === kind);
const bad = ofKind('bad');
const good = ofKind('good');
const ok = ofKind('ok');

const PROBLEM_FIELD: Record<Module, string> = {
  Accounts: 'sla_data_problem_c',
  Cases: 'sla_data_problem_c',
  SLA_TimeEntries: 'data_problem',
};

/** A megabyte of text with every character SuiteCRM encodes, line after line. */
const MEGABYTE = 'Log <b>line</b> & "quoted" \'text\' 100% done\n'.repeat(24_000).slice(0, 1 << 20);

const storeFile = join(mkdtempSync(join(tmpdir(), 'bad-records-')), 'bridge.sqlite');
const ids = new Map<string, string>();
let h: SyncHarness;
let first: SyncReport;
let second: SyncReport;

function resolve(value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith('@')) return value;
  if (value === '@megabyte') return MEGABYTE;
  const id = ids.get(value.slice(1));
  if (id === undefined) throw new Error(`corpus: no record named ${value}`);
  return id;
}
const resolved = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [key, resolve(value)]));

const idOf = (item: Item) => ids.get(item.name) as string;
const sync = async () => {
  h.advance(60_000);
  return h.engine.run(h.lease);
};
async function current(item: Item): Promise<Values> {
  const values = (await readBack(h, item.module)).get(idOf(item));
  if (!values) throw new Error(`${item.name} is not in the stand-in`);
  return values as unknown as Values;
}

/** Compares what SuiteCRM holds with the corpus (datetimes in the corpus are ISO text). */
function expectFields(actual: Values, expected: Values, label: string): void {
  for (const [field, want] of Object.entries(expected)) {
    const value = resolve(want);
    const got = actual[field];
    const comparable = typeof got === 'number' && typeof value === 'string' ? Date.parse(value) : value;
    expect(got, `${label}: ${field}`).toEqual(comparable);
  }
}

const DAY_BEFORE = '2026-11-24 08:00:00';

beforeAll(async () => {
  const rows: Partial<Record<Module, Record<string, string>[]>> = {};
  for (const item of items.filter((entry) => entry.row)) {
    const row: Record<string, string> = { date_entered: DAY_BEFORE, date_modified: DAY_BEFORE, ...item.row };
    rows[item.module] = [...(rows[item.module] ?? []), row];
    ids.set(item.name, row.id as string);
  }
  h = await startSyncHarness({
    now: corpus.now,
    trackingStart: corpus.trackingStart,
    storeUrl: storeFile,
    standIn: { scale: false, records: rows },
  });
  for (const item of items.filter((entry) => entry.staff)) {
    const saved = h.standIn.control.staffCreate(item.module, resolved(item.staff as Values));
    ids.set(item.name, saved.id);
  }
  first = await sync();
  second = await sync();
}, 120_000);
afterAll(async () => h?.close());

const cli = (args: string[]): Promise<CliResult> =>
  runCli(args, {
    env: {
      BRIDGE_STORE_URL: storeFile,
      SUITECRM_URL: h.standIn.url,
      SUITECRM_API_PATH: '/Api',
      SUITECRM_CLIENT_ID: LAB_CLIENT.clientId,
      SUITECRM_CLIENT_SECRET: LAB_CLIENT.clientSecret,
    },
  });

async function status(): Promise<StatusReport> {
  const result = await cli(['status', '--json', '--all-problems']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as StatusReport;
}

describe('one sync over a batch with bad records', () => {
  it('reads every record and fails no write', () => {
    expect(first.failures).toEqual([]);
    expect(first.read.Accounts.read + first.read.Cases.read + first.read.SLA_TimeEntries.read).toBe(
      items.length,
    );
  });

  it.each(bad)(
    '$name: marked "not computed" in its record, with a reason a person can act on',
    async (item) => {
      const values = await current(item);
      expect(values[PROBLEM_FIELD[item.module]]).toBe(item.reason);
      if (item.module === 'Cases') {
        expect(values).toMatchObject({
          sla_response_status_c: 'not_computed',
          sla_resolution_status_c: 'not_computed',
          sla_response_due_c: null,
          sla_coverage_c: null,
        });
      }
      // Finding 4: the contract state says so too, never blank (blank reads as no contract).
      if (item.module === 'Accounts') expect(values).toMatchObject({ sla_contract_state_c: 'not_computed' });
      if (item.module === 'SLA_TimeEntries') expect(values).toMatchObject({ counts_against_plan: false });
    },
  );

  it.each(bad)("$name: listed in the sync's report with the same reason", (item) => {
    expect(first.problems).toContainEqual(
      expect.objectContaining({ module: item.module, id: idOf(item), reason: item.reason }),
    );
  });

  it("the sync's printed report lists each bad record with its reason", () => {
    const text = formatSyncReport(first);
    expect(text).toContain('records not computed (bad data: fix the record in SuiteCRM');
    for (const item of bad) expect(text).toContain(`${idOf(item)}: ${item.reason}`);
  });

  it('the report lists exactly the bad records, and counts them per module', () => {
    expect(first.problems.map((problem) => problem.id).sort()).toEqual(bad.map(idOf).sort());
    for (const module of ['Accounts', 'Cases', 'SLA_TimeEntries'] as const) {
      expect(first.computed[module].notComputed).toBe(bad.filter((item) => item.module === module).length);
    }
  });

  it.each([...good, ...ok])('$name: computed and written in the same batch', async (item) => {
    const values = await current(item);
    expect(values[PROBLEM_FIELD[item.module]]).toBeNull();
    expectFields(values, item.computed ?? {}, item.name);
  });

  it('bad time entries never count: the good account has only the good hours', async () => {
    const account = good.find((item) => item.module === 'Accounts') as Item;
    expect((await current(account)).sla_hours_used_c).toBe(account.computed?.sla_hours_used_c);
  });

  it.each(ok.filter((item) => item.roundTrip))(
    '$name: HTML and quotes in text fields round-trip as typed',
    async (item) => {
      expectFields(await current(item), item.roundTrip as Values, item.name);
    },
  );

  it('a case names the time entry Hours logged leaves out, and why (finding: Hours logged 0.00 beside a 30 h entry)', async () => {
    const values = await current(items.find((entry) => entry.name === 'good-case') as Item);
    expect(values.sla_explanation_c).toContain(
      'Hours logged does not count: Absurd, 2026-11-22, 100000 h (Hours is 100000: enter more than 0 and at most 24;',
    );
  });

  it('quotes a staff reason safely in the explanation', async () => {
    for (const item of ok.filter((entry) => entry.explanationContains)) {
      expect((await current(item)).sla_explanation_c).toContain(item.explanationContains);
    }
  });

  it('a megabyte description is kept whole and does not stop the record', async () => {
    const item = ok.find((entry) => entry.name === 'case-megabyte-description') as Item;
    const row = h.standIn.control.record('Cases', idOf(item));
    expect(row?.description?.length).toBeGreaterThan(1_000_000);
  });

  it('never writes a case reported before the tracking start, bad data or not', async () => {
    for (const item of ofKind('untracked')) {
      const values = await current(item);
      expect(values.sla_data_problem_c).toBeNull();
      expect(values.sla_response_status_c).toBeNull();
      expect(first.problems.some((problem) => problem.id === idOf(item))).toBe(false);
      expect(first.records.some((record) => record.id === idOf(item))).toBe(false);
    }
  });

  it('bad records converge too: the second sync writes nothing and reports no new problem', () => {
    expect(second.records).toEqual([]);
    expect(second.failures).toEqual([]);
    expect(second.problems).toEqual([]);
  });

  it('`sla-bridge status --json` lists every bad record under its reason', async () => {
    const report = await status();
    expect(report.notComputed.total).toBe(bad.length);
    for (const item of bad) {
      const reason = report.notComputed.reasons.find(
        (entry) => entry.module === item.module && entry.reason === item.reason,
      );
      expect(reason, item.name).toBeDefined();
      expect(reason?.examples.map((example) => example.recordId)).toContain(idOf(item));
    }
  });

  it('`sla-bridge status` says how many records are not computed, and why', async () => {
    const result = await cli(['status', '--all-problems']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Not computed: ${bad.length} records`);
    for (const item of bad) expect(result.stdout).toContain(item.reason);
  });

  it('`sla-bridge doctor` warns of the records not computed and names the accounts whose plan the policy does not define', async () => {
    const result = await cli(['doctor', '--json']);
    const report = JSON.parse(result.stdout) as {
      checks: Array<{ id: string; status: string; summary: string; details?: { unknown?: unknown } }>;
    };
    const records = report.checks.find((check) => check.id === 'records');
    expect(records?.status).toBe('warn');
    expect(records?.summary).toMatch(new RegExp(`^${bad.length} records marked "not computed"`));
    const plans = report.checks.find((check) => check.id === 'account-plans');
    expect(plans?.status).toBe('fail');
    expect(plans?.summary).toContain('gold (1)');
    const gold = bad.find((item) => item.name === 'account-unknown-plan') as Item;
    expect(plans?.details?.unknown).toEqual([{ plan: 'gold', accounts: 1, examples: [idOf(gold)] }]);
  });
});

describe('after a person fixes each bad record', () => {
  let fixed: SyncReport;
  let after: SyncReport;

  beforeAll(async () => {
    for (const item of bad.filter((entry) => entry.fix)) {
      if (item.fixActor === 'sql') {
        // The UPDATE sets date_modified too, or no reader of SuiteCRM would see the change.
        const now = new Date(h.standIn.control.now()).toISOString().slice(0, 19).replace('T', ' ');
        const columns = { ...(resolved(item.fix as Values) as Record<string, string>), date_modified: now };
        h.standIn.control.sqlUpdate(item.module, idOf(item), columns);
      } else h.standIn.control.staffEdit(item.module, idOf(item), resolved(item.fix as Values));
    }
    fixed = await sync();
    after = await sync();
  }, 120_000);

  it.each(bad)('$name: the next sync computes it and clears the problem', async (item) => {
    const values = await current(item);
    expect(values[PROBLEM_FIELD[item.module]]).toBeNull();
    expectFields(values, item.fixed ?? {}, item.name);
  });

  it('a record fixed through what it depends on needed no edit of its own', () => {
    for (const item of bad.filter((entry) => entry.fixedBy)) {
      expect(item.fix).toBeUndefined();
      expect(fixed.records.map((record) => record.id)).toContain(idOf(item));
    }
  });

  it('the good records take the fixed entries into account', async () => {
    for (const item of good.filter((entry) => entry.afterFixes)) {
      expectFields(await current(item), item.afterFixes as Values, item.name);
    }
  });

  it('the sync reports no problem, status lists none, and the next sync writes nothing', async () => {
    expect(fixed.problems).toEqual([]);
    expect(fixed.failures).toEqual([]);
    expect(after.records).toEqual([]);
    const report = await status();
    expect(report.notComputed).toMatchObject({ total: 0, reasons: [] });
  });

  it('`sla-bridge doctor` finds every account plan in the policy and no record not computed', async () => {
    const result = await cli(['doctor', '--json']);
    const report = JSON.parse(result.stdout) as { checks: Array<{ id: string; status: string }> };
    expect(report.checks.find((check) => check.id === 'account-plans')?.status).toBe('pass');
    expect(report.checks.find((check) => check.id === 'records')?.status).toBe('pass');
  });
});
