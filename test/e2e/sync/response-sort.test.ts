import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESPONSE_SORT_BLANK } from '../../../bridge/src/domain/case/response-sort-key.js';
import { rawRequest } from '../../support/raw-http.js';
import { LAB_CLIENT, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * The Response due sort key (docs/staff-view.md#sorting-by-response-due) written by the real
 * bridge, and what it changes in an ascending sort. The stand-in's list sort puts NULL first
 * like MySQL and MariaDB, so sorting on the due field itself puts cases without a due time on
 * top, and sorting on the key (what 7.14's list header asks for) puts them last.
 */
let h: SyncHarness;
const ids: Record<string, string> = {};

async function sortedIds(field: string): Promise<string[]> {
  const tokenAnswer = await rawRequest(h.standIn.url, {
    method: 'POST',
    path: '/Api/access_token',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      grant_type: 'client_credentials',
      client_id: LAB_CLIENT.clientId,
      client_secret: LAB_CLIENT.clientSecret,
    }),
  });
  const token = (JSON.parse(tokenAnswer.body) as { access_token: string }).access_token;
  const answer = await rawRequest(h.standIn.url, {
    method: 'GET',
    path: `/Api/V8/module/Cases?sort=${field}&fields[Cases]=name&page[size]=50&page[number]=1`,
    headers: { authorization: `Bearer ${token}` },
  });
  const wanted = new Set(Object.values(ids));
  return (JSON.parse(answer.body) as { data: Array<{ id: string }> }).data
    .map((record) => record.id)
    .filter((id) => wanted.has(id));
}

beforeAll(async () => {
  h = await startSyncHarness({
    now: '2026-12-07T09:00:00Z',
    trackingStart: '2026-01-01',
    standIn: { seed: 5, scale: false },
  });
  const control = h.standIn.control;
  const covered = control.staffCreate('Accounts', {
    name: 'Covered',
    sla_plan_c: 'enterprise',
    sla_contract_start_c: '2026-03-01',
  }).id;
  const uncovered = control.staffCreate('Accounts', { name: 'No plan' }).id;
  const create = (name: string, account: string, reportedAt: string) =>
    control.staffCreate(
      'Cases',
      { name, status: 'Open_New', account_id: account, sla_severity_c: '2', sla_reported_at_c: reportedAt },
      { actor: 'api', userId: '1' },
    ).id;
  ids.late = create('Due later', covered, '2026-12-07 08:30:00');
  ids.none = create('No plan, no due time', uncovered, '2026-12-07 08:00:00');
  ids.early = create('Due first', covered, '2026-12-07 08:00:00');
  await h.engine.run(h.lease);
});
afterAll(async () => h?.close());

describe('the Response due sort key', () => {
  it('holds the due time in UTC, and the blank value for a case with none', () => {
    const early = h.standIn.control.record('Cases', ids.early as string);
    expect(early?.sla_response_due_c).toMatch(/^2026-12-07 /);
    expect(early?.sla_response_sort_c).toBe(early?.sla_response_due_c);
    expect(h.standIn.control.record('Cases', ids.none as string)?.sla_response_due_c ?? null).toBeNull();
    expect(h.standIn.control.record('Cases', ids.none as string)?.sla_response_sort_c).toBe(
      RESPONSE_SORT_BLANK,
    );
  });

  it('ascending: blank due times first on the due field, last on the key', async () => {
    expect(await sortedIds('sla_response_due_c')).toEqual([ids.none, ids.early, ids.late]);
    expect(await sortedIds('sla_response_sort_c')).toEqual([ids.early, ids.late, ids.none]);
  });

  it('an install that gets the field later: the full pass writes it once per case, then nothing', async () => {
    for (const id of Object.values(ids))
      h.standIn.control.sqlUpdate('Cases', id, { sla_response_sort_c: null });
    const first = await h.engine.run(h.lease, { full: true });
    const written = first.records.filter((record) => record.fields.includes('sla_response_sort_c'));
    expect(written.map((record) => record.id).sort()).toEqual(Object.values(ids).sort());
    expect(written.every((record) => record.fields.length === 1)).toBe(true);
    const again = await h.engine.run(h.lease, { full: true });
    expect(again.records).toEqual([]);
  });
});
