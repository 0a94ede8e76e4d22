import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Daemon } from '../../../bridge/src/jobs/daemon.js';
import { TICK_JOB } from '../../../bridge/src/jobs/tick.job.js';
import { readBack, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * The daemon against the stand-in with a virtual clock: statuses change at the right minutes
 * with exactly one event each, and contracts renew or lapse at 00:00 London on their date.
 */
const at = (iso: string) => Date.parse(iso);
let h: SyncHarness;
let daemon: Daemon;
let caseId: string;
let renewingId: string;
let cancelledId: string;

async function tick(iso: string) {
  h.standIn.control.setNow(iso);
  expect(await daemon.runJob(TICK_JOB, at(iso))).toBe('ran');
}
const caseValues = async () => (await readBack(h, 'Cases')).get(caseId);
const ledger = (type: string, recordId: string) =>
  h.store.read((r) => r.events.find({ type, recordId, limit: 100 }));

beforeAll(async () => {
  h = await startSyncHarness({
    now: '2026-11-30T08:00:00Z',
    trackingStart: '2026-11-01',
    standIn: { scale: false },
  });
  daemon = new Daemon(
    { engine: h.engine, store: h.store, clock: h.now, holder: 'daemon-test' },
    { timeZone: 'Europe/London' },
  );
  const account = h.standIn.control.staffCreate('Accounts', {
    name: 'Professional customer',
    sla_plan_c: 'professional',
    sla_contract_start_c: '2026-03-01',
  });
  renewingId = h.standIn.control.staffCreate('Accounts', {
    name: 'Renewing customer',
    sla_plan_c: 'essential',
    sla_contract_start_c: '2025-12-01',
  }).id;
  cancelledId = h.standIn.control.staffCreate('Accounts', {
    name: 'Leaving customer',
    sla_plan_c: 'essential',
    sla_contract_start_c: '2025-12-01',
    sla_will_not_renew_c: '1',
    sla_cancelled_on_c: '2026-10-01',
  }).id;
  h.standIn.control.staffCreate('SLA_TimeEntries', {
    name: 'Upgrade help',
    account_id: renewingId,
    work_date: '2026-11-15',
    hours: '3',
    category: 'support',
  });
  h.standIn.control.setNow('2026-11-30T09:00:00Z');
  // Monday 30 November 2026, 09:00 London (GMT): Severity 2, 4 business hours on Professional.
  caseId = h.standIn.control.staffCreate('Cases', {
    name: 'Invoices not generated',
    account_id: account.id,
    status: 'Open_New',
    sla_severity_c: '2',
    sla_environment_c: 'production',
    sla_cause_c: 'product',
  }).id;
});
afterAll(async () => {
  await daemon?.stop();
  await h?.close();
});

describe('a Severity 2 case on a 4-hour target, reported Monday 09:00', () => {
  it('is pending, due 13:00', async () => {
    await tick('2026-11-30T09:00:00Z');
    const values = await caseValues();
    expect(values?.sla_response_status_c).toBe('pending');
    expect(values?.sla_response_due_c).toBe(at('2026-11-30T13:00:00Z'));
  });

  it('turns at risk at 12:00 (75% of 240 minutes), not a minute earlier', async () => {
    await tick('2026-11-30T11:59:00Z');
    expect((await caseValues())?.sla_response_status_c).toBe('pending');
    await tick('2026-11-30T12:00:00Z');
    expect((await caseValues())?.sla_response_status_c).toBe('at_risk');
    expect((await ledger('at_risk', caseId)).map((e) => e.at)).toEqual([at('2026-11-30T12:00:00Z')]);
  });

  it('is breached at 13:01, the minute after its due minute', async () => {
    await tick('2026-11-30T13:00:00Z');
    expect((await caseValues())?.sla_response_status_c).toBe('at_risk');
    await tick('2026-11-30T13:01:00Z');
    expect((await caseValues())?.sla_response_status_c).toBe('breached');
  });

  it('has exactly one at-risk and one breached event however often the daemon ticked', async () => {
    await tick('2026-11-30T13:02:00Z');
    await tick('2026-11-30T15:30:00Z');
    expect((await ledger('at_risk', caseId)).map((e) => e.at)).toEqual([at('2026-11-30T12:00:00Z')]);
    expect((await ledger('breached', caseId)).map((e) => e.at)).toEqual([at('2026-11-30T13:01:00Z')]);
  });
});

describe('contracts at the end of a term', () => {
  it('show renewal due, then renew at 00:00 London on the date and restart the hours', async () => {
    await tick('2026-11-30T23:59:00Z');
    const before = (await readBack(h, 'Accounts')).get(renewingId);
    expect(before).toMatchObject({
      sla_contract_state_c: 'renewal_due',
      sla_term_end_c: '2026-11-30',
      sla_next_renewal_c: '2026-12-01',
      sla_hours_used_c: 3,
    });
    await tick('2026-12-01T00:00:00Z');
    const after = (await readBack(h, 'Accounts')).get(renewingId);
    expect(after).toMatchObject({
      sla_contract_state_c: 'active',
      sla_term_start_c: '2026-12-01',
      sla_term_end_c: '2027-11-30',
      sla_hours_used_c: 0,
    });
    expect((await ledger('renewed', renewingId)).map((e) => e.at)).toEqual([at('2026-12-01T00:00:00Z')]);
    const terms = await h.store.read((r) => r.contractTerms.forAccount(renewingId));
    expect(terms.map((t) => [t.termIndex, t.startDate, t.outcome])).toEqual([
      [0, '2025-12-01', 'renewed'],
      [1, '2026-12-01', null],
    ]);
  });

  it('lapses a cancelled contract at the same instant', async () => {
    const after = (await readBack(h, 'Accounts')).get(cancelledId);
    expect(after?.sla_contract_state_c).toBe('lapsed');
    expect((await ledger('lapsed', cancelledId)).map((e) => e.at)).toEqual([at('2026-12-01T00:00:00Z')]);
  });
});
