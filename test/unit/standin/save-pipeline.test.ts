import { describe, expect, it } from 'vitest';
import { buildStore } from '../../../bridge/src/standin/index.js';
import type { ModuleName } from '../../../bridge/src/standin/schema/module-defs.js';
import { saveRecord } from '../../../bridge/src/standin/write/record-writer.js';

const T0 = Date.parse('2026-11-25T13:02:04Z');

function setup() {
  const store = buildStore(
    {
      scale: false,
      records: { Accounts: [{ id: 'a1', name: 'Plain Account', date_modified: '2026-11-01 10:00:00' }] },
    },
    T0,
  );
  let n = 0;
  const save = (module: ModuleName, id: string | undefined, attributes: Record<string, unknown>, at = T0) =>
    saveRecord(
      store,
      { module, existing: id === undefined ? undefined : store.get(module, id), attributes },
      {
        now: at,
        user: store.user('1'),
        actor: 'api',
        newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      },
    );
  return { store, save };
}

describe('what a V8 save stores (fixtures items 20, 31-33, 37)', () => {
  it('sets date_modified to now on every save; an ISO date_modified is dropped, a database-format one is kept', () => {
    const { save } = setup();
    expect(save('Accounts', 'a1', { name: 'x' }).date_modified).toBe('2026-11-25 13:02:04');
    expect(
      save('Accounts', 'a1', { date_modified: '2020-01-02T03:04:05+00:00' }, T0 + 60_000).date_modified,
    ).toBe('2026-11-25 13:03:04');
    // SugarBean::save honours a Y-m-d H:i:s date_modified (update_date_modified is off when one is sent).
    expect(save('Accounts', 'a1', { date_modified: '2020-01-02 03:04:05' }).date_modified).toBe(
      '2020-01-02 03:04:05',
    );
  });

  it('ignores JSON null, clears with "" (custom varchar to "", core column to NULL)', () => {
    const { save } = setup();
    save('Accounts', 'a1', { sla_product_versions_c: '7.14', description: 'text' });
    const kept = save('Accounts', 'a1', { sla_product_versions_c: null, description: null });
    expect(kept.sla_product_versions_c).toBe('7.14');
    expect(kept.description).toBe('text');
    const cleared = save('Accounts', 'a1', { sla_product_versions_c: '', description: '' });
    expect(cleared.sla_product_versions_c).toBe('');
    expect(cleared.description).toBeNull();
  });

  it('gives custom columns their defaults and blanks on the first save: bools "0", strings "", numbers stay NULL', () => {
    const { store, save } = setup();
    expect(store.get('Accounts', 'a1')?.sla_will_not_renew_c).toBeUndefined();
    const saved = save('Accounts', 'a1', { name: 'touched' });
    expect(saved.sla_will_not_renew_c).toBe('0');
    expect(saved.sla_refunded_c).toBe('0');
    expect(saved.sla_product_versions_c).toBe('');
    expect(saved.sla_hours_used_c).toBeNull();
    expect(saved.jjwg_maps_lat_c).toBeNull();
    const created = save('Accounts', undefined, { name: 'New' });
    expect(created.jjwg_maps_lat_c).toBe('0.00000000');
    expect(created.sla_will_not_renew_c).toBe('0');
    expect(created.sla_plan_c).toBeNull();
    expect(created.assigned_user_id).toBeNull();
  });

  it('does not check enum values or types: "abc" into an int is 0, a decimal keeps its precision', () => {
    const { save } = setup();
    const saved = save('Accounts', 'a1', { sla_plan_c: 'platinum', sla_reserved_hours_c: 12.5 });
    expect(saved.sla_plan_c).toBe('platinum');
    expect(saved.sla_reserved_hours_c).toBe('12.50');
    const aCase = save('Cases', undefined, {
      name: 'c',
      sla_response_minutes_c: 'abc',
      sla_paused_minutes_c: '',
    });
    expect(aCase.sla_response_minutes_c).toBe('0');
    expect(aCase.sla_paused_minutes_c).toBeNull();
  });

  it('trims and truncates core varchars, numbers cases in order, keeps the creator', () => {
    const { save } = setup();
    const long = save('Accounts', undefined, { name: `  ${'n'.repeat(200)}  ` });
    expect(long.name).toBe('n'.repeat(150));
    expect(long.created_by).toBe('1');
    const first = save('Cases', undefined, { name: 'one' });
    const second = save('Cases', undefined, { name: 'two' });
    expect(Number(second.case_number)).toBe(Number(first.case_number) + 1);
    expect(first.state).toBe('Open');
  });

  it('reads datetimes only as Y-m-d H:i:s or the user format; ISO strings store NULL', () => {
    const { save } = setup();
    const aCase = save('Cases', undefined, { name: 'c', sla_response_due_c: '2026-11-26 09:30:00' });
    expect(aCase.sla_response_due_c).toBe('2026-11-26 09:30:00');
    const iso = save('Cases', aCase.id, { sla_response_due_c: '2026-11-26T09:30:00Z' });
    expect(iso.sla_response_due_c).toBeNull();
    const userFormat = save('Cases', aCase.id, { sla_response_due_c: '11/26/2026 10:15' });
    expect(userFormat.sla_response_due_c).toBe('2026-11-26 10:15:00');
  });

  it("fills a time entry's account from its case", () => {
    const { save } = setup();
    const aCase = save('Cases', undefined, { name: 'c', account_id: 'a1' });
    const entry = save('SLA_TimeEntries', undefined, {
      name: 't',
      case_id: aCase.id,
      hours: 1.25,
      work_date: '2026-11-24',
    });
    expect(entry.account_id).toBe('a1');
    expect(entry.hours).toBe('1.25');
    expect(entry.category).toBe('support');
    expect(entry.counts_against_plan).toBe('0');
  });

  it("fills a blank time entry subject from its case, as the package's hook does (SupportSla_TimeEntrySubject)", () => {
    const { save } = setup();
    const aCase = save('Cases', undefined, { name: 'Printer fails', account_id: 'a1' });
    const blank = save('SLA_TimeEntries', undefined, {
      case_id: aCase.id,
      hours: 1,
      work_date: '2026-11-24',
    });
    expect(blank.name).toBe(`#${aCase.case_number}: Printer fails`);
    const typed = save('SLA_TimeEntries', undefined, {
      name: 'Call with the customer',
      case_id: aCase.id,
      hours: 1,
      work_date: '2026-11-24',
    });
    expect(typed.name).toBe('Call with the customer');
    const noCase = save('SLA_TimeEntries', undefined, { name: '  ', hours: 1, work_date: '2026-11-24' });
    expect(noCase.name ?? '').toBe('');
  });

  it('soft-deletes with "deleted": 1 in a PATCH', () => {
    const { store, save } = setup();
    save('Accounts', 'a1', { deleted: 1 });
    expect(store.table('Accounts').getLive('a1')).toBeUndefined();
    expect(store.get('Accounts', 'a1')?.deleted).toBe('1');
  });
});
