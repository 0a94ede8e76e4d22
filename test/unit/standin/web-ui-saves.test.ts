import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../../bridge/src/standin/index.js';
import { toDisplayDatetime, userDatetimeToDbValue } from '../../../bridge/src/standin/output/user-format.js';
import { PACKAGE_EDIT_VIEW_FIELDS } from '../../../bridge/src/standin/web-ui/case-forms.js';
import { widgetValue } from '../../../bridge/src/standin/web-ui/datetime-combo.js';

/**
 * The stand-in's web UI saves, each following SuiteCRM 7.14.6's source (named per test), with
 * the Cases hook's rules (the hook spec's R1-R6) applied to every one as actor `person`.
 */
const T0 = '2026-12-07T12:53:27Z';
let standIn: StandIn;
let caseId: string;
/** Entries the quick create wrote (status and the dropdowns' defaults, from blank). */
let created: number;

const log = (id: string) => (standIn.control.record('Cases', id)?.sla_change_log_c ?? '').split(';');

beforeAll(async () => {
  standIn = await startStandIn({ scale: false, now: T0, clock: 'frozen' });
  standIn.control.setUserPreferences('seed_sally_id', { timezone: 'Europe/London', dateFormat: 'd/m/Y' });
  standIn.control.setUserPreferences('seed_will_id', { timezone: 'America/New_York', dateFormat: 'd/m/Y' });
  standIn.control.setUserPreferences('seed_max_id', { timezone: 'Asia/Kolkata', timeFormat: 'h:ia' });
});
afterAll(async () => standIn?.close());
beforeEach(() => {
  standIn.control.setNow(T0);
  caseId = standIn.control.webUi.quickCreate(
    { name: 'Phone call', status: 'Open_New', priority: 'P2' },
    'seed_sally_id',
  ).id;
  created = log(caseId).length;
  standIn.control.advance(5 * 60_000);
});

describe('the Datetimecombo widget (jssource/src_files/include/SugarFields/Fields/Datetimecombo/Datetimecombo.js)', () => {
  it('rounds the minutes UP to the next quarter hour, and keeps a quarter as it is', () => {
    expect(widgetValue('07/12/2026 12:53', 'H:i')).toBe('07/12/2026 13:00');
    expect(widgetValue('07/12/2026 12:01', 'H:i')).toBe('07/12/2026 12:15');
    expect(widgetValue('07/12/2026 12:45', 'H:i')).toBe('07/12/2026 12:45');
    expect(widgetValue('07/12/2026 12:00', 'H:i')).toBe('07/12/2026 12:00');
    expect(widgetValue('12/07/2026 06:23pm', 'h:ia')).toBe('12/07/2026 06:30pm');
    expect(widgetValue('', 'H:i')).toBe('');
  });

  it('at 23:46-23:59 selects no hour, and update() then picks hour 11 of the same day (allowEmptyHM)', () => {
    expect(widgetValue('07/12/2026 23:53', 'H:i')).toBe('07/12/2026 11:00');
    expect(widgetValue('12/07/2026 11:53pm', 'h:ia')).toBe('12/07/2026 12:00am');
    expect(widgetValue('12/07/2026 11:53am', 'h:ia')).toBe('12/07/2026 12:00pm');
  });
});

describe('user formats and zones (include/TimeDate.php to_display_date_time, to_db)', () => {
  it('shows a database datetime in the user zone and formats, without seconds, and reads it back', () => {
    const london = { timezone: 'Europe/London', dateFormat: 'd/m/Y', timeFormat: 'H:i' };
    const newYork = { timezone: 'America/New_York', dateFormat: 'd/m/Y', timeFormat: 'H:i' };
    const kolkata = { timezone: 'Asia/Kolkata', dateFormat: 'm/d/Y', timeFormat: 'h:ia' };
    expect(toDisplayDatetime('2026-12-07 12:53:27', london)).toBe('07/12/2026 12:53');
    expect(toDisplayDatetime('2026-12-07 12:53:27', newYork)).toBe('07/12/2026 07:53');
    expect(toDisplayDatetime('2026-12-07 12:53:27', kolkata)).toBe('12/07/2026 06:23pm');
    expect(userDatetimeToDbValue('07/12/2026 07:53', newYork)).toBe('2026-12-07 12:53:00');
    expect(userDatetimeToDbValue('12/07/2026 06:30pm', kolkata)).toBe('2026-12-07 13:00:00');
    expect(userDatetimeToDbValue('12/07/2026 06:30 pm', kolkata)).toBe('');
  });

  it('refuses a zone or a format SuiteCRM does not offer', () => {
    expect(() => standIn.control.setUserPreferences('seed_jim_id', { timezone: 'Mars/Olympus' })).toThrow(
      /time zone/,
    );
    expect(() => standIn.control.setUserPreferences('seed_jim_id', { dateFormat: 'Y-d-m' })).toThrow(
      /date format/,
    );
  });
});

describe('quick create (include/EditView/QuickCreate.php, modules/Cases/metadata/quickcreatedefs.php)', () => {
  it('creates the case with Reported at at the creation second and no bridge field, logged as the person', () => {
    const row = standIn.control.record('Cases', caseId);
    expect(row?.sla_reported_at_c).toBe('2026-12-07 12:53:27');
    expect(row?.sla_response_status_c).toBeNull();
    expect(log(caseId)[0]).toBe('2026-12-07T12:53:27Z|status||Open_New|seed_sally_id|person');
  });

  it('has no input for the SLA fields, which the package adds to the detail and edit views only', () => {
    expect(() => standIn.control.webUi.quickCreate({ sla_severity_c: '2' }, 'seed_sally_id')).toThrow(
      /no input/,
    );
  });
});

describe('edit-view saves (include/EditView/EditView2.php, modules/Cases/metadata/editviewdefs.php)', () => {
  it('posts the package panel fields staff write, and none the bridge or the hook writes (SupportSla_Layout::panelCells)', () => {
    const php = `require 'suitecrm-module/custom/include/SupportSla/SupportSla_Contract.php';
      $out = array(); foreach (SupportSla_Contract::LAYOUT_PANELS['Cases']['fields'] as $f) { if (!$f['readonly']) { $out[] = $f['name']; } }
      print(json_encode($out));`;
    const editable = JSON.parse(execFileSync('php', ['-r', php], { encoding: 'utf8' })) as string[];
    expect([...PACKAGE_EDIT_VIEW_FIELDS].sort()).toEqual([...editable].sort());
    const form = standIn.control.webUi.openEditView(caseId, 'seed_sally_id');
    expect(form.fields.sla_response_status_c).toBeUndefined();
    expect(form.fields.sla_change_log_c).toBeUndefined();
    expect(form.fields.sla_reported_at_c).toBe('07/12/2026 13:00'); // 12:53 shown, rounded by the widget
  });

  it('keeps Reported at 12:53:27 through saves by staff in London, New York and Kolkata', () => {
    const ui = standIn.control.webUi;
    ui.saveEditView(caseId, 'seed_sally_id', { sla_severity_c: '2' });
    ui.saveEditView(caseId, 'seed_will_id', { priority: 'P1' });
    ui.saveEditView(caseId, 'seed_max_id', { sla_cause_c: 'product' });
    ui.saveEditView(caseId, 'seed_will_id', { status: 'Open_Assigned' });
    const row = standIn.control.record('Cases', caseId);
    expect(row?.sla_reported_at_c).toBe('2026-12-07 12:53:27');
    expect(row?.priority).toBe('P1');
    expect(log(caseId).slice(created)).toEqual([
      '2026-12-07T12:58:27Z|severity||2|seed_sally_id|person',
      '2026-12-07T12:58:27Z|cause|unknown|product|seed_max_id|person',
      '2026-12-07T12:58:27Z|status|Open_New|Open_Assigned|seed_will_id|person',
    ]);
  });

  it("keeps a person's real change of Reported at, read in their zone (Asia/Kolkata, +05:30)", () => {
    standIn.control.webUi.saveEditView(caseId, 'seed_max_id', { sla_reported_at_c: '12/07/2026 06:00pm' });
    expect(standIn.control.record('Cases', caseId)?.sla_reported_at_c).toBe('2026-12-07 12:30:00');
  });

  it('shows the 7.14 lock conflict to a stale form; "accept yours" saves it and B\'s entry stays (data/SugarBean.php _checkOptimisticLocking, modules/OptimisticLock/LockResolve.php)', () => {
    const ui = standIn.control.webUi;
    const stale = ui.openEditView(caseId, 'seed_sally_id');
    standIn.control.advance(60_000);
    ui.inlineEdit('Cases', caseId, 'status', 'Open_Assigned', 'seed_will_id');
    standIn.control.advance(60_000);
    const first = ui.saveForm(stale, { priority: 'P1' });
    expect(first.outcome).toBe('conflict');
    expect(standIn.control.record('Cases', caseId)?.priority).toBe('P2');
    const forced = ui.saveForm(stale, { priority: 'P1' }, { onConflict: 'accept-yours' });
    expect(forced.outcome).toBe('saved');
    // The stale form re-posts status New: logged after B's entry, which stays.
    expect(log(caseId).slice(created)).toEqual([
      '2026-12-07T12:59:27Z|status|Open_New|Open_Assigned|seed_will_id|person',
      '2026-12-07T13:00:27Z|status|Open_Assigned|Open_New|seed_sally_id|person',
    ]);
  });
});

describe("SuiteCRM 8's record view posts every attribute (core/app record view, GraphQL saveRecord)", () => {
  it("a stale page (A opened, B assigned, A saves a priority change): B's status and entry stay, A's change is saved, nothing appended", () => {
    const ui = standIn.control.webUi;
    const stale = ui.openRecordView8(caseId, 'seed_sally_id');
    expect(stale.fields.sla_change_log_c).toContain('|status||Open_New|');
    standIn.control.advance(60_000);
    ui.saveEditView(caseId, 'seed_will_id', { status: 'Open_Assigned' });
    standIn.control.advance(60_000);
    const saved = ui.saveForm(stale, { priority: 'P1', sla_response_status_c: 'breached' });
    expect(saved.outcome).toBe('saved');
    const row = standIn.control.record('Cases', caseId);
    expect(row?.priority).toBe('P1');
    expect(row?.status).toBe('Open_Assigned');
    expect(row?.sla_response_status_c).toBeNull(); // R2: put back
    expect(log(caseId).slice(created)).toEqual([
      '2026-12-07T12:59:27Z|status|Open_New|Open_Assigned|seed_will_id|person',
    ]);
  });

  it('a stale page where A really changes the status: taken, logged from the stored status after B', () => {
    const ui = standIn.control.webUi;
    const stale = ui.openRecordView8(caseId, 'seed_sally_id');
    standIn.control.advance(60_000);
    ui.inlineEdit('Cases', caseId, 'status', 'Open_Assigned', 'seed_will_id');
    standIn.control.advance(60_000);
    ui.saveForm(stale, { status: 'Open_Pending Input' });
    expect(log(caseId).slice(created)).toEqual([
      '2026-12-07T12:59:27Z|status|Open_New|Open_Assigned|seed_will_id|person',
      '2026-12-07T13:00:27Z|status|Open_Assigned|Open_Pending Input|seed_sally_id|person',
    ]);
  });
});

describe('inline edit (include/InlineEditing/InlineEditing.php saveField)', () => {
  it('of Priority keeps Reported at and logs nothing; of status logs the person', () => {
    const ui = standIn.control.webUi;
    ui.inlineEdit('Cases', caseId, 'priority', 'P3', 'seed_will_id');
    ui.inlineEdit('Cases', caseId, 'status', 'Open_Pending Input', 'seed_will_id');
    const row = standIn.control.record('Cases', caseId);
    expect(row?.priority).toBe('P3');
    expect(row?.sla_reported_at_c).toBe('2026-12-07 12:53:27');
    expect(row?.modified_user_id).toBe('seed_will_id');
    expect(log(caseId).slice(created)).toEqual([
      '2026-12-07T12:58:27Z|status|Open_New|Open_Pending Input|seed_will_id|person',
    ]);
  });

  it('of Reported at goes through the widget: the rounded re-post keeps the stored value (R3)', () => {
    standIn.control.webUi.inlineEdit(
      'Cases',
      caseId,
      'sla_reported_at_c',
      '07/12/2026 12:53',
      'seed_sally_id',
    );
    expect(standIn.control.record('Cases', caseId)?.sla_reported_at_c).toBe('2026-12-07 12:53:27');
  });

  it('of a field the bridge or the hook writes is put back (R2)', () => {
    const ui = standIn.control.webUi;
    standIn.control.staffEdit(
      'Cases',
      caseId,
      { sla_response_status_c: 'pending' },
      { actor: 'api', userId: '1' },
    );
    ui.inlineEdit('Cases', caseId, 'sla_response_status_c', 'met', 'seed_will_id');
    ui.inlineEdit('Cases', caseId, 'sla_change_log_c', '', 'seed_will_id');
    const row = standIn.control.record('Cases', caseId);
    expect(row?.sla_response_status_c).toBe('pending');
    expect(log(caseId)[0]).toBe('2026-12-07T12:53:27Z|status||Open_New|seed_sally_id|person');
  });
});

describe('mass update (include/MassUpdate.php)', () => {
  it('sets one field on every selected case, each logged as the person, Reported at kept', () => {
    const other = standIn.control.webUi.quickCreate(
      { name: 'Second', status: 'Open_New' },
      'seed_sally_id',
    ).id;
    const rows = standIn.control.webUi.massUpdate(
      'Cases',
      [caseId, other],
      { status: 'Open_Assigned', priority: '' },
      'seed_will_id',
    );
    expect(rows.map((row) => row.status)).toEqual(['Open_Assigned', 'Open_Assigned']);
    expect(rows[0]?.sla_reported_at_c).toBe('2026-12-07 12:53:27');
    expect(rows[0]?.priority).toBe('P2');
    expect(log(other).at(-1)).toBe('2026-12-07T12:58:27Z|status|Open_New|Open_Assigned|seed_will_id|person');
  });
});

describe('the web UI saves over the control API (control/web-ui-routes.ts)', () => {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${standIn.url}/__standin${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('sets preferences, saves an edit view and a stale form, and refuses bad input with 400', async () => {
    expect((await post('/users/seed_jim_id/preferences', { timezone: 'Asia/Kolkata' })).status).toBe(200);
    const saved = await post('/web-ui/edit-view', {
      caseId,
      userId: 'seed_jim_id',
      changes: { priority: 'P1' },
    });
    expect(saved.status).toBe(200);
    expect((saved.body.record as Record<string, string>).sla_reported_at_c).toBe('2026-12-07 12:53:27');
    const opened = await post('/web-ui/record-view-8/open', { caseId, userId: 'seed_sally_id' });
    const form = opened.body.form;
    const result = await post('/web-ui/form/save', { form, changes: { priority: 'P3' } });
    expect(result.body.outcome).toBe('saved');
    expect(standIn.control.record('Cases', caseId)?.priority).toBe('P3');
    expect(
      (
        await post('/web-ui/inline-edit', {
          module: 'Cases',
          id: caseId,
          field: 'nope',
          userId: 'seed_jim_id',
        })
      ).status,
    ).toBe(400);
    expect((await post('/users/seed_jim_id/preferences', { timeFormat: 'HH:mm' })).status).toBe(400);
  });
});
