import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Daemon, type JobOutcome } from '../../../bridge/src/jobs/daemon.js';
import { TICK_JOB } from '../../../bridge/src/jobs/tick.job.js';
import { beforeEachPatch } from '../../support/client-hooks.js';
import { writesBeyondBridgeFields } from '../../support/fault-checks.js';
import { MARIADB, needMariaDb } from '../../support/services.js';
import { type ScratchStore, scratchStore } from '../../support/store-backends.js';
import { bridgeState, openCases, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';
import { TcpProxy } from '../../support/tcp-proxy.js';

/**
 * The bridge's MariaDB store unreachable, then back: the daemon reaches its database through a
 * TCP relay the test cuts (new connections refused, pooled ones reset) and restores. A tick
 * that meets the outage fails with store_unavailable; the next tick after it resumes from the
 * cursors and the queue. Compared with a daemon on its own database that ticked at the same
 * virtual instants without an outage: same SuiteCRM fields, same event ledger.
 */
const mariadb = await needMariaDb();
const T0 = Date.parse('2026-11-25T12:00:00Z');
const minute = (n: number) => T0 + n * 60_000;
const OPTIONS = {
  now: '2026-11-25T12:00:00Z',
  trackingStart: '2026-01-01',
  standIn: { seed: 29, scale: { accounts: 6 }, journalWrites: true },
  pageSize: 20,
} as const;

interface World extends SyncHarness {
  daemon: Daemon;
  scratch: ScratchStore;
  tick(n: number): Promise<JobOutcome>;
}

const worlds: World[] = [];
const proxies: TcpProxy[] = [];

async function world(proxy?: TcpProxy): Promise<World> {
  const scratch = await scratchStore('mariadb');
  const url = proxy ? scratch.url.replace(`:${MARIADB.port}/`, `:${await proxy.start()}/`) : scratch.url;
  const h = await startSyncHarness({ ...OPTIONS, storeUrl: url });
  await h.store.leases.release(h.lease);
  // The cut-off daemon names itself as `sla-bridge run` does (host, pid, random).
  const daemon = new Daemon(
    { engine: h.engine, store: h.store, clock: h.now, ...(proxy ? {} : { holder: 'reference' }) },
    { timeZone: 'Europe/London' },
  );
  const w = Object.assign(h, {
    daemon,
    scratch,
    tick: async (n: number) => {
      h.standIn.control.setNow(minute(n));
      return daemon.runJob(TICK_JOB, minute(n));
    },
  });
  worlds.push(w);
  return w;
}

/** People at work in SuiteCRM between ticks, the same in every world. */
function staffWork(w: World, round: number): void {
  const cases = openCases(w);
  const target = cases[(round * 3) % cases.length];
  if (target) w.standIn.control.staffEdit('Cases', target.id, { sla_severity_c: round % 2 ? '2' : '3' });
}

afterAll(async () => {
  for (const w of worlds) {
    await w.daemon.stop();
    await w.close();
    await w.scratch.drop();
  }
  for (const proxy of proxies) await proxy.cut();
});

describe.skipIf(mariadb.skip)('the store unreachable, then back [mariadb]', () => {
  let reference: World;
  beforeAll(async () => {
    reference = await world();
    for (let n = 0; n <= 4; n++) {
      staffWork(reference, n);
      expect(await reference.tick(n)).toBe('ran');
    }
  }, 120_000);

  it('between ticks: the tick in the outage fails with store_unavailable, the next one resumes', async () => {
    const proxy = new TcpProxy({ host: MARIADB.host, port: MARIADB.port });
    proxies.push(proxy);
    const w = await world(proxy);
    staffWork(w, 0);
    expect(await w.tick(0)).toBe('ran');
    await proxy.cut();
    for (const n of [1, 2]) {
      staffWork(w, n);
      expect(await w.tick(n)).toBe('failed');
    }
    expect(w.daemon.lastFailure?.code).toBe('store_unavailable');
    await proxy.start();
    for (const n of [3, 4]) {
      staffWork(w, n);
      expect(await w.tick(n)).toBe('ran');
    }
    expect(await bridgeState(w)).toEqual(await bridgeState(reference));
    expect(writesBeyondBridgeFields(w.standIn.control.writes())).toEqual([]);
    const runs = await w.store.read((r) => r.jobRuns.last({ job: 'tick', limit: 10 }));
    expect(runs.filter((run) => run.outcome === 'running')).toEqual([]);
  });

  it('in the middle of a tick, between its PATCHes and their record: the next tick finishes the work', async () => {
    const proxy = new TcpProxy({ host: MARIADB.host, port: MARIADB.port });
    proxies.push(proxy);
    const w = await world(proxy);
    let cutting: Promise<void> | undefined;
    const restore = beforeEachPatch(w.client, (n) => {
      if (n === 20) cutting = proxy.cut();
    });
    staffWork(w, 0);
    expect(await w.tick(0)).toBe('failed');
    await cutting;
    restore();
    expect(w.daemon.lastFailure?.code).toBe('store_unavailable');
    staffWork(w, 1);
    expect(await w.tick(1)).toBe('failed'); // still cut
    await proxy.start();
    for (const n of [2, 3, 4]) {
      staffWork(w, n);
      expect(await w.tick(n)).toBe('ran');
    }
    expect(await bridgeState(w)).toEqual(await bridgeState(reference));
    expect(writesBeyondBridgeFields(w.standIn.control.writes())).toEqual([]);
    // The tick the outage cut short could not be recorded then: it is recorded by the next one.
    const runs = await w.store.read((r) => r.jobRuns.last({ job: 'tick', limit: 10 }));
    expect(runs.filter((run) => run.outcome === 'running')).toEqual([]);
    expect(runs.find((run) => run.startedAt === minute(0))).toMatchObject({
      outcome: 'failed',
      error: expect.stringMatching(/cannot use the store at mysql:\/\/root@127\.0\.0\.1:\d+\/bridge_test_/),
    });
  });
});
