import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../bridge/src/store/index.js';
import { type CliResult, PINNED_CLOCK, runCli, spawnCli } from './run-cli.js';
import { type StandInProcess, startStandInProcess } from './standin-process.js';
import { bridgeState, LAB_CLIENT } from './sync-harness.js';

/**
 * The bridge as an operator runs it: the stand-in in a process of its own (frozen clock, write
 * journal on), each `sla-bridge` command in another, a SQLite store file. Each bridge process's
 * clock is pinned to the stand-in's virtual instant (see pinned-clock.mjs), so two worlds pass
 * through the same instants.
 */
export interface CliWorld {
  standIn: StandInProcess;
  env: Record<string, string>;
  storeFile: string;
}

export async function startCliWorld(options: {
  /** `main.js` arguments: seed, scale, latency (`--clock frozen --journal-writes` are added). */
  standIn: string[];
  now: number;
  pageSize: number;
  trackingStart: string;
}): Promise<CliWorld> {
  const standIn = await startStandInProcess([
    ...options.standIn,
    '--now',
    new Date(options.now).toISOString(),
    '--clock',
    'frozen',
    '--journal-writes',
  ]);
  const storeFile = join(mkdtempSync(join(tmpdir(), 'cli-world-')), 'bridge.sqlite');
  const env = {
    SUITECRM_URL: standIn.url,
    SUITECRM_API_PATH: '/Api',
    SUITECRM_CLIENT_ID: LAB_CLIENT.clientId,
    SUITECRM_CLIENT_SECRET: LAB_CLIENT.clientSecret,
    SUITECRM_PAGE_SIZE: String(options.pageSize),
    BRIDGE_STORE_URL: storeFile,
    LOG_FORMAT: 'json',
  };
  const w = { standIn, env, storeFile };
  for (const args of [['migrate'], ['tracking-start', '--set', options.trackingStart]]) {
    const run = await bridgeAt(w, options.now, args);
    if (run.status !== 0) {
      await standIn.stop();
      throw new Error(`sla-bridge ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
    }
  }
  return w;
}

const atInstant = async (w: CliWorld, now: number) => {
  await w.standIn.setNow(now);
  return { env: { ...w.env, BRIDGE_TEST_NOW: String(now) }, nodeArgs: ['--import', PINNED_CLOCK] };
};

/** One CLI run at a virtual instant (the stand-in's clock moved there too). */
export async function bridgeAt(w: CliWorld, now: number, args: string[]): Promise<CliResult> {
  return runCli(args, await atInstant(w, now));
}

/** The same, left running (to be killed), its output ignored. */
export async function spawnBridgeAt(w: CliWorld, now: number, args: string[]): Promise<ChildProcess> {
  return spawnCli(args, await atInstant(w, now));
}

/** PATCHes the stand-in has received so far. */
export async function patchesReceived(w: CliWorld): Promise<number> {
  const { byRoute } = await w.standIn.counters();
  return byRoute['PATCH update'] ?? 0;
}

export async function withStore<T>(w: CliWorld, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(w.storeFile);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** `bridgeState` of the world, read back with the stand-in's latency removed. */
export async function cliWorldState(w: CliWorld): Promise<Awaited<ReturnType<typeof bridgeState>>> {
  await w.standIn.control('POST', '/latency', {});
  const client = w.standIn.client();
  return withStore(w, (store) => bridgeState({ client, store }));
}
