import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../bridge/src/store/index.js';
import { writesBeyondBridgeFields } from '../../support/fault-checks.js';
import { BIN, PINNED_CLOCK, ROOT, runCli } from '../../support/run-cli.js';
import { type StandInProcess, startStandInProcess } from '../../support/standin-process.js';
import { bridgeState, LAB_CLIENT } from '../../support/sync-harness.js';

/**
 * `sla-bridge sync` killed with SIGKILL while it is writing to SuiteCRM, then run again, as an
 * operator would: real processes (the stand-in in one, each CLI run in another), a SQLite store
 * file. Each bridge process's clock is pinned to the stand-in's virtual instant (see
 * pinned-clock.mjs), so the killed world and a reference world that nothing killed pass through
 * the same instants:
 *
 *   reference: sync at T0 ........................... sync at T0+3m, sync at T0+4m
 *   killed:    sync at T0 (kill -9 mid-PATCHes), sync at T0+1m (refused: the dead process's
 *              lease runs until T0+2m), sync at T0+3m, sync at T0+4m
 */
const T0 = Date.parse('2026-06-01T12:00:00Z');
const at = (minutes: number) => T0 + minutes * 60_000;
const STAND_IN = ['--seed', '9', '--accounts', '20', '--now', new Date(T0).toISOString()];
const STAND_IN_FLAGS = ['--clock', 'frozen', '--latency', '4-8', '--journal-writes'];

interface World {
  standIn: StandInProcess;
  env: Record<string, string>;
  storeFile: string;
}
const worlds: World[] = [];
let killedChild: ChildProcess | undefined;

async function world(): Promise<World> {
  const standIn = await startStandInProcess([...STAND_IN, ...STAND_IN_FLAGS]);
  const storeFile = join(mkdtempSync(join(tmpdir(), 'sigkill-')), 'bridge.sqlite');
  const env = {
    SUITECRM_URL: standIn.url,
    SUITECRM_API_PATH: '/Api',
    SUITECRM_CLIENT_ID: LAB_CLIENT.clientId,
    SUITECRM_CLIENT_SECRET: LAB_CLIENT.clientSecret,
    SUITECRM_PAGE_SIZE: '25',
    BRIDGE_STORE_URL: storeFile,
    LOG_FORMAT: 'json',
  };
  const w = { standIn, env, storeFile };
  worlds.push(w);
  expect((await bridge(w, T0, ['migrate'])).status).toBe(0);
  expect((await bridge(w, T0, ['tracking-start', '--set', '2020-01-01'])).status).toBe(0);
  return w;
}

/** One CLI run at a virtual instant (the stand-in's clock moved there too). */
async function bridge(w: World, now: number, args: string[]) {
  await w.standIn.setNow(now);
  return runCli(args, {
    env: { ...w.env, BRIDGE_TEST_NOW: String(now) },
    nodeArgs: ['--import', PINNED_CLOCK],
  });
}

async function patches(w: World): Promise<number> {
  const { byRoute } = await w.standIn.counters();
  return byRoute['PATCH update'] ?? 0;
}

async function stateOf(w: World) {
  await w.standIn.control('POST', '/latency', {});
  const client = w.standIn.client();
  const store = await openStore(w.storeFile);
  try {
    return await bridgeState({ client, store });
  } finally {
    await store.close();
  }
}

async function withStore<T>(w: World, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(w.storeFile);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

let reference: World;
let killed: World;
let firstPassPatches: number;

beforeAll(async () => {
  reference = await world();
  const first = await bridge(reference, at(0), ['sync', '--json']);
  expect(first.status, first.stderr).toBe(0);
  firstPassPatches = await patches(reference);
  expect((await bridge(reference, at(3), ['sync', '--json'])).status).toBe(0);
  expect((await bridge(reference, at(4), ['sync', '--json'])).status).toBe(0);
  killed = await world();
}, 120_000);

afterAll(async () => {
  if (killedChild && killedChild.exitCode === null && killedChild.signalCode === null)
    killedChild.kill('SIGKILL');
  for (const w of worlds) await w.standIn.stop();
});

describe('sla-bridge sync killed with SIGKILL mid-write, then run again', () => {
  it('loses nothing and repeats nothing: SuiteCRM and the ledger equal a run nothing killed', async () => {
    await killed.standIn.setNow(at(0));
    const child = spawn(process.execPath, ['--import', PINNED_CLOCK, BIN, 'sync', '--json'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...killed.env, BRIDGE_TEST_NOW: String(at(0)) },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    killedChild = child;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_, signal) => resolve(signal)),
    );
    for (let i = 0; i < 600 && (await patches(killed)) < 25 && child.exitCode === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const atKill = await patches(killed);
    expect(atKill).toBeGreaterThanOrEqual(25);
    expect(atKill).toBeLessThan(firstPassPatches); // it was killed in the middle of its writes

    // A minute later the dead process's lease still stands: a new sync refuses, naming it.
    const refused = await bridge(killed, at(1), ['sync', '--json']);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toMatch(
      new RegExp(`store_conflict: another bridge instance holds the writer lease \\([^)]*:${child.pid}:`),
    );
    expect(refused.stdout).toBe('');

    // Once it has expired, sync takes over and finishes the work.
    const resumed = await bridge(killed, at(3), ['sync', '--json']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect((JSON.parse(resumed.stdout) as { failures: unknown[] }).failures).toEqual([]);
    const settled = await bridge(killed, at(4), ['sync', '--json']);
    expect(settled.status).toBe(0);
    expect((JSON.parse(settled.stdout) as { records: unknown[] }).records).toEqual([]);

    const expected = await stateOf(reference);
    expect(expected.events.length).toBeGreaterThan(50);
    expect(await stateOf(killed)).toEqual(expected);
    expect(writesBeyondBridgeFields(await killed.standIn.writes())).toEqual([]);
  }, 120_000);

  it('the killed run is marked abandoned by the sync that took over', async () => {
    const runs = await withStore(killed, (store) =>
      store.read((r) => r.jobRuns.last({ job: 'sync', limit: 10 })),
    );
    expect(runs.map((run) => [new Date(run.startedAt).toISOString(), run.outcome])).toEqual([
      [new Date(at(4)).toISOString(), 'succeeded'],
      [new Date(at(3)).toISOString(), 'succeeded'],
      [new Date(at(0)).toISOString(), 'abandoned'],
    ]);
  });
});
