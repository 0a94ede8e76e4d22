import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../bridge/src/store/index.js';
import { ROOT, runCli } from '../../support/run-cli.js';
import { LAB_CLIENT } from '../../support/sync-harness.js';

/**
 * `sla-bridge run` as an operator runs it: its own process, a stand-in in another one with
 * SuiteCRM-like latency, and SIGTERM in the middle of the first (long) tick.
 */
let standIn: ChildProcess;
let env: Record<string, string>;
let control: string;

beforeAll(async () => {
  standIn = spawn(
    process.execPath,
    [
      join(ROOT, 'build/bridge/src/standin/main.js'),
      '--port',
      '0',
      '--seed',
      '9',
      '--accounts',
      '20',
      '--now',
      '2026-06-01T12:00:00Z',
      '--clock',
      'frozen',
      '--latency',
      '15-25',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve) => {
    createInterface({ input: standIn.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  const ready = JSON.parse(first) as { url: string; control: string };
  control = ready.control;
  env = {
    SUITECRM_URL: ready.url,
    SUITECRM_API_PATH: '/Api',
    SUITECRM_CLIENT_ID: LAB_CLIENT.clientId,
    SUITECRM_CLIENT_SECRET: LAB_CLIENT.clientSecret,
    BRIDGE_STORE_URL: join(mkdtempSync(join(tmpdir(), 'run-')), 'bridge.sqlite'),
    LOG_FORMAT: 'json',
  };
  expect((await runCli(['migrate'], { env })).status).toBe(0);
  expect((await runCli(['tracking-start', '--set', '2020-01-01'], { env })).status).toBe(0);
});
afterAll(() => {
  standIn?.kill('SIGTERM');
});

async function patches(): Promise<number> {
  const counters = (await (await fetch(`${control}/counters`)).json()) as { byRoute: Record<string, number> };
  return Object.entries(counters.byRoute)
    .filter(([route]) => route.startsWith('PATCH'))
    .reduce((sum, [, n]) => sum + n, 0);
}

describe('sla-bridge run and SIGTERM', () => {
  it('stops mid-tick with exit 0, records the run, releases the lease; a later sync finishes the work', async () => {
    const daemon = spawn(process.execPath, [join(ROOT, 'bridge/bin/sla-bridge.js'), 'run'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    daemon.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => daemon.on('exit', (code) => resolve(code)));
    for (let i = 0; i < 300 && (await patches()) < 20; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await patches()).toBeGreaterThanOrEqual(20);
    daemon.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopping: finishing the batch in hand');
    expect(stderr).toContain('bridge daemon stopped');
    const written = await patches();

    const store = await openStore(env.BRIDGE_STORE_URL as string);
    try {
      expect((await store.leases.state())?.holder).toBeNull();
      const [run] = await store.read((r) => r.jobRuns.last({ job: 'tick', limit: 1 }));
      expect(run).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/stopped by shutdown/) });
    } finally {
      await store.close();
    }

    const resumed = await runCli(['sync', '--json'], { env });
    expect(resumed.status).toBe(0);
    const report = JSON.parse(resumed.stdout) as { failures: unknown[]; records: unknown[] };
    expect(report.failures).toEqual([]);
    expect(report.records.length).toBeGreaterThan(0);
    expect(await patches()).toBeGreaterThan(written);
    const settled = JSON.parse((await runCli(['sync', '--json'], { env })).stdout) as { records: unknown[] };
    expect(settled.records).toEqual([]);
  }, 120_000);

  it('refuses to start without SuiteCRM settings, listing every missing one (never the demo)', async () => {
    const result = await runCli(['run'], { env: { BRIDGE_STORE_URL: env.BRIDGE_STORE_URL as string } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'SUITECRM_URL is not set; SUITECRM_CLIENT_ID is not set; SUITECRM_CLIENT_SECRET is not set',
    );
    expect(result.stdout).toBe('');
  });
});
