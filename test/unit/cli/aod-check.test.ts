import { describe, expect, it } from 'vitest';
import { aodCheck } from '../../../bridge/src/cli/doctor/aod-check.js';
import { BridgeError } from '../../../bridge/src/errors/bridge-error.js';
import type { SuiteCrmClient } from '../../../bridge/src/suitecrm/index.js';

/**
 * doctor's AOD check. With AOD on, SuiteCRM 7.14.6's modules/AOD_Index/AOD_Index.php index()
 * saves an AOD_IndexEvent (record_module, record_id, date_modified = the save) for every Case
 * save; the check looks for one of a recently saved case.
 */
const NOW = Date.parse('2026-12-07T12:00:00Z');
const SAVED = '2026-12-07T11:30:00+00:00';

function client(events: string[] | BridgeError, cases: Array<{ id: string; date_modified: string }>) {
  const asked: unknown[] = [];
  const fake = {
    async *readChanged(module: string, options: { parse: (raw: Record<string, unknown>) => unknown }) {
      asked.push(['readChanged', module]);
      yield {
        records: cases.map((c) => ({ id: c.id, type: module, attributes: options.parse(c) })),
        completeBefore: NOW,
        last: true,
      };
    },
    async *scanAll(
      module: string,
      options: { filter: unknown; parse: (raw: Record<string, unknown>) => unknown },
    ) {
      asked.push(['scanAll', module, options.filter]);
      if (events instanceof BridgeError) throw events;
      yield events.map((at, i) => ({
        id: `e${i}`,
        type: module,
        attributes: options.parse({ date_modified: at }),
      }));
    },
  };
  return { client: fake as unknown as SuiteCrmClient, asked };
}

describe('doctor: AOD search indexing on Cases', () => {
  it('warns when the last case save has an index event from that save on', async () => {
    const { client: c, asked } = client(
      ['2026-12-07T11:30:01+00:00'],
      [{ id: 'case-1', date_modified: SAVED }],
    );
    const result = await aodCheck(c, NOW);
    expect(result.status).toBe('warn');
    expect(result.fix).toContain('AOD Settings');
    expect(asked[1]).toEqual([
      'scanAll',
      'AOD_IndexEvent',
      { record_module: { eq: 'Cases' }, record_id: { eq: 'case-1' } },
    ]);
  });

  it('passes when the case has no index event, or only one older than its last save (AOD turned off since)', async () => {
    expect((await aodCheck(client([], [{ id: 'case-1', date_modified: SAVED }]).client, NOW)).status).toBe(
      'pass',
    );
    const older = client(['2026-11-01T09:00:00+00:00'], [{ id: 'case-1', date_modified: SAVED }]);
    expect((await aodCheck(older.client, NOW)).status).toBe('pass');
  });

  it('says how to check by hand when the API does not show index events, or no case was saved lately', async () => {
    const refused = client(new BridgeError('invalid_request', 'Module AOD_IndexEvent is not accessible'), [
      { id: 'case-1', date_modified: SAVED },
    ]);
    const result = await aodCheck(refused.client, NOW);
    expect(result.status).toBe('skip');
    expect(result.summary).toContain('AOD Settings');
    expect((await aodCheck(client([], []).client, NOW)).summary).toMatch(/no case was saved/);
  });
});
