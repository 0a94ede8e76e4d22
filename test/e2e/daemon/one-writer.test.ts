import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../bridge/src/domain/index.js';
import { Daemon } from '../../../bridge/src/jobs/daemon.js';
import { TICK_JOB } from '../../../bridge/src/jobs/tick.job.js';
import { openStore, type Store } from '../../../bridge/src/store/index.js';
import { SyncEngine } from '../../../bridge/src/sync/sync-engine.js';
import { needMariaDb } from '../../support/services.js';
import { type ScratchStore, scratchStore } from '../../support/store-backends.js';
import { type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/** Two daemons on one MariaDB store: one writes, the other waits, then takes over. */
const mariadb = await needMariaDb();

describe.skipIf(mariadb.skip)('two daemons on one MariaDB store', () => {
  let scratch: ScratchStore;
  let h: SyncHarness;
  let second: Store;
  let a: Daemon;
  let b: Daemon;

  beforeAll(async () => {
    scratch = await scratchStore('mariadb');
    h = await startSyncHarness({
      now: '2026-11-25T12:00:00Z',
      trackingStart: '2026-01-01',
      standIn: { seed: 4, scale: { accounts: 5 } },
      storeUrl: scratch.url,
    });
    // The harness holds a lease for its own engine; daemons take their own.
    await h.store.leases.release(h.lease);
    second = await openStore(scratch.url, { clock: h.now });
    a = new Daemon(
      { engine: h.engine, store: h.store, clock: h.now, holder: 'daemon-a' },
      { timeZone: 'Europe/London' },
    );
    const engineB = new SyncEngine({
      client: h.client,
      store: second,
      policy: defaultPolicy(),
      clock: h.now,
    });
    b = new Daemon(
      { engine: engineB, store: second, clock: h.now, holder: 'daemon-b' },
      { timeZone: 'Europe/London' },
    );
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await second?.close();
    await h?.close();
    await scratch?.drop();
  });

  it('never both write: one runs, the other waits', async () => {
    h.standIn.control.resetCounters();
    const outcomes = await Promise.all([a.runJob(TICK_JOB), b.runJob(TICK_JOB)]);
    expect([...outcomes].sort()).toEqual(['ran', 'waiting']);
    const runs = await h.store.read((r) => r.jobRuns.last({ job: 'tick', limit: 10 }));
    expect(runs).toHaveLength(1);
    // Again, a minute later: the holder keeps running, the other keeps waiting.
    h.advance(60_000);
    const again = await Promise.all([a.runJob(TICK_JOB), b.runJob(TICK_JOB)]);
    expect(again).toEqual(outcomes);
    const holders = new Set(
      (await h.store.read((r) => r.jobRuns.last({ job: 'tick', limit: 10 }))).map((run) => run.holder),
    );
    expect(holders.size).toBe(1);
  });

  it('the waiting one takes over when the holder stops', async () => {
    const holder = (await h.store.leases.state())?.holder;
    const [stopping, waiting] = holder === 'daemon-a' ? [a, b] : [b, a];
    await stopping.stop();
    expect((await h.store.leases.state())?.holder).toBeNull();
    h.advance(60_000);
    expect(await waiting.runJob(TICK_JOB)).toBe('ran');
    expect((await h.store.leases.state())?.holder).toBe(holder === 'daemon-a' ? 'daemon-b' : 'daemon-a');
  });
});
