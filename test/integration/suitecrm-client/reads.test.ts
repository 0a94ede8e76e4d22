import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCaseAttributes } from '../../../bridge/src/contract/index.js';
import { BridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { forgetSecretsForTests } from '../../../bridge/src/logging/redact.js';
import {
  type ChangedBatch,
  createSuiteCrmClient,
  type RawAttributes,
  rawAttributes,
  type SuiteCrmClient,
} from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import { BASE_URL, replay, replayToken, splitPath, testConfig } from '../../support/v8-replay.js';

/**
 * Fixtures README items 14-19, 24-30 and 38: what lists and records look like, and reads
 * that cannot miss rows.
 */

interface Resource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: unknown;
}
interface ListBody {
  meta?: Record<string, unknown>;
  data: Resource[];
  links?: Record<string, string | null>;
}

function body(name: string): ListBody {
  return JSON.parse(loadCapture(name).response.body) as ListBody;
}

function summary(batches: ReadonlyArray<ChangedBatch<unknown>>) {
  return batches.map((batch) => ({
    ids: batch.records.map((record) => record.id),
    completeBefore: new Date(batch.completeBefore).toISOString().slice(11, 16),
    last: batch.last,
  }));
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

let client: SuiteCrmClient;
beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  forgetSecretsForTests();
});
function freshClient(pageSize?: number): void {
  client = createSuiteCrmClient(testConfig(pageSize === undefined ? {} : { pageSize }));
  replayToken(1);
}

/** Records every list query the client sends, answering each from the queue. */
function listRoute(
  pathname: string,
  answers: Array<{ body: string; date?: string }>,
): Array<Record<string, string>> {
  const seen: Array<Record<string, string>> = [];
  nock(BASE_URL)
    .get(pathname)
    .query(true)
    .times(answers.length)
    .reply((uri) => {
      seen.push(splitPath(uri).query);
      const answer = answers[seen.length - 1] as { body: string; date?: string };
      return [
        200,
        answer.body,
        { 'Content-Type': 'application/vnd.api+json', Date: answer.date ?? 'Wed, 25 Nov 2026 13:00:44 GMT' },
      ];
    });
  return seen;
}

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

describe('paging that cannot miss rows (items 24-28)', () => {
  it('always sends page[size] and page[number]=1 and a sort: without page[size] SuiteCRM silently stops at 20 (capture 39)', async () => {
    const unpaged = body('39-accounts-no-page-params');
    expect(unpaged.data).toHaveLength(20);
    expect(unpaged.meta).toBeUndefined();
    freshClient();
    // Page 1 of size 20 answered with those 20 rows: a full page, so the scan goes on by key.
    const seen = listRoute('/Api/V8/module/Accounts', [
      { body: loadCapture('39-accounts-no-page-params').response.body },
      { body: loadCapture('38-accounts-page-past-last').response.body },
    ]);
    const pages = await collect(
      client.scanAll('Accounts', { fields: ['name'], pageSize: 20, parse: rawAttributes }),
    );
    expect(pages.map((page) => page.length)).toEqual([20]);
    expect(seen).toEqual([
      { sort: 'id', 'page[size]': '20', 'page[number]': '1', 'fields[Accounts]': 'name' },
      {
        'filter[id][gt]': (unpaged.data[19] as Resource).id,
        sort: 'id',
        'page[size]': '20',
        'page[number]': '1',
        'fields[Accounts]': 'name',
      },
    ]);
  });

  it('ignores the relative, unencoded pagination links and builds the next request itself (captures 46, 129)', async () => {
    // SuiteCRM's links.next is relative (no /Api/), with a raw space (capture 46) or raw
    // brackets and percent signs (capture 129): the reader never follows it.
    const withSpace = body('46-accounts-filter-with-space-pagination-links');
    freshClient();
    const seen = listRoute('/Api/V8/module/Accounts', [
      { body: loadCapture('46-accounts-filter-with-space-pagination-links').response.body },
      { body: loadCapture('38-accounts-page-past-last').response.body },
    ]);
    const pages = await collect(
      client.scanAll('Accounts', {
        fields: ['name', 'date_modified'],
        pageSize: 3,
        filter: { date_modified: { gt: '2026-11-10 00:00:00' } },
        parse: rawAttributes,
      }),
    );
    expect(pages.flat().map((record) => record.id)).toEqual(withSpace.data.map((resource) => resource.id));
    expect(seen[1]).toEqual({
      'filter[date_modified][gt]': '2026-11-10 00:00:00',
      'filter[id][gt]': (withSpace.data[2] as Resource).id,
      sort: 'id',
      'page[size]': '3',
      'page[number]': '1',
      'fields[Accounts]': 'name,date_modified',
    });
  });

  it('past the last page SuiteCRM answers 200, data [] and only a message: the scan just ends (capture 38)', async () => {
    freshClient();
    const seen = listRoute('/Api/V8/module/Accounts', [
      { body: loadCapture('38-accounts-page-past-last').response.body },
    ]);
    expect(await collect(client.scanAll('Accounts', { fields: ['name'], parse: rawAttributes }))).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it('a last page with links next/last null is a short page: no further request (capture 37)', async () => {
    freshClient();
    const seen = listRoute('/Api/V8/module/Accounts', [
      { body: loadCapture('37-accounts-page-last').response.body },
    ]);
    const pages = await collect(
      client.scanAll('Accounts', { fields: ['name'], pageSize: 20, parse: rawAttributes }),
    );
    expect(pages.map((page) => page.length)).toEqual([10]);
    expect(seen).toHaveLength(1);
  });

  it('yields a row once even when an email1 filter makes SuiteCRM repeat it (capture 130)', async () => {
    const repeated = body('130-filter-email1');
    expect(repeated.data.map((resource) => resource.id)).toEqual([
      '137895c1-aacc-cad0-a1d1-6b06dbbed502',
      '137895c1-aacc-cad0-a1d1-6b06dbbed502',
    ]);
    freshClient();
    const seen = listRoute('/Api/V8/module/Accounts', [
      { body: loadCapture('130-filter-email1').response.body },
      { body: loadCapture('38-accounts-page-past-last').response.body },
    ]);
    const pages = await collect(
      client.scanAll('Accounts', {
        fields: ['name', 'email1'],
        pageSize: 2,
        filter: { email1: { like: '%example%' } },
        parse: rawAttributes,
      }),
    );
    expect(pages.map((page) => page.map((record) => record.id))).toEqual([
      ['137895c1-aacc-cad0-a1d1-6b06dbbed502'],
    ]);
    // The page was full in SuiteCRM's count, so the scan went on past that id.
    expect(seen[1]?.['filter[id][gt]']).toBe('137895c1-aacc-cad0-a1d1-6b06dbbed502');
  });

  it('sorts by one field only, always (items 28, capture 58)', async () => {
    // Capture 58: SuiteCRM answers 400 to a sort on two fields, so every page sorts by id alone.
    freshClient();
    const seen = listRoute('/Api/V8/module/Accounts', [
      { body: loadCapture('62-accounts-fields-sparse').response.body },
      { body: loadCapture('38-accounts-page-past-last').response.body },
    ]);
    await collect(
      client.scanAll('Accounts', { fields: ['name', 'date_modified'], pageSize: 2, parse: rawAttributes }),
    );
    expect(seen.map((query) => query.sort)).toEqual(['id', 'id']);
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

describe('incremental reads by date_modified minute (items 17-19, 38)', () => {
  it('asks with a UTC "Y-m-d H:i:s" filter from the cursor minute, sorted by date_modified (captures 31-33)', async () => {
    // Capture 32: an ISO offset in a filter is silently ignored by SuiteCRM, so the filter below
    // is UTC "Y-m-d H:i:s" with no offset.
    freshClient(3);
    const seen = listRoute('/Api/V8/module/Accounts', [
      {
        body: loadCapture('33-accounts-filter-date_modified-gte-seconds').response.body,
        date: 'Wed, 25 Nov 2026 13:00:05 GMT',
      },
    ]);
    const batches = await collect(
      client.readChanged('Accounts', {
        since: Date.parse('2026-11-24T14:03:04Z'),
        fields: ['name'],
        parse: rawAttributes,
      }),
    );
    expect(seen).toEqual([
      {
        // Floored to the minute: SuiteCRM reports minutes only (item 17), the column has seconds.
        'filter[date_modified][gte]': '2026-11-24 14:03:00',
        sort: 'date_modified',
        'page[size]': '3',
        'page[number]': '1',
        'fields[Accounts]': 'name,date_modified',
      },
    ]);
    expect(batches).toHaveLength(1);
    const [batch] = batches as [ChangedBatch<RawAttributes>];
    expect(batch.records.map((record) => record.attributes.date_modified)).toEqual([
      '2026-11-24T14:03:00+00:00',
      '2026-11-24T14:24:00+00:00',
    ]);
    expect(batch.last).toBe(true);
    // Complete up to SuiteCRM's clock as known before the query was sent (the token answer
    // said 12:58:56), floored to the minute: the current minute may still receive saves.
    expect(new Date(batch.completeBefore).toISOString()).toBe('2026-11-25T12:58:00.000Z');
  });

  it('re-reads from the last minute of a full page, finishes a minute that fills a page by id with gte/lt/id-gt and sort=id, then goes on from the next minute (capture 140)', async () => {
    const keyset = loadCapture('140-accounts-keyset-id-gt-within-minute');
    expect(Object.keys(splitPath(keyset.request.path).query)).toEqual([
      'filter[date_modified][gte]',
      'filter[date_modified][lt]',
      'filter[id][gt]',
      'sort',
      'page[size]',
      'page[number]',
      'fields[Accounts]',
    ]);
    const template = body('140-accounts-keyset-id-gt-within-minute').data[0] as Resource;
    const row = (id: string, minute: string): Resource => ({
      ...template,
      id,
      attributes: { name: `Account ${id}`, date_modified: `2026-11-25T${minute}:00+00:00` },
    });
    const page = (...rows: Resource[]) =>
      JSON.stringify({ meta: { 'total-pages': 9, 'records-on-this-page': rows.length }, data: rows });
    const a = row('a1', '12:54');
    const b = row('b1', '12:55');
    const [c, d, e, f] = [row('c1', '12:56'), row('c2', '12:56'), row('c3', '12:56'), row('c4', '12:56')];
    const g = row('g1', '12:57');
    freshClient(3);
    const seen = listRoute('/Api/V8/module/Accounts', [
      { body: page(a, b, c), date: 'Wed, 25 Nov 2026 12:59:01 GMT' },
      // From 12:56 again: a whole page in that minute, so it is swept by id.
      { body: page(c, d, e), date: 'Wed, 25 Nov 2026 12:59:01 GMT' },
      { body: page(c, d, e), date: 'Wed, 25 Nov 2026 12:59:02 GMT' },
      { body: page(f), date: 'Wed, 25 Nov 2026 12:59:03 GMT' },
      { body: page(g), date: 'Wed, 25 Nov 2026 13:00:04 GMT' },
    ]);
    const batches = await collect(
      client.readChanged('Accounts', {
        since: Date.parse('2026-11-25T12:54:00Z'),
        fields: ['name'],
        parse: rawAttributes,
      }),
    );
    const paging = { 'page[size]': '3', 'page[number]': '1', 'fields[Accounts]': 'name,date_modified' };
    const minute56 = {
      'filter[date_modified][gte]': '2026-11-25 12:56:00',
      'filter[date_modified][lt]': '2026-11-25 12:57:00',
    };
    expect(seen).toEqual([
      { 'filter[date_modified][gte]': '2026-11-25 12:54:00', sort: 'date_modified', ...paging },
      { 'filter[date_modified][gte]': '2026-11-25 12:56:00', sort: 'date_modified', ...paging },
      { ...minute56, sort: 'id', ...paging },
      { ...minute56, 'filter[id][gt]': 'c3', sort: 'id', ...paging },
      { 'filter[date_modified][gte]': '2026-11-25 12:57:00', sort: 'date_modified', ...paging },
    ]);
    expect(summary(batches)).toEqual([
      { ids: ['a1', 'b1'], completeBefore: '12:56', last: false }, // c1's minute is not complete yet
      { ids: ['c1', 'c2', 'c3'], completeBefore: '12:56', last: false },
      { ids: ['c4'], completeBefore: '12:57', last: false },
      // Up to SuiteCRM's clock before the last query (12:59:03), not its answer's (13:00:04).
      { ids: ['g1'], completeBefore: '12:59', last: true },
    ]);
  });

  it('never declares complete a minute SuiteCRM may still be saving into: the read stops there', async () => {
    // SuiteCRM's clock is in 12:58 (token answer 12:58:56) and that minute holds a full page.
    const template = body('140-accounts-keyset-id-gt-within-minute').data[0] as Resource;
    const row = (id: string): Resource => ({
      ...template,
      id,
      attributes: { name: id, date_modified: '2026-11-25T12:58:00+00:00' },
    });
    const page = (...rows: Resource[]) =>
      JSON.stringify({ meta: { 'total-pages': 2, 'records-on-this-page': rows.length }, data: rows });
    freshClient(2);
    const seen = listRoute('/Api/V8/module/Accounts', [
      { body: page(row('x1'), row('x2')), date: 'Wed, 25 Nov 2026 12:58:57 GMT' },
      { body: page(row('x1'), row('x2')), date: 'Wed, 25 Nov 2026 12:58:58 GMT' },
      { body: page(row('x3')), date: 'Wed, 25 Nov 2026 13:00:10 GMT' },
    ]);
    const batches = await collect(
      client.readChanged('Accounts', { since: Date.parse('2026-11-25T12:58:00Z'), parse: rawAttributes }),
    );
    expect(seen).toHaveLength(3); // no request for 12:59 onwards
    expect(summary(batches)).toEqual([
      { ids: ['x1', 'x2'], completeBefore: '12:58', last: false },
      // A save at 12:58:59 to a record with an id before x2 would not be in the sweep.
      { ids: ['x3'], completeBefore: '12:58', last: true },
    ]);
  });

  it('stops with bad_response when SuiteCRM shifts datetimes out of the window: the DST bug of a non-UTC user (captures 35, 36)', async () => {
    // Capture 35: DB 06:30:10Z comes back as 05:30 for a New York user; capture 36 (UTC admin) says 06:30.
    const shifted = JSON.parse(loadCapture('35-dst-fallback-as-will-NewYork').response.body) as {
      data: Resource;
    };
    expect(shifted.data.attributes.date_modified).toBe('2026-11-01T05:30:00+00:00');
    freshClient();
    listRoute('/Api/V8/module/Accounts', [{ body: JSON.stringify({ data: [shifted.data] }) }]);
    let error: unknown;
    try {
      await collect(
        client.readChanged('Accounts', { since: Date.parse('2026-11-01T06:00:00Z'), parse: rawAttributes }),
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('bad_response');
    expect((error as BridgeError).message).toContain('time zone is UTC');
  });
});
