import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Daemon, type JobOutcome } from '../../../bridge/src/jobs/daemon.js';
import { TICK_JOB } from '../../../bridge/src/jobs/tick.job.js';
import { writesBeyondBridgeFields } from '../../support/fault-checks.js';
import { bridgeState, readBack, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * SuiteCRM unreachable for four hourly ticks of the daemon (503s for two, every connection cut
 * before an answer for two), while people go on working in it: a new Severity 1 case, an
 * acknowledgement, support time logged. Each tick in the outage fails and is recorded; the first
 * tick after it catches up, and the transitions it finds are recorded at their historical
 * instants. The result equals that of a daemon that ticked through the same hours with SuiteCRM
 * up, event ledger included.
 */
type Step = { at: string; tick?: true; down?: 'error' | 'drop'; act?: (h: World) => void };
interface World extends SyncHarness {
  daemon: Daemon;
  ids: Record<string, string>;
}

const SCHEDULE: Step[] = [
  { at: '2026-11-30T09:00:00Z', tick: true },
  { at: '2026-11-30T10:00:00Z', tick: true, down: 'error' },
  {
    at: '2026-11-30T10:30:00Z',
    act: (w) => {
      w.ids.urgent = w.standIn.control.staffCreate('Cases', {
        name: 'Checkout down',
        account_id: w.ids.account,
        status: 'Open_New',
        sla_severity_c: '1',
        sla_environment_c: 'production',
        sla_cause_c: 'product',
      }).id;
    },
  },
  { at: '2026-11-30T11:00:00Z', tick: true, down: 'error' },
  {
    at: '2026-11-30T11:20:00Z',
    act: (w) => w.standIn.control.staffEdit('Cases', w.ids.urgent as string, { status: 'Open_Assigned' }),
  },
  { at: '2026-11-30T12:00:00Z', tick: true, down: 'drop' },
  { at: '2026-11-30T13:00:00Z', tick: true, down: 'drop' },
  {
    at: '2026-11-30T14:00:00Z',
    act: (w) => {
      w.standIn.control.staffCreate('SLA_TimeEntries', {
        name: 'Investigation',
        case_id: w.ids.slow,
        work_date: '2026-11-30',
        hours: '1.5',
        category: 'support',
      });
    },
  },
  { at: '2026-11-30T16:00:00Z', tick: true },
  { at: '2026-11-30T16:01:00Z', tick: true },
];

async function world(): Promise<World> {
  const h = await startSyncHarness({
    now: '2026-11-30T08:00:00Z',
    trackingStart: '2026-11-01',
    standIn: { seed: 23, scale: { accounts: 3 }, journalWrites: true },
    pageSize: 20,
  });
  await h.store.leases.release(h.lease);
  const daemon = new Daemon(
    { engine: h.engine, store: h.store, clock: h.now, holder: 'down-test' },
    { timeZone: 'Europe/London' },
  );
  const account = h.standIn.control.staffCreate('Accounts', {
    name: 'Acme Widgets',
    sla_plan_c: 'professional',
    sla_contract_start_c: '2026-03-01',
  });
  h.standIn.control.setNow('2026-11-30T09:00:00Z');
  // Monday 09:00 London: Severity 2 on Professional, 4 business hours to respond.
  const slow = h.standIn.control.staffCreate('Cases', {
    name: 'Invoices not generated',
    account_id: account.id,
    status: 'Open_New',
    sla_severity_c: '2',
    sla_environment_c: 'production',
    sla_cause_c: 'product',
  });
  return Object.assign(h, { daemon, ids: { account: account.id, slow: slow.id } });
}

async function play(w: World, withOutage: boolean): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  for (const step of SCHEDULE) {
    w.standIn.control.setNow(step.at);
    step.act?.(w);
    if (!step.tick) continue;
    w.standIn.control.clearFaults();
    if (withOutage && step.down === 'error')
      w.standIn.control.injectFault({ kind: 'error', status: 503, times: Number.POSITIVE_INFINITY });
    if (withOutage && step.down === 'drop')
      w.standIn.control.injectFault({ kind: 'drop', at: 'start', times: Number.POSITIVE_INFINITY });
    w.standIn.control.resetCounters();
    outcomes.push(await w.daemon.runJob(TICK_JOB, Date.parse(step.at)));
    if (withOutage && step.down) {
      // A tick in the outage gives up after one request's retries (4 attempts).
      expect(w.standIn.control.counters().total, step.at).toBeLessThanOrEqual(4);
    }
  }
  w.standIn.control.clearFaults();
  return outcomes;
}

let reference: World;
let down: World;
let referenceOutcomes: JobOutcome[];
let downOutcomes: JobOutcome[];

beforeAll(async () => {
  reference = await world();
  referenceOutcomes = await play(reference, false);
  down = await world();
  downOutcomes = await play(down, true);
}, 120_000);
afterAll(async () => {
  for (const w of [reference, down]) {
    await w?.daemon.stop();
    await w?.close();
  }
});

describe('SuiteCRM down for four ticks, then back', () => {
  it('each tick in the outage fails and is recorded with its reason', async () => {
    expect(referenceOutcomes).toEqual(['ran', 'ran', 'ran', 'ran', 'ran', 'ran', 'ran']);
    expect(downOutcomes).toEqual(['ran', 'failed', 'failed', 'failed', 'failed', 'ran', 'ran']);
    const runs = (await down.store.read((r) => r.jobRuns.last({ job: 'tick', limit: 10 }))).reverse();
    expect(runs.map((run) => [new Date(run.startedAt).toISOString(), run.outcome])).toEqual(
      SCHEDULE.filter((step) => step.tick).map((step) => [
        new Date(step.at).toISOString(),
        step.down ? 'failed' : 'succeeded',
      ]),
    );
    for (const run of runs.filter((r) => r.outcome === 'failed')) {
      expect(run.endedAt).not.toBeNull();
      expect(run.error).toMatch(/SuiteCRM/);
    }
    expect(runs[1]?.error).toMatch(/503/);
    expect(runs[3]?.error).toMatch(/cannot reach SuiteCRM/);
  });

  it('the first tick after the outage catches up: SuiteCRM and the ledger equal an undisturbed daemon', async () => {
    const expected = await bridgeState(reference);
    expect(expected.events.length).toBeGreaterThan(10);
    expect(await bridgeState(down)).toEqual(expected);
    expect(writesBeyondBridgeFields(down.standIn.control.writes())).toEqual([]);
    // The last tick (16:01) found nothing left to write: the catch-up at 16:00 did it all.
    const [last] = await down.store.read((r) => r.jobRuns.last({ job: 'tick', limit: 1 }));
    expect(last?.counts).toMatchObject({ written: 0 });
  });

  it('transitions that came due in the outage are recorded at their historical instants', async () => {
    const slow = down.ids.slow as string;
    expect((await readBack(down, 'Cases')).get(slow)?.sla_response_status_c).toBe('breached');
    const events = await down.store.read((r) => r.events.forCase(slow));
    expect(events.map((e) => [e.type, new Date(e.at).toISOString()])).toEqual([
      ['reported', '2026-11-30T09:00:00.000Z'],
      ['at_risk', '2026-11-30T12:00:00.000Z'],
      ['breached', '2026-11-30T13:01:00.000Z'],
    ]);
    const urgent = down.ids.urgent as string;
    const urgentEvents = await down.store.read((r) => r.events.forCase(urgent));
    expect(urgentEvents.find((e) => e.type === 'reported')?.at).toBe(Date.parse('2026-11-30T10:30:00Z'));
    expect(urgentEvents.find((e) => e.type === 'acknowledged')?.at).toBe(Date.parse('2026-11-30T11:20:00Z'));
  });
});
