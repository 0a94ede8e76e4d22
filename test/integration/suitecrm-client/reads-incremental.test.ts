import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { type ChangedBatch, type RawAttributes, rawAttributes } from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import { splitPath } from '../../support/v8-replay.js';
import {
  body,
  client,
  collect,
  freshClient,
  listRoute,
  type Resource,
  replayHooks,
  summary,
} from './reads-replay.js';

/** Fixtures README items 17-19 and 38: incremental reads by date_modified minute. */

replayHooks();

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
