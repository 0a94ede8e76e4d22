import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StandIn, startStandIn } from '../../../bridge/src/standin/index.js';

/**
 * The stand-in's SuiteCRM 8.8 save paths besides the record view's Save
 * (web-ui/suitecrm8-saves.ts), over the control API, with what each posts.
 */
const T0 = '2026-12-07T10:20:31Z';
let standIn: StandIn;
let accountId: string;

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${standIn.url}/__standin${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  standIn = await startStandIn({ scale: false, now: T0, clock: 'frozen', suitecrm: 8 });
  accountId = standIn.control.staffCreate('Accounts', { name: 'Acme' }).id;
});
afterAll(async () => standIn?.close());

describe('SuiteCRM 8 saves over the control API (control/web-ui-routes.ts)', () => {
  it('creates from the subpanel, edits a cell with the pencil, mass-updates, and refuses what 8.x has no input for', async () => {
    const created = await post('/web-ui/subpanel-create-8', {
      accountId,
      values: { name: 'From the subpanel', status: 'Open_New' },
      userId: 'seed_will_id',
    });
    expect(created.status).toBe(200);
    const record = created.body.record as Record<string, string> & { id: string };
    expect(record.account_id).toBe(accountId);
    // The create view posts its default for every cell nobody touched.
    expect(record.sla_environment_c).toBe('unknown');
    expect(record.sla_reported_at_c).toBe('2026-12-07 10:20:31');

    const form = (await post('/web-ui/record-view-8/open', { caseId: record.id, userId: 'seed_sally_id' }))
      .body.form;
    const edited = await post('/web-ui/record-view-8/inline-edit', { form, field: 'priority', value: 'P1' });
    expect(edited.body.outcome).toBe('saved');
    expect(standIn.control.record('Cases', record.id)?.priority).toBe('P1');
    const noPencil = await post('/web-ui/record-view-8/inline-edit', {
      form,
      field: 'case_number',
      value: '9',
    });
    expect(noPencil.status).toBe(400);

    const other = standIn.control.staffCreate('Cases', { name: 'Other', status: 'Open_New' }).id;
    const updated = await post('/web-ui/mass-update-8', {
      module: 'Cases',
      ids: [record.id, other],
      values: { status: 'Open_Assigned', priority: '' },
      userId: 'seed_will_id',
    });
    expect((updated.body.records as Array<Record<string, string>>).map((row) => row.status)).toEqual([
      'Open_Assigned',
      'Open_Assigned',
    ]);
    expect(standIn.control.record('Cases', record.id)?.priority).toBe('P1');
    expect(
      (
        await post('/web-ui/subpanel-create-8', {
          accountId,
          values: { update_text: 'not a cell' },
          userId: 'seed_will_id',
        })
      ).status,
    ).toBe(400);
  });
});
