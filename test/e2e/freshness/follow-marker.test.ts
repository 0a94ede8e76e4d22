import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  CHANGE_MARKER_FIELDS,
  CHANGE_MARKER_ID,
  CHANGE_MARKER_MODULE,
} from '../../../bridge/src/catalogue/index.js';
import { Daemon } from '../../../bridge/src/jobs/daemon.js';
import { TICK_JOB } from '../../../bridge/src/jobs/tick.job.js';
import { readBack, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * Freshness (docs/freshness.md) end to end, on the stand-in with a virtual clock: the package's
 * after_save hooks bump the change marker (modelled on SugarBean::save in SuiteCRM 7.14's
 * data/SugarBean.php, which calls call_custom_logic('after_save') once the row is written, on
 * every save, the V8 API's included: Api/V8/Service/ModuleService.php updateRecord saves the
 * bean), the daemon reads the marker once per interval and reads a module only when its
 * counter moved, and the bridge's own PATCHes cost one marker read, no module read.
 */
const FOLLOW_MS = 8_000;
let h: SyncHarness;
let daemon: Daemon;
let accountId: string;
let caseId: string;
let clock = Date.parse('2026-11-30T09:00:00Z');

function at(ms: number) {
  clock = ms;
  h.standIn.control.setNow(new Date(ms).toISOString());
}
/** One follow interval later: the poll, with the counters of that poll alone. */
async function poll() {
  at(clock + FOLLOW_MS);
  h.standIn.control.resetCounters();
  const outcome = await daemon.follow(clock);
  return { outcome, routes: h.standIn.control.counters().byRoute };
}
const moduleReads = (routes: Record<string, number>) =>
  Object.entries(routes)
    .filter(([key]) => key.startsWith('GET list '))
    .map(([key, n]) => `${key.slice('GET list '.length)}×${n}`);
const caseValues = async () => (await readBack(h, 'Cases')).get(caseId);
/** Runs once, as the next pass ends: a save that lands while the bridge is writing. */
let atEndOfNextPass: (() => void) | undefined;

beforeAll(async () => {
  h = await startSyncHarness({
    now: '2026-11-30T08:00:00Z',
    trackingStart: '2026-11-01',
    standIn: { scale: false },
  });
  const engine = h.engine;
  const run: typeof engine.run = async (...args) => {
    const report = await engine.run(...args);
    const hook = atEndOfNextPass;
    atEndOfNextPass = undefined;
    hook?.();
    return report;
  };
  daemon = new Daemon(
    {
      engine: new Proxy(engine, {
        get: (target, key, receiver) =>
          key === 'run' ? run : (Reflect.get(target, key, receiver) as unknown),
      }),
      store: h.store,
      clock: () => clock,
      holder: 'freshness-test',
    },
    { timeZone: 'Europe/London', followIntervalMs: FOLLOW_MS },
  );
  accountId = h.standIn.control.staffCreate('Accounts', {
    name: 'Professional customer',
    sla_plan_c: 'professional',
    sla_contract_start_c: '2026-03-01',
  }).id;
  at(Date.parse('2026-11-30T09:00:00Z'));
  // The first tick takes the lease and sweeps every module.
  expect(await daemon.runJob(TICK_JOB, clock)).toBe('ran');
});
afterAll(async () => {
  await daemon?.stop();
  await h?.close();
});

describe('the change marker', () => {
  it('is one record the stand-in serves with the counters of each module', async () => {
    const record = await h.client.getRecord(CHANGE_MARKER_MODULE, CHANGE_MARKER_ID, {
      fields: [CHANGE_MARKER_FIELDS.Accounts],
      parse: (raw) => raw as Record<string, unknown>,
    });
    // The account's two saves so far: the person's create and the first tick's PATCH of the
    // bridge's fields. The sparse fieldset is honoured.
    expect(record.attributes).toEqual({ [CHANGE_MARKER_FIELDS.Accounts]: '2' });
  });

  it('an idle site: one marker GET per interval, no module read, no run recorded', async () => {
    const runsBefore = await h.store.read((r) => r.jobRuns.last({ limit: 100 }));
    for (let i = 0; i < 3; i++) {
      const { outcome, routes } = await poll();
      expect(outcome).toBe('idle');
      expect(routes).toEqual({ 'GET get': 1, [`GET get ${CHANGE_MARKER_MODULE}`]: 1 });
    }
    const runsAfter = await h.store.read((r) => r.jobRuns.last({ limit: 100 }));
    expect(runsAfter.length).toBe(runsBefore.length);
  });

  it('a new case: written within one interval, reading Cases only', async () => {
    caseId = h.standIn.control.staffCreate('Cases', {
      name: 'Invoices not generated',
      account_id: accountId,
      status: 'Open_New',
      sla_severity_c: '2',
      sla_environment_c: 'production',
      sla_cause_c: 'product',
    }).id;
    const savedAt = clock;
    const { outcome, routes } = await poll();
    expect(outcome).toBe('ran');
    expect(moduleReads(routes)).toEqual(['Cases×1']);
    expect(routes['PATCH update Cases']).toBe(1);
    expect(clock - savedAt).toBeLessThanOrEqual(FOLLOW_MS);
    const values = await caseValues();
    expect(values?.sla_response_status_c).toBe('pending');
    expect(values?.sla_response_due_c).toBe(Date.parse('2026-11-30T13:00:00Z'));
  });

  it('converges: the bridge’s own PATCH costs the next poll one marker GET and nothing else', async () => {
    const { outcome, routes } = await poll();
    expect(outcome).toBe('idle');
    expect(moduleReads(routes)).toEqual([]);
  });

  it('a status change is followed', async () => {
    h.standIn.control.staffEdit('Cases', caseId, { status: 'Open_Assigned' });
    const { outcome, routes } = await poll();
    expect(outcome).toBe('ran');
    expect(moduleReads(routes)).toEqual(['Cases×1']);
    expect((await poll()).outcome).toBe('idle');
  });

  it('a time entry: reads time entries, and the case shows the hours', async () => {
    h.standIn.control.staffCreate('SLA_TimeEntries', {
      name: 'Diagnosis',
      case_id: caseId,
      work_date: '2026-11-30',
      hours: '1.5',
      category: 'support',
    });
    const { outcome, routes } = await poll();
    expect(outcome).toBe('ran');
    expect(moduleReads(routes)).toEqual(['SLA_TimeEntries×1']);
    expect((await caseValues())?.sla_hours_logged_c).toBe(1.5);
    expect((await poll()).outcome).toBe('idle');
  });

  it("an account's contract change: reads accounts, and writes the account's fields", async () => {
    h.standIn.control.staffEdit('Accounts', accountId, { sla_contract_start_c: '2026-04-01' });
    const { outcome, routes } = await poll();
    expect(outcome).toBe('ran');
    expect(moduleReads(routes)).toEqual(['Accounts×1']);
    // The account's term moves with its start: the bridge rewrites the account's own fields.
    expect(routes['PATCH update Accounts']).toBe(1);
    const account = (await readBack(h, 'Accounts')).get(accountId);
    expect(account?.sla_term_start_c).toBe('2026-04-01');
    expect((await poll()).outcome).toBe('idle');
  });

  it('a save through the API by someone else is never taken for the bridge’s own', async () => {
    await h.client.updateRecord('Cases', caseId, { description: 'portal note' }, { parse: (raw) => raw });
    const { outcome, routes } = await poll();
    expect(outcome).toBe('ran');
    expect(moduleReads(routes)).toEqual(['Cases×1']);
  });

  it('a save made while a pass runs is followed at once, not an interval later', async () => {
    let secondId = '';
    atEndOfNextPass = () => {
      secondId = h.standIn.control.staffCreate('Cases', {
        name: 'Second case, saved during the pass',
        account_id: accountId,
        status: 'Open_New',
        sla_severity_c: '3',
        sla_environment_c: 'production',
        sla_cause_c: 'product',
      }).id;
    };
    h.standIn.control.staffEdit('Cases', caseId, { description: 'first save' });
    const { outcome, routes } = await poll();
    expect(outcome).toBe('ran');
    // The poll's pass, then at once one more marker GET and a pass for the save made meanwhile.
    expect(routes[`GET get ${CHANGE_MARKER_MODULE}`]).toBe(2);
    expect(moduleReads(routes)).toEqual(['Cases×2']);
    expect((await readBack(h, 'Cases')).get(secondId)?.sla_response_status_c).toBe('pending');
    expect((await poll()).outcome).toBe('idle');
  });

  it('a poll that finds a tick running polls again as soon as the tick ends', async () => {
    h.standIn.control.staffEdit('Cases', caseId, { description: 'saved during a tick' });
    at(clock + FOLLOW_MS);
    h.standIn.control.resetCounters();
    const tick = daemon.runJob(TICK_JOB, clock);
    expect(await daemon.follow(clock)).toBe('busy');
    expect(await tick).toBe('ran');
    // The poll due after the tick (the tick, between sweeps, read no marker and no module): the
    // marker, the case's module, and the one poll more after a pass that ran.
    await vi.waitFor(() =>
      expect(h.standIn.control.counters().byRoute[`GET get ${CHANGE_MARKER_MODULE}`]).toBe(2),
    );
    expect(moduleReads(h.standIn.control.counters().byRoute)).toEqual(['Cases×1']);
  });

  it('a minute tick between sweeps reads no module; due transitions still run', async () => {
    at(clock + 60_000);
    h.standIn.control.resetCounters();
    expect(await daemon.runJob(TICK_JOB, clock)).toBe('ran');
    expect(moduleReads(h.standIn.control.counters().byRoute)).toEqual([]);
  });

  it('the sweep: a tick 30 minutes after the last reads every module once', async () => {
    at(clock + 30 * 60_000);
    h.standIn.control.resetCounters();
    expect(await daemon.runJob(TICK_JOB, clock)).toBe('ran');
    expect(moduleReads(h.standIn.control.counters().byRoute).sort()).toEqual([
      'Accounts×1',
      'Cases×1',
      'SLA_TimeEntries×1',
    ]);
    expect((await poll()).outcome).toBe('idle');
  });
});
