import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_BRIDGE_FIELDS } from '../../../bridge/src/contract/index.js';
import { readBack, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness({
    now: '2026-11-25T12:00:00Z',
    trackingStart: '2026-01-01',
    standIn: { seed: 3, scale: { accounts: 8 } },
  });
});
afterAll(async () => h?.close());

describe('the first sync against the stand-in', () => {
  it('fills the bridge fields, then a second sync writes nothing', async () => {
    h.standIn.control.resetCounters();
    const first = await h.engine.run(h.lease);
    expect(first.failures).toEqual([]);
    expect(first.read.Cases.read).toBe(80);
    expect(first.computed.Cases.written).toBeGreaterThan(0);
    expect(first.computed.Accounts.written).toBe(8);
    const patches = h.standIn.control.counters().byRoute['PATCH update Cases'] ?? 0;
    expect(patches).toBe(first.computed.Cases.written);

    h.advance(60_000);
    h.standIn.control.resetCounters();
    const second = await h.engine.run(h.lease);
    expect(second.records).toEqual([]);
    const counters = h.standIn.control.counters().byRoute;
    expect(Object.keys(counters).filter((route) => route.startsWith('PATCH'))).toEqual([]);
  });

  it('never writes a case reported before the tracking start', async () => {
    const untouched: string[] = [];
    for (const [id, values] of await readBack(h, 'Cases')) {
      const reported = values.sla_reported_at_c ?? values.date_entered ?? 0;
      if (reported < Date.UTC(2026, 0, 1)) {
        untouched.push(id);
        for (const field of CASE_BRIDGE_FIELDS) expect(values[field], `${id} ${field}`).toBeNull();
      }
    }
    expect(untouched.length).toBeGreaterThan(0);
  });
});
