import { beforeAll, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { describeStore } from '../../support/store-backends.js';
import { ACCOUNT_A, ACCOUNT_B, CASE_1042, CASE_1043, fillLikeSync, POLICY } from './status-events-fixture.js';

/**
 * `sla-bridge events` run as a user would (the built CLI, no SuiteCRM settings at all) against
 * stores on both back ends, filled the way the sync fills them (status-events-fixture.ts).
 */
describeStore('sla-bridge status and events', (env) => {
  const cli = (args: string[]) => runCli(args, { env: { BRIDGE_STORE_URL: env.url } });
  beforeAll(async () => {
    await env.writeUnfenced((repositories) => repositories.trackingStart.set('2026-01-05', 'migrate'));
    await fillLikeSync(env);
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
});
