import { describe, expect, it } from 'vitest';
import { rawAttributes } from '../../../bridge/src/suitecrm/index.js';
import { loadCapture } from '../../support/capture-file.js';
import { body, client, collect, freshClient, listRoute, type Resource, replayHooks } from './reads-replay.js';

/** Fixtures README items 24-28: paging through lists that cannot miss rows. */

replayHooks();

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
