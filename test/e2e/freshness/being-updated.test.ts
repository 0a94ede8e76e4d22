import { decodeHTMLStrict } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Daemon } from '../../../bridge/src/jobs/daemon.js';
import { TICK_JOB } from '../../../bridge/src/jobs/tick.job.js';
import { type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * "SLA being updated" end to end (docs/freshness.md#being-updated), on the stand-in with its
 * model of the Cases hook (rule R6: bridge/src/standin/write/case-save-rules.ts, checked against
 * the PHP hook by schemas/case-save-examples.json): a person's save stamps the SLA inputs, so
 * the views would say "SLA being updated"; the bridge's next pass writes the echo in the same
 * PATCH as the SLA fields computed from that save; its PATCH never stamps.
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
async function poll() {
  at(clock + FOLLOW_MS);
  return daemon.follow(clock);
}
const stored = (): Readonly<Record<string, string | null | undefined>> =>
  h.standIn.control.record('Cases', caseId) ?? {};
const text = (value: unknown) => decodeHTMLStrict(typeof value === 'string' ? value : '').trim();
/** What SupportSla_InputStamp::isUpdating decides for the detail and list views. */
const updating = () => text(stored().sla_input_stamp_c) !== text(stored().sla_input_seen_c);
const casePatches = () =>
  h.standIn.control.writes().filter((entry) => entry.method === 'PATCH' && entry.module === 'Cases');

beforeAll(async () => {
  h = await startSyncHarness({
    now: '2026-11-30T08:00:00Z',
    trackingStart: '2026-11-01',
    standIn: { scale: false, journalWrites: true },
  });
  daemon = new Daemon(
    { engine: h.engine, store: h.store, clock: () => clock, holder: 'being-updated-test' },
    { timeZone: 'Europe/London', followIntervalMs: FOLLOW_MS },
  );
  accountId = h.standIn.control.staffCreate('Accounts', {
    name: 'Professional customer',
    sla_plan_c: 'professional',
    sla_contract_start_c: '2026-03-01',
  }).id;
  at(Date.parse('2026-11-30T09:00:00Z'));
  expect(await daemon.runJob(TICK_JOB, clock)).toBe('ran');
});
afterAll(async () => {
  await daemon?.stop();
  await h?.close();
});

describe('SLA being updated', () => {
  it('a person creates a case: stamped, not echoed yet, so the views say "being updated"', () => {
    caseId = h.standIn.control.staffCreate('Cases', {
      name: 'Invoices not generated',
      account_id: accountId,
      status: 'Open_New',
      sla_severity_c: '2',
      sla_environment_c: 'production',
    }).id;
    expect(stored().sla_input_stamp_c).toBe('2026-11-30 09:00:00#1');
    expect(stored().sla_response_status_c ?? null).toBeNull();
    expect(updating()).toBe(true);
  });

  it('the bridge pass writes the echo in the same PATCH as the SLA fields; the views show them', async () => {
    h.standIn.control.clearWrites();
    const stamp = stored().sla_input_stamp_c;
    expect(await poll()).toBe('ran');
    const patches = casePatches();
    expect(patches).toHaveLength(1);
    expect(patches[0]?.attributes).toMatchObject({
      sla_input_seen_c: stamp,
      sla_response_status_c: 'pending',
    });
    expect(stored().sla_input_stamp_c).toBe(stamp);
    expect(updating()).toBe(false);
  });

  it('the echo does not loop: the next poll is idle and writes nothing', async () => {
    h.standIn.control.clearWrites();
    expect(await poll()).toBe('idle');
    expect(casePatches()).toEqual([]);
  });

  it('a status change: a new stamp, "being updated" until the pass; the bridge PATCH leaves the stamp alone', async () => {
    const before = stored().sla_input_stamp_c;
    h.standIn.control.staffEdit('Cases', caseId, { status: 'Open_Assigned' });
    const stamp = stored().sla_input_stamp_c;
    expect(stamp).not.toBe(before);
    expect(stamp).toMatch(/#2$/);
    expect(updating()).toBe(true);
    h.standIn.control.clearWrites();
    expect(await poll()).toBe('ran');
    expect(casePatches()[0]?.attributes).toMatchObject({ sla_input_seen_c: stamp });
    expect(stored().sla_acknowledged_at_c).toBeTruthy();
    expect(stored().sla_input_stamp_c).toBe(stamp);
    expect(updating()).toBe(false);
  });

  it('a save that changes no SLA input (the description) does not say "being updated"', async () => {
    const stamp = stored().sla_input_stamp_c;
    h.standIn.control.staffEdit('Cases', caseId, { description: 'customer called again' });
    expect(stored().sla_input_stamp_c).toBe(stamp);
    expect(updating()).toBe(false);
    h.standIn.control.clearWrites();
    await poll();
    expect(casePatches()).toEqual([]);
  });

  it('a page that posts the stamp as its echo cannot hide an update (both owned, R2)', () => {
    h.standIn.control.staffEdit('Cases', caseId, {
      sla_severity_c: '1',
      sla_input_seen_c: 'forged',
      sla_input_stamp_c: 'forged',
    });
    expect(stored().sla_input_stamp_c).toMatch(/#3$/);
    expect(updating()).toBe(true);
  });

  it('any other API client saving an input stamps too, and the next pass catches up', async () => {
    expect(await poll()).toBe('ran');
    expect(updating()).toBe(false);
    await h.client.updateRecord('Cases', caseId, { sla_severity_c: '2' }, { parse: (raw) => raw });
    expect(stored().sla_input_stamp_c).toMatch(/#4$/);
    expect(updating()).toBe(true);
    expect(await poll()).toBe('ran');
    expect(updating()).toBe(false);
  });

  it('not covered: a time entry does not stamp its case (docs/freshness.md says why)', async () => {
    const stamp = stored().sla_input_stamp_c;
    h.standIn.control.staffCreate('SLA_TimeEntries', {
      name: 'Diagnosis',
      case_id: caseId,
      work_date: '2026-11-30',
      hours: '1.5',
      category: 'support',
    });
    expect(stored().sla_input_stamp_c).toBe(stamp);
    expect(updating()).toBe(false);
    expect(await poll()).toBe('ran');
    expect(stored().sla_hours_logged_c).toBe('1.50');
  });
});
