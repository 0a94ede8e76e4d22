import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bridgeAt,
  type CliWorld,
  cliWorldState,
  patchesReceived,
  spawnBridgeAt,
  startCliWorld,
  withStore,
} from '../../support/cli-world.js';
import { writesBeyondBridgeFields } from '../../support/fault-checks.js';

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
const STAND_IN = ['--seed', '9', '--accounts', '20', '--latency', '4-8'];

const worlds: CliWorld[] = [];
let killedChild: ChildProcess | undefined;

async function world(): Promise<CliWorld> {
  const w = await startCliWorld({ standIn: STAND_IN, now: T0, pageSize: 25, trackingStart: '2020-01-01' });
  worlds.push(w);
  return w;
}

let reference: CliWorld;
let killed: CliWorld;
let firstPassPatches: number;

beforeAll(async () => {
  reference = await world();
  const first = await bridgeAt(reference, at(0), ['sync', '--json']);
  expect(first.status, first.stderr).toBe(0);
  firstPassPatches = await patchesReceived(reference);
  expect((await bridgeAt(reference, at(3), ['sync', '--json'])).status).toBe(0);
  expect((await bridgeAt(reference, at(4), ['sync', '--json'])).status).toBe(0);
  killed = await world();
}, 120_000);

afterAll(async () => {
  if (killedChild && killedChild.exitCode === null && killedChild.signalCode === null)
    killedChild.kill('SIGKILL');
  for (const w of worlds) await w.standIn.stop();
});

describe('sla-bridge sync killed with SIGKILL mid-write, then run again', () => {
  it('loses nothing and repeats nothing: SuiteCRM and the ledger equal a run nothing killed', async () => {
    const child = await spawnBridgeAt(killed, at(0), ['sync', '--json']);
    killedChild = child;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_, signal) => resolve(signal)),
    );
    for (let i = 0; i < 600 && (await patchesReceived(killed)) < 25 && child.exitCode === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const atKill = await patchesReceived(killed);
    expect(atKill).toBeGreaterThanOrEqual(25);
    expect(atKill).toBeLessThan(firstPassPatches); // it was killed in the middle of its writes

    // A minute later the dead process's lease still stands: a new sync refuses, naming it.
    const refused = await bridgeAt(killed, at(1), ['sync', '--json']);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toMatch(
      new RegExp(`store_conflict: another bridge instance holds the writer lease \\([^)]*:${child.pid}:`),
    );
    expect(refused.stdout).toBe('');

    // Once it has expired, sync takes over and finishes the work.
    const resumed = await bridgeAt(killed, at(3), ['sync', '--json']);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect((JSON.parse(resumed.stdout) as { failures: unknown[] }).failures).toEqual([]);
    const settled = await bridgeAt(killed, at(4), ['sync', '--json']);
    expect(settled.status).toBe(0);
    expect((JSON.parse(settled.stdout) as { records: unknown[] }).records).toEqual([]);

    const expected = await cliWorldState(reference);
    expect(expected.events.length).toBeGreaterThan(50);
    expect(await cliWorldState(killed)).toEqual(expected);
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
