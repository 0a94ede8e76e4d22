import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { BACKENDS, scratchStore } from '../../support/store-backends.js';

const dir = mkdtempSync(join(tmpdir(), 'bridge-cli-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Today's London date, read before and after a command (a run across midnight may see either). */
const londonToday = () => DateTime.now().setZone('Europe/London').toISODate() as string;

describe('sla-bridge migrate and tracking-start on a SQLite file', () => {
  const file = join(dir, 'not', 'yet', 'there', 'bridge.sqlite');
  const env = { BRIDGE_STORE_URL: file };

  it('tracking-start before migrate says to run migrate (exit 4) and creates nothing', async () => {
    const result = await runCli(['tracking-start'], { env });
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('store_unavailable');
    expect(result.stderr).toContain('sla-bridge migrate');
    expect(existsSync(join(dir, 'not'))).toBe(false);
  });

  it('the first migrate creates the folder, the schema, and the tracking start (00:00 London today)', async () => {
    const before = londonToday();
    const result = await runCli(['migrate'], { env });
    const after = londonToday();
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Store: sqlite:${file}`);
    expect(lines[1]).toBe('Schema: created (ran 0001-initial, 0002-untracked-cases)');
    expect(lines[2]).toMatch(
      /^Tracking start: (\d{4}-\d{2}-\d{2}) \(00:00 Europe\/London = [0-9T:-]+Z\), set now$/,
    );
    expect([before, after]).toContain(/Tracking start: (\S+)/.exec(lines[2] ?? '')?.[1]);
  });

  it('a second migrate changes nothing and says so, as JSON too', async () => {
    const text = await runCli(['migrate'], { env });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Schema: up to date (2 migrations)');
    expect(text.stdout).toMatch(/unchanged \(set \S+Z by migrate\)/);
    const json = await runCli(['migrate', '--json'], { env });
    expect(json.status).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({
      store: `sqlite:${file}`,
      schema: { applied: [], migrations: ['0001-initial', '0002-untracked-cases'] },
      trackingStartSetNow: false,
      trackingStart: { timeZone: 'Europe/London', setBy: 'migrate' },
    });
    const at = DateTime.fromISO(out.trackingStart.at, { zone: 'Europe/London' });
    expect(at.toFormat('HH:mm')).toBe('00:00');
    expect(at.toISODate()).toBe(out.trackingStart.date);
  });

  it('tracking-start shows it', async () => {
    const result = await runCli(['tracking-start'], { env });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^Tracking start: \d{4}-\d{2}-\d{2} \(00:00 Europe\/London = \S+Z\); set \S+Z by migrate\n$/,
    );
    const json = JSON.parse((await runCli(['tracking-start', '--json'], { env })).stdout);
    expect(json.trackingStart.setBy).toBe('migrate');
  });

  it('tracking-start --set changes it and prints what it was and what it is now, whatever TZ', async () => {
    const before = JSON.parse((await runCli(['tracking-start', '--json'], { env })).stdout).trackingStart;
    const result = await runCli(['tracking-start', '--set', '2026-07-01'], {
      env: { ...env, TZ: 'America/New_York' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      'Tracking start changed\n' +
        `  was: ${before.date} (00:00 Europe/London = ${before.at})\n` +
        '  now: 2026-07-01 (00:00 Europe/London = 2026-06-30T23:00:00Z)\n',
    );
    const json = await runCli(['tracking-start', '--set', '2026-01-05', '--json'], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({
      changed: true,
      previous: { date: '2026-07-01', at: '2026-06-30T23:00:00Z' },
      trackingStart: { date: '2026-01-05', at: '2026-01-05T00:00:00Z', setBy: 'tracking-start' },
    });
    const same = await runCli(['tracking-start', '--set', '2026-01-05'], { env });
    expect(same.stdout).toBe(
      'Tracking start unchanged: 2026-01-05 (00:00 Europe/London = 2026-01-05T00:00:00Z)\n',
    );
  });

  it('a later migrate keeps the tracking start an admin set', async () => {
    const result = await runCli(['migrate'], { env });
    expect(result.stdout).toContain(
      'Tracking start: 2026-01-05 (00:00 Europe/London = 2026-01-05T00:00:00Z), unchanged',
    );
  });

  it('refuses a date that is not YYYY-MM-DD with exit 2', async () => {
    for (const bad of ['2026-02-30', '05/01/2026', 'tomorrow']) {
      const result = await runCli(['tracking-start', '--set', bad], { env });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('--set must be a date YYYY-MM-DD');
    }
  });
});

describe('concurrent migrates on a new SQLite file', () => {
  it('all succeed and the schema is created once', async () => {
    const env = { BRIDGE_STORE_URL: join(dir, 'concurrent', 'bridge.sqlite') };
    const results = await Promise.all([1, 2, 3].map(() => runCli(['migrate', '--json'], { env })));
    for (const result of results) expect(result.status, result.stderr).toBe(0);
    const reports = results.map((result) => JSON.parse(result.stdout));
    expect(reports.flatMap((report) => report.schema.applied)).toEqual([
      '0001-initial',
      '0002-untracked-cases',
    ]);
    expect(reports.filter((report) => report.trackingStartSetNow)).toHaveLength(1);
    expect(new Set(reports.map((report) => report.trackingStart.setAt)).size).toBe(1);
  });
});

describe('store errors on the command line', () => {
  it('an unreachable MySQL is exit 4, names host and port, never the password', async () => {
    const result = await runCli(['migrate'], {
      env: { BRIDGE_STORE_URL: 'mysql://bridge:S3cret-Pa55word@127.0.0.1:1/bridge' },
    });
    expect(result.status).toBe(4);
    expect(result.stderr).toContain('store_unavailable');
    expect(result.stderr).toContain('mysql://bridge@127.0.0.1:1/bridge');
    expect(result.stderr + result.stdout).not.toContain('S3cret-Pa55word');
  });

  it.skipIf(BACKENDS.find((backend) => backend.name === 'mariadb')?.skip)(
    'a wrong MySQL password is exit 4 and the password is not echoed',
    async () => {
      const result = await runCli(['tracking-start'], {
        env: { BRIDGE_STORE_URL: 'mysql://root:Wr0ng-Pa55word@127.0.0.1:3306/bridge_nowhere' },
      });
      expect(result.status).toBe(4);
      expect(result.stderr).toMatch(/store_unavailable: .*Access denied/);
      expect(result.stderr + result.stdout).not.toContain('Wr0ng-Pa55word');
    },
  );

  it('an unsupported store URL is a configuration error (exit 2)', async () => {
    const result = await runCli(['migrate'], { env: { BRIDGE_STORE_URL: 'postgres://u:p@h/db' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('config_invalid');
  });
});

describe.skipIf(BACKENDS.find((backend) => backend.name === 'mariadb')?.skip)(
  'sla-bridge migrate on MariaDB',
  () => {
    it('creates the database, migrates it, and is idempotent', async () => {
      const scratch = await scratchStore('mariadb');
      try {
        const env = { BRIDGE_STORE_URL: scratch.url };
        const first = await runCli(['migrate', '--json'], { env: { ...env, LOG_LEVEL: 'warn' } });
        expect(first.status).toBe(0);
        expect(JSON.parse(first.stdout)).toMatchObject({
          schema: { applied: ['0001-initial', '0002-untracked-cases'] },
          trackingStartSetNow: true,
        });
        const second = await runCli(['migrate'], { env });
        expect(second.stdout).toContain('Schema: up to date');
        const set = await runCli(['tracking-start', '--set', '2025-12-31', '--json'], { env });
        expect(JSON.parse(set.stdout).trackingStart).toMatchObject({ at: '2025-12-31T00:00:00Z' });
      } finally {
        await scratch.drop();
      }
    });
  },
);
