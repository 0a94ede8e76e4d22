import { afterEach, describe, expect, it } from 'vitest';
import { Daemon } from '../../../bridge/src/jobs/daemon.js';
import { TICK_JOB } from '../../../bridge/src/jobs/tick.job.js';
import { beforeEachPatch } from '../../support/client-hooks.js';
import { bridgeState, readBack, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

const open: SyncHarness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});
const harness = async (options: Parameters<typeof startSyncHarness>[0]) => {
  const h = await startSyncHarness(options);
  await h.store.leases.release(h.lease);
  open.push(h);
  return h;
};
const daemonFor = (h: SyncHarness, holder: string) =>
  new Daemon({ engine: h.engine, store: h.store, clock: h.now, holder }, { timeZone: 'Europe/London' });

describe('after downtime', () => {
  it('catches up in one pass and records transitions at their historical instants', async () => {
    const h = await harness({
      now: '2026-11-30T09:00:00Z',
      trackingStart: '2026-11-01',
      standIn: { scale: false },
    });
    const account = h.standIn.control.staffCreate('Accounts', {
      name: 'A',
      sla_plan_c: 'professional',
      sla_contract_start_c: '2026-03-01',
    });
    const id = h.standIn.control.staffCreate('Cases', {
      name: 'Down',
      account_id: account.id,
      status: 'Open_New',
      sla_severity_c: '2',
      sla_environment_c: 'production',
    }).id;
    const daemon = daemonFor(h, 'catch-up');
    expect(await daemon.runJob(TICK_JOB, Date.parse('2026-11-30T09:00:00Z'))).toBe('ran');
    // The bridge is down from 09:01 to 16:00; one tick then.
    h.standIn.control.setNow('2026-11-30T16:00:00Z');
    expect(await daemon.runJob(TICK_JOB, Date.parse('2026-11-30T16:00:00Z'))).toBe('ran');
    expect((await readBack(h, 'Cases')).get(id)?.sla_response_status_c).toBe('breached');
    const events = await h.store.read((r) => r.events.forCase(id));
    expect(events.map((e) => [e.type, new Date(e.at).toISOString()])).toEqual([
      ['reported', '2026-11-30T09:00:00.000Z'],
      ['at_risk', '2026-11-30T12:00:00.000Z'],
      ['breached', '2026-11-30T13:01:00.000Z'],
    ]);
    await daemon.stop();
  });
});

describe('stopping in the middle of a tick', () => {
  const options = {
    now: '2026-11-25T12:00:00Z',
    trackingStart: '2026-01-01',
    standIn: { seed: 9, scale: { accounts: 10 } },
    pageSize: 20,
  };

  it('finishes the batch in hand, records the run, releases the lease, and loses nothing', async () => {
    const reference = await harness(options);
    const referenceDaemon = daemonFor(reference, 'reference');
    await referenceDaemon.runJob(TICK_JOB);
    reference.advance(60_000);
    await referenceDaemon.runJob(TICK_JOB);
    await referenceDaemon.stop();
    const expected = await bridgeState(reference);

    const h = await harness(options);
    const daemon = daemonFor(h, 'stopped');
    let patches = 0;
    let stopping: Promise<void> | undefined;
    const restore = beforeEachPatch(h.client, (n) => {
      patches = n;
      if (n === 30) stopping = daemon.stop();
    });
    expect(await daemon.runJob(TICK_JOB)).toBe('failed');
    await stopping;
    restore();
    expect(patches).toBeLessThan(200); // it stopped early: a whole first tick writes far more
    const [run] = await h.store.read((r) => r.jobRuns.last({ job: 'tick', limit: 1 }));
    expect(run).toMatchObject({ outcome: 'failed', error: expect.stringMatching(/stopped by shutdown/) });
    expect((await h.store.leases.state())?.holder).toBeNull();

    // A new instance resumes from the queue and the cursors.
    const resumed = daemonFor(h, 'resumed');
    h.advance(60_000);
    expect(await resumed.runJob(TICK_JOB)).toBe('ran');
    expect(await bridgeState(h)).toEqual(expected);
    await resumed.stop();
  });
});
