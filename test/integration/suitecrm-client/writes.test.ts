import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetSecretsForTests } from '../../../bridge/src/logging/redact.js';
import {
  createSuiteCrmClient,
  rawAttributes,
  type SuiteCrmClient,
} from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import { replay, replayToken, testConfig } from '../../support/v8-replay.js';

/** Fixtures README items 13, 20, 30-34, 39: writes, relationships, meta endpoints and the API user. */

const NEW_CASE = '86791e5c-b5de-378f-a70c-6b06dcd31494';
const ACCOUNT = '98b77cc6-0a0a-69fc-44e8-6b06dc74447d';
const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-000000000001';

let client: SuiteCrmClient;
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
  forgetSecretsForTests();
});
function freshClient(): void {
  client = createSuiteCrmClient(testConfig());
  replayToken(1);
}

function bodyOf(name: string): string | undefined {
  return loadCapture(name).request.body;
}

describe('create and update (items 13, 31, 32)', () => {
  it('creates with POST {data:{type,attributes}} and reads the 201 answer (capture 90)', async () => {
    freshClient();
    const request = JSON.parse(bodyOf('90-case-create') as string) as {
      data: { attributes: Record<string, string> };
    };
    replay('90-case-create').matchHeader('content-type', 'application/vnd.api+json');
    const record = await client.createRecord('Cases', request.data.attributes, { parse: rawAttributes });
    expect(record.id).toBe(NEW_CASE);
    expect(record.type).toBe('Case');
    // Column defaults appear after the first save (item 33).
    expect(record.attributes.jjwg_maps_lat_c).toBe('0.00000000');
  });

  it('creates with a client-chosen id (capture 93)', async () => {
    freshClient();
    replay('93-case-create-client-id');
    const record = await client.createRecord(
      'Cases',
      { name: 'Lab case with client-chosen id' },
      { id: CLIENT_ID, parse: rawAttributes },
    );
    expect(record.id).toBe(CLIENT_ID);
  });

  it('updates with PATCH /V8/module, the id in the body, and accepts the 201 (capture 91)', async () => {
    freshClient();
    // The answer is SuiteCRM's 201 (not 200); the interceptor matches the captured body, so the
    // PATCH went to /V8/module with the id in it.
    replay('91-case-update-patch', { reply: { status: 201 } });
    const record = await client.updateRecord(
      'Cases',
      NEW_CASE,
      { status: 'Open_Assigned', priority: 'P1', assigned_user_id: 'seed_will_id' },
      { parse: (raw) => ({ status: raw.status, assignee: raw.assigned_user_name }) },
    );
    expect(record.id).toBe(NEW_CASE);
    expect(record.attributes).toEqual({ status: 'Open_Assigned', assignee: 'Will Westin' });
  });

  it('writes numbers as JSON numbers and custom fields like core ones (captures 112, 116)', async () => {
    freshClient();
    replay('112-case-patch-custom-fields');
    replay('116-account-patch-custom-field');
    const patched = await client.updateRecord(
      'Cases',
      NEW_CASE,
      { lab_external_ref_c: 'EXT-42', lab_score_c: 7 },
      { parse: rawAttributes },
    );
    expect(patched.attributes.lab_external_ref_c).toBe('EXT-42');
    const account = await client.updateRecord(
      'Accounts',
      '2a3821d9-44f7-b771-196b-6b06db3b7eb2',
      { lab_tier_c: 'Gold' },
      { parse: rawAttributes },
    );
    expect(account.type).toBe('Account');
  });

  it('clears a field with "" (capture 119)', async () => {
    freshClient();
    replay('119-case-patch-custom-empty-string');
    const record = await client.updateRecord(
      'Cases',
      NEW_CASE,
      { lab_external_ref_c: '' },
      { parse: rawAttributes },
    );
    expect(record.attributes.lab_external_ref_c).toBe('');
  });

  it('deletes with DELETE /V8/module/{M}/{id} (capture 97)', async () => {
    freshClient();
    replay('97-case-delete');
    await expect(
      client.deleteRecord('Cases', '8ca20acc-6d6e-4727-a52f-6b06dca8abea'),
    ).resolves.toBeUndefined();
  });
});

describe('relationship link and unlink by link name (item 30)', () => {
  it('links with POST .../relationships/{link} {data:{type,id}} (201, capture 125)', async () => {
    freshClient();
    replay('125-relationship-create-by-link');
    await expect(
      client.link('Accounts', ACCOUNT, 'cases', { module: 'Cases', id: CLIENT_ID }),
    ).resolves.toBeUndefined();
  });

  it('unlinks with DELETE .../relationships/{link}/{relatedId} (capture 127)', async () => {
    freshClient();
    replay('127-relationship-delete');
    await expect(client.unlink('Accounts', ACCOUNT, 'cases', CLIENT_ID)).resolves.toBeUndefined();
  });
});

describe('meta endpoints (item 34)', () => {
  it('reads field definitions; custom fields say source custom_fields; len may be a string (capture 110)', async () => {
    freshClient();
    replay('110-meta-fields-Cases-after-custom-fields');
    const fields = await client.fieldDefinitions('Cases');
    expect(fields.lab_score_c).toMatchObject({ source: 'custom_fields' });
    expect(fields.lab_external_ref_c).toMatchObject({ source: 'custom_fields' });
    expect(fields.name).toMatchObject({ type: 'name', dbType: 'varchar', len: 255, required: true });
    // "len" comes as 255 or "255" in the same answer: numbers either way.
    const raw = JSON.parse(loadCapture('110-meta-fields-Cases-after-custom-fields').response.body) as {
      data: { attributes: Record<string, { len?: unknown }> };
    };
    const lens = Object.values(raw.data.attributes).map((definition) => typeof definition.len);
    expect(lens).toContain('string');
    expect(lens).toContain('number');
    for (const definition of Object.values(fields)) {
      if (definition.len !== undefined) expect(Number.isInteger(definition.len)).toBe(true);
    }
  });

  it('reads both core meta/fields captures (21, 22)', async () => {
    freshClient();
    replay('21-meta-fields-Accounts');
    replay('22-meta-fields-Cases');
    expect((await client.fieldDefinitions('Accounts')).date_modified).toMatchObject({ type: 'datetime' });
    expect(Object.keys(await client.fieldDefinitions('Cases'))).toContain('case_number');
  });

  it("reads the API user's module access (capture 20)", async () => {
    freshClient();
    replay('20-meta-modules');
    const modules = await client.moduleAccess();
    expect(modules.Accounts?.access).toContain('edit');
  });
});

describe("the API user's time zone (items 18, 39)", () => {
  it('current-user gives the id, user-preferences the time zone (captures 131, 141)', async () => {
    freshClient();
    replay('131-current-user');
    replay('141-user-preferences-admin');
    const user = await client.currentUser();
    expect(user).toEqual({ id: '1', userName: 'admin' });
    expect(await client.userTimeZone(user.id)).toBe('UTC');
  });
});
