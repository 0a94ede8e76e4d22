import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterEachBatch } from '../../support/client-hooks.js';
import { readBack, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * Rows edited while a sync is reading them are neither missed nor repeated: after the first
 * page of cases, people edit cases the sync has already read and cases it has not reached.
 * Offsets would skip rows here (an edited row jumps to the end of a date_modified order); the
 * keyset read must not.
 *
 * The slowest sync scenario, so it runs once, against the SuiteCRM 8 mode (the other sync suites
 * run on both; the modes differ only in the API path).
 */
let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness({
    now: '2026-11-25T12:00:00Z',
    trackingStart: '2020-01-01',
    standIn: { seed: 21, scale: { accounts: 12 } },
    pageSize: 10,
    suitecrm: 8,
  });
});
afterAll(async () => h?.close());

describe('edits during a read', () => {
  it('are all reflected by the end of the pass, each record written once', async () => {
    const cases = [...(await readBack(h, 'Cases')).entries()]
      .filter(([, v]) => v.status?.startsWith('Open') && v.sla_downgrade_to_c === null)
      .sort((a, b) => (a[1].date_modified ?? 0) - (b[1].date_modified ?? 0));
    expect(cases.length).toBeGreaterThan(8);
    // The oldest are in the first page the sync reads; the newest come last.
    const targets = [...cases.slice(0, 3), ...cases.slice(-3)].map(([id]) => id);

    let edited = false;
    const restore = afterEachBatch(h.client, (module) => {
      if (module === 'Cases' && !edited) {
        edited = true;
        for (const id of targets)
          h.standIn.control.staffEdit('Cases', id, {
            sla_environment_c: 'lab',
            sla_cause_c: 'product',
            sla_severity_c: '1',
          });
      }
    });

    const report = await h.engine.run(h.lease);
    restore();
    expect(edited).toBe(true);
    const keys = report.records.map((r) => `${r.module}/${r.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const after = await readBack(h, 'Cases');
    for (const id of targets) {
      // Severity 1 on a lab system is capped to 2, and the note says why.
      expect(after.get(id)?.sla_effective_severity_c, id).toBe('2');
      expect(after.get(id)?.sla_severity_note_c, id).toMatch(/lab/i);
    }
    h.advance(60_000);
    expect((await h.engine.run(h.lease)).records).toEqual([]);
  });
});
