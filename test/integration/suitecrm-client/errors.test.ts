import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetSecretsForTests } from '../../../bridge/src/logging/redact.js';
import {
  createSuiteCrmClient,
  rawAttributes,
  type SuiteCrmClient,
} from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import { BASE_URL, fakeClock, rejection, replay, replayToken, testConfig } from '../../support/v8-replay.js';

/**
 * Fixtures README items 10-12, 21, 24, 29-32: every error shape SuiteCRM answers with
 * becomes one BridgeError with a stable code, and SuiteCRM's detail text is kept.
 */

const ACCOUNT = 'a41f8a66-a824-d84b-615a-6b06db731db2';
const NEW_CASE = '86791e5c-b5de-378f-a70c-6b06dcd31494';
const CASE_ID = '00000000-0000-0000-0000-000000000000';
const DELETED_CASE = '8ca20acc-6d6e-4727-a52f-6b06dca8abea';

let client: SuiteCrmClient;
let clock: ReturnType<typeof fakeClock>;

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(clock.sleeps).toEqual([]); // refusals are final: none of these is retried
  nock.cleanAll();
  forgetSecretsForTests();
});

function freshClient(): void {
  clock = fakeClock();
  client = createSuiteCrmClient(testConfig({ clock }));
  replayToken(1);
}

describe('not found is 400, and only a record is "not found" (items 10, 11)', () => {
  it('GET of an unknown id: 400 "Cases module with id X is not found" is not_found (capture 83)', async () => {
    freshClient();
    replay('83-error-bad-id-returns-400-not-404');
    const error = await rejection(client.getRecord('Cases', CASE_ID, { parse: rawAttributes }));
    expect(error.code).toBe('not_found');
    expect(error.details).toMatchObject({ status: 400, reason: 'record_not_found' });
    expect(error.message).toContain(`Cases module with id ${CASE_ID} is not found`);
  });

  it('findRecord turns a deleted record into undefined (capture 98)', async () => {
    freshClient();
    replay('98-error-get-deleted-case');
    expect(await client.findRecord('Cases', DELETED_CASE, { parse: rawAttributes })).toBeUndefined();
  });

  it('PATCH of an unknown id is not_found (capture 103)', async () => {
    freshClient();
    replay('103-error-patch-nonexistent-id');
    const error = await rejection(
      client.updateRecord('Cases', CASE_ID, { name: 'x' }, { parse: rawAttributes }),
    );
    expect(error.code).toBe('not_found');
  });

  it('DELETE of a deleted record is not_found on a first attempt (capture 99)', async () => {
    freshClient();
    replay('99-error-delete-again');
    const error = await rejection(client.deleteRecord('Cases', DELETED_CASE));
    expect(error.code).toBe('not_found');
    expect(error.details.attempts).toBe(1);
  });

  const unknownModules = [
    {
      capture: '82-error-unknown-module',
      module: 'NoSuchModule',
      detail: 'Module NoSuchModule does not exist',
    },
    { capture: '128-lowercase-module-name', module: 'accounts', detail: 'Module accounts does not exist' },
  ];
  for (const example of unknownModules) {
    it(`${example.capture}: an unknown module is invalid_request, not not_found`, async () => {
      freshClient();
      replay(example.capture, {
        query: {
          sort: 'id',
          'page[size]': '1',
          'page[number]': '1',
          ...(example.module === 'accounts' ? { 'fields[accounts]': 'name' } : {}),
        },
      });
      const fields = example.module === 'accounts' ? { fields: ['name'] } : {};
      const error = await rejection(
        client.scanAll(example.module, { ...fields, pageSize: 1, parse: rawAttributes }).next(),
      );
      expect(error.code).toBe('invalid_request');
      expect(error.details.reason).toBe('module_unknown');
      expect(error.message).toContain(example.detail);
    });
  }

  it('DELETE in an unknown module says "Module with name X is not found": still not a record (capture 101)', async () => {
    freshClient();
    replay('101-error-delete-unknown-module');
    const error = await rejection(client.deleteRecord('NoSuch', DELETED_CASE));
    expect(error.code).toBe('invalid_request');
    expect(error.details.reason).toBe('module_unknown');
  });

  it('meta/fields of a module the user cannot see: "[Not Allowed]" (capture 85)', async () => {
    freshClient();
    replay('85-error-unknown-module-meta-fields');
    const error = await rejection(client.fieldDefinitions('NoSuchModule'));
    expect(error.code).toBe('invalid_request');
    expect(error.details.reason).toBe('not_allowed');
    expect(error.message).toContain('The API user does not have access to this module');
  });
});

describe('Slim answers: {"message": ...} (item 11)', () => {
  it('a route Slim does not know is a 404 with {"message":"Not found"}: invalid_request (capture 84)', async () => {
    freshClient();
    replay('84-error-unknown-route', { pathname: `/Api/V8/module/Cases/${CASE_ID}` });
    const error = await rejection(client.getRecord('Cases', CASE_ID, { parse: rawAttributes }));
    expect(error.code).toBe('invalid_request');
    expect(error.details).toMatchObject({ status: 404, reason: 'route_not_found' });
    expect(error.message).toContain('Not found');
  });

  it('405 "Method not allowed. Must be one of: POST, PATCH" (capture 133)', async () => {
    freshClient();
    const capture = loadCapture('133-put-not-allowed');
    nock(BASE_URL)
      .patch('/Api/V8/module')
      .reply(405, capture.response.body, { 'Content-Type': 'application/json' });
    const error = await rejection(
      client.updateRecord('Cases', NEW_CASE, { name: 'x' }, { parse: rawAttributes }),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.details.reason).toBe('method_not_allowed');
    expect(error.message).toContain('Must be one of: POST, PATCH');
  });

  it('an empty id is refused before it can become `.../Accounts//relationships/cases` (capture 73)', async () => {
    freshClient();
    const error = await rejection(
      client.readRelated('Accounts', '', 'cases', { parse: rawAttributes }).next(),
    );
    expect(error.code).toBe('invalid_request');
    expect(nock.pendingMocks()).toHaveLength(1); // the token was never even needed
  });
});

describe('bodies that are not clean JSON (item 12)', () => {
  it('the JSON error object followed by "Database failure..." still yields the detail (capture 53)', async () => {
    freshClient();
    const capture = loadCapture('53-error-filter-nondb-field');
    expect(() => JSON.parse(capture.response.body)).toThrow();
    replay('53-error-filter-nondb-field', {
      query: { 'filter[assigned_user_name][eq]': 'x', sort: 'id', 'page[size]': '100', 'page[number]': '1' },
    });
    const error = await rejection(
      client
        .scanAll('Accounts', { filter: { assigned_user_name: { eq: 'x' } }, parse: rawAttributes })
        .next(),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.details.reason).toBe('database_failure');
    expect(error.message).toContain('Database failure. Please refer to suitecrm.log for details.');
    expect(error.details.trailingText).toBe('Database failure. Please refer to suitecrm.log for details.');
  });
});

describe('list parameters SuiteCRM refuses (items 21, 24, 29)', () => {
  const refusals = [
    {
      capture: '50-error-filter-unknown-field',
      filter: { nonexistent_field: { eq: 'x' } },
      detail: 'Filter field nonexistent_field in Account module is not found',
    },
    {
      capture: '51-error-filter-bad-operator',
      filter: undefined,
      detail: 'Filter operator contains is invalid',
    },
    {
      capture: '63-error-fields-invalid-custom-field',
      filter: undefined,
      detail: 'The following field in Account module is not found: bogus_field_c',
    },
    {
      capture: '43-accounts-page-size-0',
      filter: undefined,
      detail: 'The option "size" with value "0" is invalid.',
    },
  ];
  for (const example of refusals) {
    it(`${example.capture}: invalid_request with SuiteCRM's words`, async () => {
      freshClient();
      // The client cannot be made to send these (no `contains`, no size 0): the answers are
      // replayed to an ordinary request to check how they are read.
      nock(BASE_URL)
        .get('/Api/V8/module/Accounts')
        .query(true)
        .reply(400, loadCapture(example.capture).response.body, { 'Content-Type': 'application/json' });
      const error = await rejection(
        client
          .scanAll('Accounts', {
            fields: ['name'],
            pageSize: 2,
            ...(example.filter ? { filter: example.filter } : {}),
            parse: rawAttributes,
          })
          .next(),
      );
      expect(error.code).toBe('invalid_request');
      expect(error.details.reason).toBe('rejected');
      expect(error.message).toContain(example.detail);
    });
  }

  it('a filter key the reader pages by is refused before sending', async () => {
    freshClient();
    const error = await rejection(
      client.scanAll('Accounts', { filter: { id: { gt: 'x' } }, parse: rawAttributes }).next(),
    );
    expect(error.code).toBe('invalid_request');
    const changed = await rejection(
      client
        .readChanged('Accounts', { since: 0, filter: { date_modified: { lt: 'x' } }, parse: rawAttributes })
        .next(),
    );
    expect(changed.code).toBe('invalid_request');
  });
});

describe('relationships are addressed by link name (item 30)', () => {
  for (const name of ['76-error-relationship-unknown-link', '77-relationship-by-module-name-not-link']) {
    it(`${name}: invalid_request "Cannot load relationship"`, async () => {
      freshClient();
      const link = name.startsWith('76') ? 'bogus_link' : 'Cases';
      replay(name, { query: { sort: 'id', 'page[size]': '100', 'page[number]': '1' } });
      const error = await rejection(
        client.readRelated('Accounts', ACCOUNT, link, { parse: rawAttributes }).next(),
      );
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain(`Cannot load relationship ${link} for Account module`);
    });
  }
});

describe('writes SuiteCRM refuses or would mangle (items 31, 32)', () => {
  it('a duplicate client-chosen id is invalid_request duplicate_id (capture 94)', async () => {
    freshClient();
    replay('94-error-case-create-duplicate-id');
    const error = await rejection(
      client.createRecord(
        'Cases',
        { name: 'dup' },
        { id: 'aaaaaaaa-bbbb-cccc-dddd-000000000001', parse: rawAttributes },
      ),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.details.reason).toBe('duplicate_id');
    expect(error.message).toContain('is already exist');
  });

  it('an unknown attribute: "Property bogus_field_c in Case module is invalid" (captures 95, 96)', async () => {
    freshClient();
    replay('95-error-patch-unknown-attribute');
    replay('96-error-create-unknown-attribute');
    const patch = await rejection(
      client.updateRecord('Cases', NEW_CASE, { bogus_field_c: 'x' }, { parse: rawAttributes }),
    );
    const create = await rejection(
      client.createRecord('Cases', { name: 'x', bogus_field_c: 'x' }, { parse: rawAttributes }),
    );
    for (const error of [patch, create]) {
      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain('Property bogus_field_c in Case module is invalid');
    }
  });

  it('null is refused before sending: SuiteCRM ignores it and keeps the value (captures 118, 120)', async () => {
    freshClient();
    // Capture 120 sent description:null and the answer still has "created by cap.sh".
    const kept = JSON.parse(loadCapture('120-case-patch-core-field-null').response.body) as {
      data: { attributes: { description: string } };
    };
    expect(kept.data.attributes.description).toBe('created by cap.sh');
    const attributes = { description: null } as unknown as Record<string, string>;
    const error = await rejection(
      client.updateRecord('Cases', NEW_CASE, attributes, { parse: rawAttributes }),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('send "" to clear');
    expect(nock.pendingMocks()).toHaveLength(1); // only the unused token interceptor
  });

  it('a PATCH without an id is refused before sending (capture 102)', async () => {
    freshClient();
    const error = await rejection(client.updateRecord('Cases', '', { name: 'x' }, { parse: rawAttributes }));
    expect(error.code).toBe('invalid_request');
  });
});

describe('successful answers that are not what we asked for', () => {
  it('a 200 whose body has the wrong shape is bad_response, naming the path in the body', async () => {
    freshClient();
    nock(BASE_URL)
      .get(`/Api/V8/module/Cases/${CASE_ID}`)
      .reply(200, JSON.stringify({ data: [{ type: 'Case' }] }), {
        'Content-Type': 'application/vnd.api+json',
      });
    const error = await rejection(client.getRecord('Cases', CASE_ID, { parse: rawAttributes }));
    expect(error.code).toBe('bad_response');
    expect(error.message).toContain('body.data');
  });

  it("a parser's refusal of a record's attributes is bad_response naming the record", async () => {
    freshClient();
    replay('70-case-get-single');
    const error = await rejection(
      client.getRecord('Cases', '5853e09d-f441-f948-70c1-6b06dbf28f3d', {
        parse: () => {
          throw new Error('status is not a known value');
        },
      }),
    );
    expect(error.code).toBe('bad_response');
    expect(error.message).toContain('Cases 5853e09d-f441-f948-70c1-6b06dbf28f3d');
    expect(error.message).toContain('status is not a known value');
  });
});
