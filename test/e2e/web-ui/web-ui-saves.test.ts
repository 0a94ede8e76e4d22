import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBack, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * The real bridge against the stand-in while staff work in SuiteCRM's web UI (the stand-in's
 * models of SuiteCRM 7.14.6's forms and SuiteCRM 8's record view, docs/standin-web-ui.md). Each
 * test names the SuiteCRM source its saves follow. Staff: Sally in London (d/m/Y), Will in New
 * York (d/m/Y), Max in Kolkata (+05:30, 12-hour clock).
 */
let h: SyncHarness;
let accountId: string;
const LONDON = 'seed_sally_id';
const NEW_YORK = 'seed_will_id';
const KOLKATA = 'seed_max_id';

const sync = async () => h.engine.run(h.lease);
const row = (id: string) => h.standIn.control.record('Cases', id);
const entries = (id: string) => (row(id)?.sla_change_log_c ?? '').split(';');
const bridgeView = async (id: string) => (await readBack(h, 'Cases')).get(id);
const at = (iso: string) => h.standIn.control.setNow(iso);

beforeAll(async () => {
  h = await startSyncHarness({
    now: '2026-12-07T12:00:00Z',
    trackingStart: '2026-01-01',
    standIn: { seed: 11, scale: { accounts: 2 } },
  });
  // The scenarios run on consecutive days: a lease that outlasts them.
  h.lease = await h.store.leases.renew(h.lease, 30 * 86_400_000);
  const control = h.standIn.control;
  control.setUserPreferences(LONDON, { timezone: 'Europe/London', dateFormat: 'd/m/Y' });
  control.setUserPreferences(NEW_YORK, { timezone: 'America/New_York', dateFormat: 'd/m/Y' });
  control.setUserPreferences(KOLKATA, { timezone: 'Asia/Kolkata', dateFormat: 'd.m.Y', timeFormat: 'h:ia' });
  accountId = control.staffCreate('Accounts', {
    name: 'Acme Widgets',
    sla_plan_c: 'enterprise',
    sla_contract_start_c: '2026-03-01',
  }).id;
  await sync();
});
afterAll(async () => h?.close());

/** A case quick-created at 12:53:27 and given its severity in the edit view at 12:55 (London). */
function phoneCall(name: string, day = '2026-12-07'): string {
  at(`${day}T12:53:27Z`);
  const id = h.standIn.control.webUi.quickCreate(
    { name, status: 'Open_New', priority: 'P2', account_id: accountId },
    LONDON,
  ).id;
  at(`${day}T12:55:05Z`);
  h.standIn.control.webUi.saveEditView(id, LONDON, { sla_severity_c: '2', sla_environment_c: 'production' });
  return id;
}

/** The same case as the API would create it with Reported at given exactly, for comparison. */
function reference(reportedAt: string, day = '2026-12-07'): string {
  at(`${day}T12:55:05Z`);
  return h.standIn.control.staffCreate(
    'Cases',
    {
      name: `reference ${reportedAt}`,
      status: 'Open_New',
      account_id: accountId,
      sla_severity_c: '2',
      sla_environment_c: 'production',
      sla_reported_at_c: reportedAt,
    },
    { actor: 'api', userId: '1' },
  ).id;
}

describe('Reported at through quick create and edit-view saves (include/EditView/QuickCreate.php, include/EditView/EditView2.php, Datetimecombo.js, include/TimeDate.php)', () => {
  it('stays 12:53:27 through any number of saves in London, New York and Kolkata; the due time and the acknowledgement come from the real minutes', async () => {
    const id = phoneCall('Phone call at 12:53');
    const exact = reference('2026-12-07 12:53:27');
    const rounded = reference('2026-12-07 13:00:00');
    await sync();
    const due = (await bridgeView(id))?.sla_response_due_c;
    expect(due).toBeTypeOf('number');
    expect(due).toBe((await bridgeView(exact))?.sla_response_due_c);
    expect(due).not.toBe((await bridgeView(rounded))?.sla_response_due_c);

    const saves: Array<[string, Record<string, string>]> = [
      [LONDON, { priority: 'P1' }],
      [NEW_YORK, { description: 'Customer called back' }],
      [KOLKATA, { sla_cause_c: 'product' }],
      [LONDON, { name: 'Phone call at 12:53 (checkout)' }],
    ];
    let minute = 0;
    for (const [userId, changes] of saves) {
      at(`2026-12-07T13:0${minute++}:41Z`);
      h.standIn.control.webUi.saveEditView(id, userId, changes);
      expect(row(id)?.sla_reported_at_c).toBe('2026-12-07 12:53:27');
      await sync();
      expect((await bridgeView(id))?.sla_response_due_c).toBe(due);
    }
    // New York acknowledges at 13:07:40: the minute of that save, not a form's value.
    at('2026-12-07T13:07:40Z');
    h.standIn.control.webUi.saveEditView(id, NEW_YORK, { status: 'Open_Assigned' });
    await sync();
    const values = await bridgeView(id);
    expect(values?.sla_acknowledged_at_c).toBe(Date.parse('2026-12-07T13:07:00Z'));
    expect(values?.sla_response_due_c).toBe(due);
    expect(row(id)?.sla_reported_at_c).toBe('2026-12-07 12:53:27');
    expect(entries(id).at(-1)).toBe('2026-12-07T13:07:40Z|status|Open_New|Open_Assigned|seed_will_id|person');
  });
});

describe('inline edit (include/InlineEditing/InlineEditing.php saveField)', () => {
  it('of Priority and of status keeps Reported at and logs the person who saved', async () => {
    const id = phoneCall('Inline edits', '2026-12-08');
    await sync();
    at('2026-12-08T13:10:12Z');
    h.standIn.control.webUi.inlineEdit('Cases', id, 'priority', 'P3', KOLKATA);
    const logged = entries(id).length;
    at('2026-12-08T13:12:30Z');
    h.standIn.control.webUi.inlineEdit('Cases', id, 'status', 'Open_Assigned', NEW_YORK);
    expect(row(id)?.priority).toBe('P3');
    expect(row(id)?.sla_reported_at_c).toBe('2026-12-08 12:53:27');
    expect(entries(id).slice(logged)).toEqual([
      '2026-12-08T13:12:30Z|status|Open_New|Open_Assigned|seed_will_id|person',
    ]);
    await sync();
    expect((await bridgeView(id))?.sla_acknowledged_at_c).toBe(Date.parse('2026-12-08T13:12:00Z'));
  });
});

describe('the stale-form sequence: A opens the case, B assigns it, A saves a priority change', () => {
  it("on SuiteCRM 8's full post (GraphQL saveRecord posts every attribute): B's entry and status stay, acknowledged by B", async () => {
    const id = phoneCall('Stale page on 8.x', '2026-12-09');
    await sync();
    const page = h.standIn.control.webUi.openRecordView8(id, LONDON);
    at('2026-12-09T13:02:10Z');
    h.standIn.control.webUi.inlineEdit('Cases', id, 'status', 'Open_Assigned', NEW_YORK);
    const bEntry = entries(id).at(-1);
    await sync();
    at('2026-12-09T13:04:00Z');
    expect(h.standIn.control.webUi.saveForm(page, { priority: 'P1' }).outcome).toBe('saved');
    expect(row(id)?.status).toBe('Open_Assigned');
    expect(row(id)?.priority).toBe('P1');
    expect(entries(id).at(-1)).toBe(bEntry);
    await sync();
    const values = await bridgeView(id);
    expect(values?.sla_acknowledged_at_c).toBe(Date.parse('2026-12-09T13:02:00Z'));
    expect(values?.sla_response_status_c).toBe('met');
    expect(values?.sla_data_problem_c ?? null).toBeNull();
  });

  it("on 7.14's edit view (modules/OptimisticLock/LockResolve.php): A is shown the conflict; saving anyway logs A after B, and B's acknowledgement stays", async () => {
    const id = phoneCall('Stale page on 7.14', '2026-12-10');
    await sync();
    const page = h.standIn.control.webUi.openEditView(id, LONDON);
    at('2026-12-10T13:02:10Z');
    h.standIn.control.webUi.inlineEdit('Cases', id, 'status', 'Open_Assigned', NEW_YORK);
    const bEntry = entries(id).at(-1) as string;
    await sync();
    at('2026-12-10T13:04:00Z');
    expect(h.standIn.control.webUi.saveForm(page, { priority: 'P1' }).outcome).toBe('conflict');
    expect(row(id)?.priority).toBe('P2');
    h.standIn.control.webUi.saveForm(page, { priority: 'P1' }, { onConflict: 'accept-yours' });
    expect(entries(id).slice(-2)).toEqual([
      bEntry,
      '2026-12-10T13:04:00Z|status|Open_Assigned|Open_New|seed_sally_id|person',
    ]);
    await sync();
    const values = await bridgeView(id);
    expect(values?.sla_acknowledged_at_c).toBe(Date.parse('2026-12-10T13:02:00Z'));
    expect(values?.sla_data_problem_c ?? null).toBeNull();
  });
});

describe('a person editing a field the bridge or the hook writes (R2)', () => {
  it('through inline edit, the 8.x record view and mass update: put back at once, and the next sync writes nothing', async () => {
    const id = phoneCall('Bridge fields', '2026-12-11');
    await sync();
    const before = { ...row(id) };
    expect(before.sla_response_status_c).toBe('pending');
    at('2026-12-11T13:05:00Z');
    const ui = h.standIn.control.webUi;
    ui.inlineEdit('Cases', id, 'sla_response_status_c', 'met', NEW_YORK);
    ui.inlineEdit('Cases', id, 'sla_response_due_c', '11/12/2026 09:00', NEW_YORK);
    ui.saveForm(ui.openRecordView8(id, LONDON), { sla_explanation_c: 'typed by hand', sla_change_log_c: '' });
    ui.massUpdate('Cases', [id], { sla_coverage_c: 'none' }, KOLKATA);
    for (const field of [
      'sla_response_status_c',
      'sla_response_due_c',
      'sla_explanation_c',
      'sla_change_log_c',
      'sla_coverage_c',
    ]) {
      expect(row(id)?.[field]).toBe(before[field]);
    }
    expect((await sync()).records).toEqual([]);
  });
});

describe("the bridge's change log continuity check (issue 14 §6)", () => {
  it('a log whose entry does not follow the previous one for its field makes the case not computed, naming the entry', async () => {
    at('2026-12-12T09:00:00Z');
    // An integration creates a case with a log copied from elsewhere: B's entry is missing.
    const id = h.standIn.control.staffCreate(
      'Cases',
      {
        name: 'Copied log',
        status: 'Open_Pending Input',
        account_id: accountId,
        sla_severity_c: '2',
        sla_change_log_c: [
          '2026-12-12T08:00:00Z|status||Open_New|seed_sally_id|person',
          '2026-12-12T08:00:00Z|severity||2|seed_sally_id|person',
          '2026-12-12T08:30:00Z|status|Open_Assigned|Open_Pending Input|seed_sally_id|person',
        ].join(';'),
      },
      { actor: 'api', userId: 'seed_sally_id' },
    ).id;
    await sync();
    const values = await bridgeView(id);
    expect(values?.sla_data_problem_c).toMatch(/^not computed: /);
    expect(values?.sla_data_problem_c).toContain(
      'change log entry 3: status from Open_Assigned does not match the previous entry, which set it to Open_New',
    );
  });
});
