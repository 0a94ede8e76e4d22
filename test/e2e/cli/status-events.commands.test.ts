import { expect, it } from 'vitest';
import { slaEvent } from '../../../bridge/src/domain/events/sla-event.js';
import { defaultPolicy } from '../../../bridge/src/domain/index.js';
import type { LedgerEventInput } from '../../../bridge/src/store/index.js';
import { runCli } from '../../support/run-cli.js';
import { describeStore } from '../../support/store-backends.js';

/**
 * `sla-bridge status` and `sla-bridge events` run as a user would (the built CLI, no SuiteCRM
 * settings at all) against stores on both back ends, filled through the store's repositories
 * the way the sync fills them.
 */
const POLICY = defaultPolicy();
const CASE_1042 = 'c0000000-0000-4000-8000-000000001042';
const CASE_1043 = 'c0000000-0000-4000-8000-000000001043';
const CASE_2001 = 'c0000000-0000-4000-8000-000000002001';
const CASE_2002 = 'c0000000-0000-4000-8000-000000002002';
const ACCOUNT_A = 'a0000000-0000-4000-8000-00000000000a';
const ACCOUNT_B = 'a0000000-0000-4000-8000-00000000000b';
const ENTRY = 'e0000000-0000-4000-8000-000000000001';

const at = (iso: string) => Date.parse(iso);

function ledger(
  module: 'Cases' | 'Accounts',
  recordId: string,
  type: Parameters<typeof slaEvent>[0]['type'],
  iso: string,
  cause: string,
  clock: 'response' | 'resolution' | null = null,
): LedgerEventInput {
  return slaEvent({ module, recordId, type, clock, at: at(iso), policyVersion: POLICY.version, cause });
}

const EVENTS: LedgerEventInput[] = [
  ledger('Cases', CASE_1042, 'reported', '2026-07-01T08:00:00Z', 'reported by email'),
  ledger('Cases', CASE_1042, 'at_risk', '2026-07-01T10:00:00Z', '75% of 4 h used', 'response'),
  {
    ...ledger(
      'Cases',
      CASE_1042,
      'breached',
      '2026-07-01T12:01:00Z',
      'due 12:00, not acknowledged',
      'response',
    ),
    details: { dueAt: '2026-07-01T12:00:00Z' },
  },
  ledger('Cases', CASE_1043, 'reported', '2026-12-01T09:00:00Z', 'reported on the portal'),
  ledger('Cases', CASE_1043, 'acknowledged', '2026-12-01T09:30:00Z', 'acknowledged by sally'),
  ledger('Accounts', ACCOUNT_A, 'renewal_due', '2026-11-01T00:00:00Z', 'term ends 2026-12-31'),
  ledger('Cases', CASE_2001, 'reported', '2026-06-30T23:30:00Z', 'reported by phone'),
  ledger('Cases', CASE_2002, 'reported', '2026-06-30T22:30:00Z', 'reported by phone, late evening'),
  ledger('Accounts', ACCOUNT_B, 'renewed', '2027-01-01T00:00:00Z', 'term 2 starts'),
];

describeStore('sla-bridge status and events', (env) => {
  const cli = (args: string[]) => runCli(args, { env: { BRIDGE_STORE_URL: env.url } });
  let now = 0;

  it('status on a store nothing has synced yet says so, line by line', async () => {
    await env.writeUnfenced((repositories) => repositories.trackingStart.set('2026-01-05', 'migrate'));
    const result = await cli(['status']);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`Store: ${env.store.location}`);
    expect(lines[1]).toMatch(/^Now: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(/);
    expect(lines.slice(2)).toEqual([
      'Tracking start: 2026-01-05 (00:00 Europe/London = 2026-01-05T00:00:00Z), set 2026-01-15T10:00:00Z by migrate',
      `Policy: version ${POLICY.version} (schemas/default-policy.json), not used by a sync yet`,
      'Last runs: none yet (`sla-bridge sync` records one)',
      'Cursors: none yet (the first sync reads everything)',
      'Not computed: none',
      'Not tracked (never written): none',
      'Due transitions: none (every record whose time has come was re-evaluated)',
      'Next transitions: none scheduled',
      '',
    ]);
  });

  it('fills the store as the sync would', async () => {
    // Whole seconds: the commands print instants to the second.
    now = Math.floor(Date.now() / 1000) * 1000;
    await env.write(async (repositories) => {
      await repositories.policies.remember(POLICY.version, POLICY.document);
      await repositories.inputs.upsertMany([
        {
          module: 'Accounts',
          recordId: ACCOUNT_A,
          accountId: null,
          dateModified: now,
          data: { id: ACCOUNT_A },
        },
        ...[
          [CASE_1042, '1042', ACCOUNT_A],
          [CASE_1043, '1043', ACCOUNT_A],
          [CASE_2001, '2001', ACCOUNT_B],
          [CASE_2002, '2002', ACCOUNT_B],
        ].map(([id, number, account]) => ({
          module: 'Cases',
          recordId: id as string,
          accountId: account as string,
          open: true,
          number: number as string,
          dateModified: now,
          data: { id },
        })),
      ]);
      const sync = await repositories.jobRuns.start('sync', { startedAt: now - 600_000 });
      await repositories.jobRuns.finish(sync, {
        outcome: 'succeeded',
        counts: { read: 120, written: 3 },
        endedAt: now - 596_000,
      });
      const goodTick = await repositories.jobRuns.start('tick', { startedAt: now - 180_000 });
      await repositories.jobRuns.finish(goodTick, {
        outcome: 'succeeded',
        counts: { due: 0 },
        endedAt: now - 179_000,
      });
      const badTick = await repositories.jobRuns.start('tick', { startedAt: now - 120_000 });
      await repositories.jobRuns.finish(badTick, {
        outcome: 'failed',
        error: 'unavailable: cannot reach SuiteCRM\nfor GET /Api/V8/module/Cases',
        endedAt: now - 119_000,
      });
      await repositories.jobRuns.start('reconcile', { startedAt: now - 60_000 });
      await repositories.cursors.save('Accounts', { at: now - 7_200_000, lastId: null });
      await repositories.cursors.save('Cases', { at: now - 90_000, lastId: CASE_1043 });
      await repositories.problems.report([
        { module: 'Cases', recordId: CASE_1042, reason: 'not computed: severity missing' },
        { module: 'Cases', recordId: CASE_1043, reason: 'not computed: severity missing' },
        { module: 'Cases', recordId: CASE_2001, reason: 'not computed: severity missing' },
        {
          module: 'Cases',
          recordId: CASE_2002,
          reason: 'not computed: the change log has an unreadable entry',
        },
        { module: 'SLA_TimeEntries', recordId: ENTRY, reason: 'not computed: hours are not a number' },
      ]);
      await repositories.untracked.mark([
        { caseId: 'c0000000-0000-4000-8000-000000000001', reason: 'created_before_install' },
        { caseId: 'c0000000-0000-4000-8000-000000000002', reason: 'created_before_install' },
        { caseId: 'c0000000-0000-4000-8000-000000000003', reason: 'before_tracking_start' },
      ]);
      await repositories.transitions.setMany([
        {
          module: 'Cases',
          recordId: CASE_1042,
          dueAt: at('2020-01-02T09:00:00Z'),
          reason: 'response.breached',
        },
        {
          module: 'Cases',
          recordId: CASE_2001,
          dueAt: at('2020-01-01T09:00:00Z'),
          reason: 'response.at_risk',
        },
        { module: 'Accounts', recordId: ACCOUNT_A, dueAt: at('2099-07-01T00:00:00Z'), reason: 'term_end' },
        {
          module: 'Cases',
          recordId: CASE_1043,
          dueAt: at('2099-01-04T09:31:00Z'),
          reason: 'resolution.breached',
        },
      ]);
      await repositories.events.insertMany(EVENTS);
    });
  });

  it('status shows runs, cursor lag, problems, transitions, tracking start and policy', async () => {
    const result = await cli(['status']);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    const utc = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    expect(lines.slice(2, 4)).toEqual([
      'Tracking start: 2026-01-05 (00:00 Europe/London = 2026-01-05T00:00:00Z), set 2026-01-15T10:00:00Z by migrate',
      `Policy: version ${POLICY.version} (schemas/default-policy.json), in use since 2026-01-15T10:00:00Z`,
    ]);
    expect(lines[4]).toBe('Last runs:');
    expect(lines[5]).toMatch(
      new RegExp(`^  reconcile  running    started ${utc(now - 60_000)}, (1|2) min so far$`),
    );
    expect(lines[6]).toBe(
      `  sync       succeeded  started ${utc(now - 600_000)}, took 4 s  read=120 written=3`,
    );
    expect(lines[7]).toBe(
      `  tick       failed     started ${utc(now - 120_000)}, took 1 s  error: unavailable: cannot reach SuiteCRM for GET /Api/V8/module/Cases  last success ${utc(now - 180_000)}`,
    );
    expect(lines[8]).toBe('Cursors (lag = now - cursor):');
    expect(lines[9]).toMatch(new RegExp(`^  Accounts  ${utc(now - 7_200_000)}  lag 2 h( 1 min)?$`));
    expect(lines[10]).toMatch(new RegExp(`^  Cases     ${utc(now - 90_000)}  lag (1|2) min$`));
    expect(lines.slice(11)).toEqual([
      'Not computed: 5 records (Cases 4, SLA_TimeEntries 1)',
      '  3  Cases  not computed: severity missing  (e.g. case 1042 re-checked 2020-01-02T09:00:00Z, case 1043 re-checked 2099-01-04T09:31:00Z, case 2001 re-checked 2020-01-01T09:00:00Z)',
      '  1  Cases  not computed: the change log has an unreadable entry  (e.g. case 2002)',
      `  1  SLA_TimeEntries  not computed: hours are not a number  (e.g. time entry ${ENTRY})`,
      '  (computed again when edited in SuiteCRM, or by a full sync; "re-checked" ones also at that time)',
      'Not tracked (never written): 3 cases (1 reported before the tracking start, 2 created before the package was installed)',
      'Due transitions: 2 waiting for the next tick; the oldest:',
      '  2020-01-01T09:00:00Z (09:00 GMT)  case 2001  response.at_risk',
      '  2020-01-02T09:00:00Z (09:00 GMT)  case 1042  response.breached',
      'Next transitions (Europe/London time in brackets):',
      '  2099-01-04T09:31:00Z (09:31 GMT)  case 1043  resolution.breached',
      `  2099-07-01T00:00:00Z (01:00 BST)  account ${ACCOUNT_A}  term_end`,
      '',
    ]);
  });

  it('status --json is the documented document', async () => {
    const result = await cli(['status', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual([
      'now',
      'store',
      'trackingStart',
      'policy',
      'runs',
      'cursors',
      'notComputed',
      'notTracked',
      'transitions',
    ]);
    expect(report.notTracked).toEqual({
      total: 3,
      byReason: { before_tracking_start: 1, created_before_install: 2 },
    });
    expect(report.store).toBe(env.store.location);
    expect(report.trackingStart).toEqual({
      date: '2026-01-05',
      timeZone: 'Europe/London',
      at: '2026-01-05T00:00:00Z',
      setAt: '2026-01-15T10:00:00Z',
      setBy: 'migrate',
    });
    expect(report.policy).toEqual({
      source: 'schemas/default-policy.json',
      version: POLICY.version,
      error: null,
      firstSeenAt: '2026-01-15T10:00:00Z',
    });
    expect(report.runs.map((run: { job: string }) => run.job)).toEqual(['reconcile', 'sync', 'tick']);
    expect(report.runs[2]).toEqual({
      job: 'tick',
      id: expect.any(Number),
      outcome: 'failed',
      startedAt: new Date(now - 120_000).toISOString().replace('.000Z', 'Z'),
      endedAt: new Date(now - 119_000).toISOString().replace('.000Z', 'Z'),
      durationMs: 1000,
      counts: null,
      error: 'unavailable: cannot reach SuiteCRM\nfor GET /Api/V8/module/Cases',
      lastSucceededAt: new Date(now - 180_000).toISOString().replace('.000Z', 'Z'),
    });
    expect(report.runs[0]).toMatchObject({
      job: 'reconcile',
      outcome: 'running',
      endedAt: null,
      durationMs: null,
    });
    expect(report.runs[1]).toMatchObject({ counts: { read: 120, written: 3 }, lastSucceededAt: null });
    const accounts = report.cursors[0];
    expect(accounts).toMatchObject({ name: 'Accounts', lastId: null, updatedAt: '2026-01-15T10:00:00Z' });
    expect(accounts.lagMs).toBeGreaterThanOrEqual(7_200_000);
    expect(accounts.lagMs).toBeLessThan(7_200_000 + 600_000);
    expect(report.cursors[1]).toMatchObject({ name: 'Cases', lastId: CASE_1043 });
    expect(report.notComputed).toEqual({
      total: 5,
      byModule: { Cases: 4, SLA_TimeEntries: 1 },
      reasons: [
        {
          module: 'Cases',
          reason: 'not computed: severity missing',
          count: 3,
          examples: [
            { recordId: CASE_1042, number: '1042', recheckAt: '2020-01-02T09:00:00Z' },
            { recordId: CASE_1043, number: '1043', recheckAt: '2099-01-04T09:31:00Z' },
            { recordId: CASE_2001, number: '2001', recheckAt: '2020-01-01T09:00:00Z' },
          ],
        },
        {
          module: 'Cases',
          reason: 'not computed: the change log has an unreadable entry',
          count: 1,
          examples: [{ recordId: CASE_2002, number: '2002', recheckAt: null }],
        },
        {
          module: 'SLA_TimeEntries',
          reason: 'not computed: hours are not a number',
          count: 1,
          examples: [{ recordId: ENTRY, number: null, recheckAt: null }],
        },
      ],
    });
    expect(report.transitions).toEqual({
      due: 2,
      oldestDue: [
        {
          module: 'Cases',
          recordId: CASE_2001,
          number: '2001',
          dueAt: '2020-01-01T09:00:00Z',
          reason: 'response.at_risk',
        },
        {
          module: 'Cases',
          recordId: CASE_1042,
          number: '1042',
          dueAt: '2020-01-02T09:00:00Z',
          reason: 'response.breached',
        },
      ],
      upcoming: [
        {
          module: 'Cases',
          recordId: CASE_1043,
          number: '1043',
          dueAt: '2099-01-04T09:31:00Z',
          reason: 'resolution.breached',
        },
        {
          module: 'Accounts',
          recordId: ACCOUNT_A,
          number: null,
          dueAt: '2099-07-01T00:00:00Z',
          reason: 'term_end',
        },
      ],
    });
  });

  const L1042 = [
    '2026-07-01T08:00:00Z  2026-07-01 09:00 BST  case 1042  reported           reported by email',
    '2026-07-01T10:00:00Z  2026-07-01 11:00 BST  case 1042  response.at_risk   75% of 4 h used',
    '2026-07-01T12:01:00Z  2026-07-01 13:01 BST  case 1042  response.breached  due 12:00, not acknowledged',
  ];

  it('events prints the whole ledger oldest first: UTC, London time, record, type, cause', async () => {
    const result = await cli(['events']);
    expect(result.status, result.stderr).toBe(0);
    const account = (id: string) => `account ${id}`.padEnd(`account ${ACCOUNT_A}`.length);
    const type = (text: string) => text.padEnd('response.breached'.length);
    const row = (utc: string, london: string, record: string, kind: string, cause: string) =>
      `${utc}  ${london}  ${record.padEnd(account(ACCOUNT_A).length)}  ${type(kind)}  ${cause}`;
    expect(result.stdout).toBe(
      [
        row(
          '2026-06-30T22:30:00Z',
          '2026-06-30 23:30 BST',
          'case 2002',
          'reported',
          'reported by phone, late evening',
        ),
        row('2026-06-30T23:30:00Z', '2026-07-01 00:30 BST', 'case 2001', 'reported', 'reported by phone'),
        row('2026-07-01T08:00:00Z', '2026-07-01 09:00 BST', 'case 1042', 'reported', 'reported by email'),
        row(
          '2026-07-01T10:00:00Z',
          '2026-07-01 11:00 BST',
          'case 1042',
          'response.at_risk',
          '75% of 4 h used',
        ),
        row(
          '2026-07-01T12:01:00Z',
          '2026-07-01 13:01 BST',
          'case 1042',
          'response.breached',
          'due 12:00, not acknowledged',
        ),
        row(
          '2026-11-01T00:00:00Z',
          '2026-11-01 00:00 GMT',
          account(ACCOUNT_A),
          'renewal_due',
          'term ends 2026-12-31',
        ),
        row(
          '2026-12-01T09:00:00Z',
          '2026-12-01 09:00 GMT',
          'case 1043',
          'reported',
          'reported on the portal',
        ),
        row(
          '2026-12-01T09:30:00Z',
          '2026-12-01 09:30 GMT',
          'case 1043',
          'acknowledged',
          'acknowledged by sally',
        ),
        row('2027-01-01T00:00:00Z', '2027-01-01 00:00 GMT', account(ACCOUNT_B), 'renewed', 'term 2 starts'),
        '',
      ].join('\n'),
    );
  });

  it('events --case takes a case number or a case id', async () => {
    const byNumber = await cli(['events', '--case', '1042']);
    expect(byNumber.status, byNumber.stderr).toBe(0);
    expect(byNumber.stdout).toBe(`${L1042.join('\n')}\n`);
    const byId = await cli(['events', '--case', CASE_1043]);
    expect(byId.stdout).toBe(
      [
        '2026-12-01T09:00:00Z  2026-12-01 09:00 GMT  case 1043  reported      reported on the portal',
        '2026-12-01T09:30:00Z  2026-12-01 09:30 GMT  case 1043  acknowledged  acknowledged by sally',
        '',
      ].join('\n'),
    );
  });

  it("events --account shows the account's own events and its cases', and combines with --case", async () => {
    const result = await cli(['events', '--account', ACCOUNT_A, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.recordId, line.type])).toEqual([
      [CASE_1042, 'reported'],
      [CASE_1042, 'at_risk'],
      [CASE_1042, 'breached'],
      [ACCOUNT_A, 'renewal_due'],
      [CASE_1043, 'reported'],
      [CASE_1043, 'acknowledged'],
    ]);
    const inAccount = await cli([
      'events',
      '--account',
      ACCOUNT_A,
      '--case',
      '1043',
      '--type',
      'acknowledged',
    ]);
    expect(inAccount.stdout).toBe(
      '2026-12-01T09:30:00Z  2026-12-01 09:30 GMT  case 1043  acknowledged  acknowledged by sally\n',
    );
    const elsewhere = await cli(['events', '--account', ACCOUNT_A, '--case', '2001']);
    expect(elsewhere.status).toBe(0);
    expect(elsewhere.stdout).toBe('');
    expect(elsewhere.stderr).toBe('sla-bridge: no events match\n');
  });

  it('events --type and --since (a London date, or an instant) filter; --limit says what it left out', async () => {
    const breached = await cli(['events', '--type', 'breached']);
    expect(breached.stdout).toBe(
      '2026-07-01T12:01:00Z  2026-07-01 13:01 BST  case 1042  response.breached  due 12:00, not acknowledged\n',
    );
    // 2026-07-01 starts at 2026-06-30T23:00:00Z in London: case 2001's report is in, 2002's is not.
    const sinceDate = await cli(['events', '--since', '2026-07-01', '--type', 'reported', '--json']);
    expect(
      sinceDate.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line).number),
    ).toEqual(['2001', '1042', '1043']);
    const sinceInstant = await cli(['events', '--since', '2026-12-01T09:15:00Z']);
    expect(sinceInstant.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(sinceInstant.stdout).toContain('acknowledged by sally');
    const limited = await cli(['events', '--case', '1042', '--limit', '2']);
    expect(limited.status).toBe(0);
    // Columns are as wide as the lines shown need.
    expect(limited.stdout).toBe(
      [
        '2026-07-01T08:00:00Z  2026-07-01 09:00 BST  case 1042  reported          reported by email',
        '2026-07-01T10:00:00Z  2026-07-01 11:00 BST  case 1042  response.at_risk  75% of 4 h used',
        '',
      ].join('\n'),
    );
    expect(limited.stderr).toBe(
      'sla-bridge: only the first 2 events are shown; more follow from 2026-07-01T12:01:00Z (use --since 2026-07-01T12:01:00Z, or a larger --limit)\n',
    );
  });

  it('events --json prints one documented object per line', async () => {
    const result = await cli(['events', '--case', '1042', '--type', 'breached', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toHaveLength(2);
    const event = JSON.parse(lines[0] ?? '');
    expect(event).toEqual({
      seq: expect.any(Number),
      at: '2026-07-01T12:01:00Z',
      module: 'Cases',
      recordId: CASE_1042,
      number: '1042',
      type: 'breached',
      clock: 'response',
      cause: 'due 12:00, not acknowledged',
      policyVersion: POLICY.version,
      key: `Cases/${CASE_1042}/response.breached/2026-07-01T12:01Z/${POLICY.version}`,
      details: { dueAt: '2026-07-01T12:00:00Z' },
      recordedAt: '2026-01-15T10:00:00Z',
    });
    expect(Object.keys(event)).toEqual([
      'seq',
      'at',
      'module',
      'recordId',
      'number',
      'type',
      'clock',
      'cause',
      'policyVersion',
      'key',
      'details',
      'recordedAt',
    ]);
  });

  it('events refuses bad arguments with exit 2 and says what it expects', async () => {
    const cases: Array<[string[], string]> = [
      [['--type', 'exploded'], '--type must be one of reported, acknowledged,'],
      [['--since', 'yesterday'], '--since must be a date YYYY-MM-DD or an ISO instant'],
      [['--since', '2026-02-30'], '--since must be a date YYYY-MM-DD or an ISO instant'],
      [['--limit', '0'], '--limit must be a whole number from 1 to 1000000'],
      [['--case', '9999'], "no case numbered 9999 is in the bridge's store"],
    ];
    for (const [args, message] of cases) {
      const result = await cli(['events', ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    }
  });
  it('keeps the configured secrets out of what it prints, even from stored error text', async () => {
    const secret = 'Le4k-Me-Secret-90af';
    await env.write(async (repositories) => {
      const run = await repositories.jobRuns.start('sync', { startedAt: now - 30_000 });
      await repositories.jobRuns.finish(run, {
        outcome: 'failed',
        error: `auth_failed: SuiteCRM said "The password is invalid: ${secret}"`,
        endedAt: now - 29_000,
      });
    });
    for (const args of [['status'], ['status', '--json']]) {
      const result = await runCli(args, {
        env: { BRIDGE_STORE_URL: env.url, SUITECRM_CLIENT_SECRET: secret },
      });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('The password is invalid: [redacted]');
      expect(result.stdout + result.stderr).not.toContain(secret);
    }
  });
});
