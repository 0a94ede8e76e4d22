import { setTimeout as sleep } from 'node:timers/promises';
import * as cli from '../../../test/support/cli-world.js';
import { fmt } from '../measure.js';
import { at, byRoute, PAGE, type Run, type Scenario, SEED, TRACKING_START } from './world.js';

/** Scenario (f): SIGKILL of a real `sla-bridge sync` process mid-PATCHes. */
/** Starts `sla-bridge sync` at `now` and kills it with SIGKILL once it has sent `after` PATCHes. */
async function killMidPatches(w: cli.CliWorld, now: number, after: number) {
  const base = await cli.patchesReceived(w);
  const child = await cli.spawnBridgeAt(w, now, ['sync', '--json']);
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_, signal) => resolve(signal)),
  );
  const deadline = Date.now() + 20 * 60_000;
  while (child.exitCode === null && Date.now() < deadline && (await cli.patchesReceived(w)) - base < after) {
    await sleep(50);
  }
  child.kill('SIGKILL');
  const signal = await exited;
  return { killed: signal === 'SIGKILL', patches: (await cli.patchesReceived(w)) - base };
}

async function cliRun(w: cli.CliWorld, wallMs: number): Promise<Run> {
  const requests = byRoute(await w.standIn.counters());
  const journal = await w.standIn.writes();
  return { requests, wallMs, journal, state: await cli.cliWorldState(w) };
}

export async function sigkill(accounts: number): Promise<Scenario> {
  const options = {
    standIn: ['--seed', String(SEED), '--accounts', String(accounts)],
    now: at(0),
    pageSize: PAGE,
    trackingStart: TRACKING_START,
  };
  const worlds: cli.CliWorld[] = [];
  try {
    const reference = await cli.startCliWorld(options);
    worlds.push(reference);
    let started = performance.now();
    const statuses: Array<number | null> = [];
    let firstPatches = 0;
    for (const minute of [0, 3, 6, 7]) {
      statuses.push((await cli.bridgeAt(reference, at(minute), ['sync', '--json'])).status);
      if (minute === 0) firstPatches = await cli.patchesReceived(reference);
    }
    const expected = await cliRun(reference, performance.now() - started);

    const killed = await cli.startCliWorld(options);
    worlds.push(killed);
    const after = Math.floor(firstPatches / 4);
    started = performance.now();
    const first = await killMidPatches(killed, at(0), after);
    const refused = await cli.bridgeAt(killed, at(1), ['sync', '--json']);
    const second = await killMidPatches(killed, at(3), after);
    const resumed = [];
    for (const minute of [6, 7])
      resumed.push((await cli.bridgeAt(killed, at(minute), ['sync', '--json'])).status);
    const run = await cliRun(killed, performance.now() - started);
    const abandoned = (
      await cli.withStore(killed, (store) => store.read((r) => r.jobRuns.last({ job: 'sync', limit: 10 })))
    ).filter((job) => job.outcome === 'abandoned').length;
    return {
      label: '(f) SIGKILL mid-PATCHes, real processes',
      faults: `sla-bridge sync killed with SIGKILL twice, after ${fmt(first.patches)} and ${fmt(second.patches)} PATCHes (the first full sync sends ${fmt(firstPatches)})`,
      passes: `5 runs: T0 killed, T0+1m refused (exit ${refused.status}), T0+3m killed, T0+6m and T0+7m (exit ${resumed.join(', ')}); reference: syncs at T0, T0+3m, T0+6m, T0+7m (exit ${statuses.join(', ')})`,
      faulted: run,
      reference: expected,
      expect: [
        ['killed mid-PATCHes both times', first.killed && second.killed && second.patches < firstPatches],
        ['refused while the dead lease held', refused.status === 4],
        ['the runs after exited 0', [...resumed, ...statuses].every((status) => status === 0)],
        ['both killed runs marked abandoned', abandoned === 2],
      ],
    };
  } finally {
    for (const w of worlds) await w.standIn.stop();
  }
}
