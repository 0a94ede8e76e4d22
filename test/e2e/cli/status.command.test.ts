import { expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { describeStore } from '../../support/store-backends.js';
import {
  ACCOUNT_A,
  CASE_1042,
  CASE_1043,
  CASE_2001,
  CASE_2002,
  ENTRY,
  fillLikeSync,
  POLICY,
} from './status-events-fixture.js';

/**
 * `sla-bridge status` run as a user would (the built CLI, no SuiteCRM settings at all) against
 * stores on both back ends: empty, then filled the way the sync fills them
 * (status-events-fixture.ts); `events` is in events.command.test.ts.
 */
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
    now = await fillLikeSync(env);
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
