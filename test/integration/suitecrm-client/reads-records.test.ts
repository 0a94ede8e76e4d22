import { describe, expect, it } from 'vitest';
import { parseCaseAttributes } from '../../../bridge/src/catalogue/index.js';
import { type RawAttributes, rawAttributes } from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import { replay } from '../../support/v8-replay.js';
import { body, client, collect, freshClient, listRoute, type Resource, replayHooks } from './reads-replay.js';

/** Fixtures README items 14-17, 25, 30 and 37: what records look like, and relationships read by link name. */

replayHooks();

describe('records (items 14, 15, 17, 37)', () => {
  it('a record is {id, type (the object name, singular), raw string attributes}; relationships are dropped (capture 70)', async () => {
    freshClient();
    replay('70-case-get-single');
    let received: RawAttributes | undefined;
    const record = await client.getRecord('Cases', '5853e09d-f441-f948-70c1-6b06dbf28f3d', {
      parse: (raw, ref) => {
        received = raw;
        expect(ref).toEqual({ module: 'Cases', id: '5853e09d-f441-f948-70c1-6b06dbf28f3d', type: 'Case' });
        return { status: raw.status, caseNumber: raw.case_number };
      },
    });
    expect(record).toEqual({
      id: '5853e09d-f441-f948-70c1-6b06dbf28f3d',
      type: 'Case',
      attributes: { status: 'Closed_Rejected', caseNumber: '10' },
    });
    // Strings everywhere, "" for NULL; the parser gets them untouched.
    expect(received).toMatchObject({
      deleted: '0',
      case_number: '10',
      description: '',
      date_modified: '2026-11-19T14:16:00+00:00',
    });
    expect(Object.keys(record)).toEqual(['id', 'type', 'attributes']);
  });

  it("plugs in the data contract's generated parsers: strings in, typed values out (capture 70)", async () => {
    freshClient();
    replay('70-case-get-single');
    const record = await client.getRecord('Cases', '5853e09d-f441-f948-70c1-6b06dbf28f3d', {
      parse: parseCaseAttributes,
    });
    expect(record.attributes.values.date_modified).toBe(Date.parse('2026-11-19T14:16:00Z'));
    expect(record.attributes.values.status).toBe('Closed_Rejected');
    expect(record.attributes.problems).toEqual([]);
    // The capture's SuiteCRM has no SLA fields installed: the parser says so instead of guessing.
    expect(record.attributes.missing).toContain('sla_severity_c');
  });

  it('sparse fields are asked as fields[Module]=a,b and text comes back HTML-encoded for the parser to decode (capture 139)', async () => {
    freshClient();
    const scope = replay('139-case-get-after-html-encoding');
    const record = await client.getRecord('Cases', '130d6333-5e70-1c5e-f3ec-6b06dbeb46b3', {
      fields: ['lab_external_ref_c', 'description', 'name'],
      parse: rawAttributes,
    });
    expect(scope.isDone()).toBe(true);
    expect(record.attributes.lab_external_ref_c).toBe(
      'O&#039;Brien &amp; &lt;b&gt;x&lt;/b&gt; &quot;q&quot; ñ [[1,2]]',
    );
  });

  it('custom fields are ordinary string attributes (captures 113, 136)', async () => {
    freshClient();
    replay('113-case-get-custom-fields-after-patch');
    const record = await client.getRecord('Cases', '86791e5c-b5de-378f-a70c-6b06dcd31494', {
      fields: ['name', 'lab_external_ref_c', 'lab_score_c', 'date_modified'],
      parse: rawAttributes,
    });
    expect(record.attributes).toMatchObject({ lab_external_ref_c: 'EXT-42', lab_score_c: '7' });
  });
});

describe('relationships by link name (items 16, 25, 30)', () => {
  const ACCOUNT = 'a41f8a66-a824-d84b-615a-6b06db731db2';

  it('reads related records by key with page and sort, never fields; the "no relationship" message ends it (captures 74, 124)', async () => {
    freshClient(2);
    // The first page's meta says 4 pages of 8 records; the reader goes by key and stops at the
    // "no relationship" message of the second request, whatever the meta says.
    const first = body('74-account-relationships-contacts-paged');
    const seen = listRoute(`/Api/V8/module/Accounts/${ACCOUNT}/relationships/contacts`, [
      { body: loadCapture('74-account-relationships-contacts-paged').response.body },
      { body: loadCapture('124-account-relationships-cases-empty').response.body },
    ]);
    const pages = await collect(
      client.readRelated('Accounts', ACCOUNT, 'contacts', { parse: rawAttributes }),
    );
    expect(pages.flat().map((record) => record.type)).toEqual(['Contact', 'Contact']);
    expect(seen).toEqual([
      { sort: 'id', 'page[size]': '2', 'page[number]': '1' },
      {
        'filter[id][gt]': (first.data[1] as Resource).id,
        sort: 'id',
        'page[size]': '2',
        'page[number]': '1',
      },
    ]);
  });

  it('no related rows at all: 200 with a meta message and data [] (capture 124)', async () => {
    freshClient();
    replay('124-account-relationships-cases-empty', {
      query: { sort: 'id', 'page[size]': '100', 'page[number]': '1' },
    });
    expect(
      await collect(
        client.readRelated('Accounts', '98b77cc6-0a0a-69fc-44e8-6b06dc74447d', 'cases', {
          parse: rawAttributes,
        }),
      ),
    ).toEqual([]);
  });

  it('a short relationship page with total-records meta (capture 126)', async () => {
    freshClient(5);
    replay('126-account-relationships-cases-after-link', {
      query: { sort: 'id', 'page[size]': '5', 'page[number]': '1' },
    });
    const pages = await collect(
      client.readRelated('Accounts', '98b77cc6-0a0a-69fc-44e8-6b06dc74447d', 'cases', {
        parse: rawAttributes,
      }),
    );
    expect(pages.flat().map((record) => record.id)).toEqual(['aaaaaaaa-bbbb-cccc-dddd-000000000001']);
  });
});
