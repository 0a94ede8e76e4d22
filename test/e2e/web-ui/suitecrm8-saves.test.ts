import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBack, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * The real bridge against the stand-in's SuiteCRM 8 mode while staff work in the Angular UI:
 * every 8.8 save path that is not the record view's own Save (the table in docs/suitecrm-8.md;
 * the models are bridge/src/standin/web-ui/suitecrm8-saves.ts). Each path is
 * checked for the same four things: the Cases hook ran (fields the bridge or the hook own stay
 * as stored, even when the request posts other values), the change log names the person,
 * acknowledgement comes from the status change's minute, and a Pending Input pause is paused
 * and counted. The full-post paths also get the stale-form sequence (A opens, B assigns, A saves).
 */
let h: SyncHarness;
let accountId: string;
const SALLY = 'seed_sally_id';
const WILL = 'seed_will_id';

const sync = async () => h.engine.run(h.lease);
const row = (id: string) => h.standIn.control.record('Cases', id);
const entries = (id: string) => (row(id)?.sla_change_log_c ?? '').split(';');
const bridgeView = async (id: string) => (await readBack(h, 'Cases')).get(id);
const at = (iso: string) => h.standIn.control.setNow(iso);
const ui = () => h.standIn.control.webUi;

/** Values no person can set: the request posts them, the hook must put the stored ones back. */
const FORGED = { sla_response_status_c: 'met', sla_coverage_c: 'none', sla_explanation_c: 'typed by hand' };
const OWNED = [...Object.keys(FORGED), 'sla_response_due_c', 'sla_acknowledged_at_c', 'sla_change_log_c'];
const ownedOf = (id: string) => Object.fromEntries(OWNED.map((field) => [field, row(id)?.[field] ?? null]));

beforeAll(async () => {
  h = await startSyncHarness({
    suitecrm: 8,
    now: '2026-12-07T09:00:00Z',
    trackingStart: '2026-01-01',
    standIn: { seed: 11, scale: { accounts: 2 } },
  });
  h.lease = await h.store.leases.renew(h.lease, 30 * 86_400_000);
  h.standIn.control.setUserPreferences(SALLY, { timezone: 'Europe/London', dateFormat: 'd/m/Y' });
  h.standIn.control.setUserPreferences(WILL, { timezone: 'America/New_York', dateFormat: 'd/m/Y' });
  accountId = h.standIn.control.staffCreate('Accounts', {
    name: 'Acme Widgets',
    sla_plan_c: 'enterprise',
    sla_contract_start_c: '2026-03-01',
  }).id;
  await sync();
});
afterAll(async () => h?.close());

/** A case created from the account's Cases subpanel at 10:20:31 on `day`, then synced. */
async function subpanelCase(name: string, day: string): Promise<string> {
  at(`${day}T10:20:31Z`);
  const id = ui().createFromSubpanel8(
    accountId,
    { name, status: 'Open_New', priority: 'P2', sla_severity_c: '2', sla_environment_c: 'production' },
    SALLY,
  ).id;
  await sync();
  return id;
}

/** Pending Input from 11:00 to 11:30 through `save`, with the bridge's view after each sync. */
async function pauseAndResume(id: string, day: string, save: (status: string) => void) {
  at(`${day}T11:00:20Z`);
  save('Open_Pending Input');
  await sync();
  const paused = await bridgeView(id);
  at(`${day}T11:30:45Z`);
  save('Open_Assigned');
  await sync();
  return { paused, resumed: await bridgeView(id) };
}

describe('create from the Cases subpanel of an account (subpanel/actions/create/create.action.ts, CreateButtonMapper.php, RecordHandler::saveRecord without an id)', () => {
  it('links the account, takes the creation time as Reported at, blanks forged bridge values and logs the person', async () => {
    at('2026-12-07T10:05:12Z');
    const id = ui().createFromSubpanel8(
      accountId,
      {
        name: 'From the subpanel',
        status: 'Open_New',
        sla_severity_c: '2',
        ...FORGED,
      },
      SALLY,
    ).id;
    const created = row(id);
    expect(created?.account_id).toBe(accountId);
    expect(created?.assigned_user_id).toBe(SALLY);
    expect(created?.sla_reported_at_c).toBe('2026-12-07 10:05:12');
    for (const field of Object.keys(FORGED)) expect(created?.[field] ?? null).toBeNull();
    expect(entries(id)).toEqual([
      '2026-12-07T10:05:12Z|status||Open_New|seed_sally_id|person',
      '2026-12-07T10:05:12Z|severity||2|seed_sally_id|person',
      '2026-12-07T10:05:12Z|environment||unknown|seed_sally_id|person',
      '2026-12-07T10:05:12Z|cause||unknown|seed_sally_id|person',
      '2026-12-07T10:05:12Z|reportable||yes|seed_sally_id|person',
    ]);
    await sync();
    const values = await bridgeView(id);
    expect(values?.sla_response_status_c).toBe('pending');
    expect(values?.sla_response_due_c).toBeTypeOf('number');
    expect(values?.sla_data_problem_c ?? null).toBeNull();
  });
});

describe('inline edit on the record view (field-layout.component.html pencil → edit action → saveRecord of every attribute)', () => {
  it('acknowledges, pauses and resumes, logs the person, and puts forged bridge values back', async () => {
    const day = '2026-12-08';
    const id = await subpanelCase('Record view pencil', day);
    at(`${day}T10:41:09Z`);
    const before = ownedOf(id);
    const page = ui().openRecordView8(id, WILL);
    // The page holds forged values as if a script had changed its attributes; the cell edited is status.
    Object.assign(page.fields, FORGED);
    expect(ui().inlineEditRecordView8(page, 'status', 'Open_Assigned').outcome).toBe('saved');
    expect(entries(id).at(-1)).toBe(`${day}T10:41:09Z|status|Open_New|Open_Assigned|seed_will_id|person`);
    for (const field of Object.keys(FORGED)) expect(row(id)?.[field]).toBe(before[field]);
    await sync();
    expect((await bridgeView(id))?.sla_acknowledged_at_c).toBe(Date.parse(`${day}T10:41:00Z`));

    const { paused, resumed } = await pauseAndResume(id, day, (status) => {
      ui().inlineEditRecordView8(ui().openRecordView8(id, SALLY), 'status', status);
    });
    expect(paused?.sla_resolution_status_c).toBe('paused');
    expect(paused?.sla_resolution_due_c ?? null).toBeNull();
    expect(resumed?.sla_resolution_status_c).toBe('pending');
    expect(resumed?.sla_paused_minutes_c).toBe(30);
    expect(entries(id).slice(-2)).toEqual([
      `${day}T11:00:20Z|status|Open_Assigned|Open_Pending Input|seed_sally_id|person`,
      `${day}T11:30:45Z|status|Open_Pending Input|Open_Assigned|seed_sally_id|person`,
    ]);
  });

  it('has no pencil on a cell the bridge writes', async () => {
    const id = await subpanelCase('No pencil', '2026-12-09');
    expect(() =>
      ui().inlineEditRecordView8(ui().openRecordView8(id, WILL), 'sla_response_due_c', ''),
    ).toThrow(/read-only/);
  });

  it("stale page: A opens, B assigns, A edits priority inline: B's entry, status and acknowledgement stay", async () => {
    const day = '2026-12-10';
    const id = await subpanelCase('Stale pencil', day);
    const page = ui().openRecordView8(id, SALLY);
    at(`${day}T10:45:10Z`);
    ui().inlineEditRecordView8(ui().openRecordView8(id, WILL), 'status', 'Open_Assigned');
    const bEntry = entries(id).at(-1);
    await sync();
    at(`${day}T10:50:00Z`);
    expect(ui().inlineEditRecordView8(page, 'priority', 'P1').outcome).toBe('saved');
    expect(row(id)?.priority).toBe('P1');
    expect(row(id)?.status).toBe('Open_Assigned');
    expect(entries(id).at(-1)).toBe(bEntry);
    await sync();
    const values = await bridgeView(id);
    expect(values?.sla_acknowledged_at_c).toBe(Date.parse(`${day}T10:45:00Z`));
    expect(values?.sla_response_status_c).toBe('met');
    expect(values?.sla_data_problem_c ?? null).toBeNull();
  });
});

describe("the record view's Save after a stale page changed status on purpose (RecordHandler::saveRecord)", () => {
  it("A opens, B assigns, A sets Pending Input: logged after B's entry, from Assigned, and the case pauses", async () => {
    const day = '2026-12-11';
    const id = await subpanelCase('Stale page, real change', day);
    const page = ui().openRecordView8(id, SALLY);
    at(`${day}T10:45:10Z`);
    ui().inlineEditRecordView8(ui().openRecordView8(id, WILL), 'status', 'Open_Assigned');
    const bEntry = entries(id).at(-1);
    at(`${day}T11:00:20Z`);
    ui().saveForm(page, { status: 'Open_Pending Input', ...FORGED });
    expect(entries(id).slice(-2)).toEqual([
      bEntry,
      `${day}T11:00:20Z|status|Open_Assigned|Open_Pending Input|seed_sally_id|person`,
    ]);
    expect(row(id)?.sla_explanation_c).not.toBe(FORGED.sla_explanation_c);
    await sync();
    const values = await bridgeView(id);
    expect(values?.sla_acknowledged_at_c).toBe(Date.parse(`${day}T10:45:00Z`));
    expect(values?.sla_resolution_status_c).toBe('paused');
    expect(values?.sla_data_problem_c ?? null).toBeNull();
  });
});

describe('the list view bulk action "Mass update" (MassUpdateBulkAction.php, MassUpdateHandler.php, MassUpdatePort::runMassUpdate)', () => {
  it('acknowledges, pauses and resumes every selected case, logs the person, and ignores forged bridge values', async () => {
    const day = '2026-12-14';
    const first = await subpanelCase('Bulk one', day);
    const second = await subpanelCase('Bulk two', day);
    const before = [ownedOf(first), ownedOf(second)];
    at(`${day}T10:41:09Z`);
    ui().massUpdate8('Cases', [first, second], { status: 'Open_Assigned', priority: '', ...FORGED }, WILL);
    for (const [index, id] of [first, second].entries()) {
      expect(row(id)?.status).toBe('Open_Assigned');
      expect(row(id)?.priority).toBe('P2');
      for (const field of Object.keys(FORGED)) expect(row(id)?.[field]).toBe(before[index]?.[field]);
      expect(entries(id).at(-1)).toBe(`${day}T10:41:09Z|status|Open_New|Open_Assigned|seed_will_id|person`);
    }
    await sync();
    for (const id of [first, second])
      expect((await bridgeView(id))?.sla_acknowledged_at_c).toBe(Date.parse(`${day}T10:41:00Z`));

    const { paused, resumed } = await pauseAndResume(first, day, (status) => {
      ui().massUpdate8('Cases', [first, second], { status }, SALLY);
    });
    expect(paused?.sla_resolution_status_c).toBe('paused');
    expect(resumed?.sla_paused_minutes_c).toBe(30);
    expect((await bridgeView(second))?.sla_paused_minutes_c).toBe(30);
    expect(entries(second).at(-1)).toBe(
      `${day}T11:30:45Z|status|Open_Pending Input|Open_Assigned|seed_sally_id|person`,
    );
  });

  it('needs two to 200 selected records, as the bulk action offers it', async () => {
    const id = await subpanelCase('Bulk of one', '2026-12-15');
    expect(() => ui().massUpdate8('Cases', [id], { status: 'Open_Assigned' }, WILL)).toThrow(/2 to 200/);
  });
});
