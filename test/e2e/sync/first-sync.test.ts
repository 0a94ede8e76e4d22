import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountCodec, CASE_BRIDGE_FIELDS, caseCodec } from '../../../bridge/src/catalogue/index.js';
import { defaultPolicy, evaluateAccount, evaluateCase } from '../../../bridge/src/domain/index.js';
import { MODULES } from '../../../bridge/src/sync/sync-modules.js';
import { readBack, SUITECRM_MODES, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

describe.each(SUITECRM_MODES)('$name', ({ suitecrm }) => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness({
      now: '2026-11-25T12:00:00Z',
      trackingStart: '2026-01-01',
      standIn: { seed: 3, scale: { accounts: 8 } },
      suitecrm,
    });
  });
  afterAll(async () => h?.close());

  describe('the first sync against the stand-in', () => {
    it('fills the bridge fields, then a second sync writes nothing', async () => {
      h.standIn.control.resetCounters();
      const first = await h.engine.run(h.lease);
      expect(first.failures).toEqual([]);
      expect(first.read.Cases.read).toBe(80);
      expect(first.computed.Cases.written).toBe(36);
      expect(first.computed.Accounts.written).toBe(8);
      const patches = h.standIn.control.counters().byRoute['PATCH update Cases'] ?? 0;
      expect(patches).toBe(first.computed.Cases.written);
      // Every request went to this SuiteCRM's API path (8: /legacy/Api), none elsewhere.
      expect(await h.client.apiPath()).toBe(suitecrm === 8 ? '/legacy/Api' : '/Api');
      expect(
        Object.keys(h.standIn.control.counters().byRoute).filter((r) => r.includes('outside-api')),
      ).toEqual([]);

      h.advance(60_000);
      h.standIn.control.resetCounters();
      const second = await h.engine.run(h.lease);
      expect(second.records).toEqual([]);
      const counters = h.standIn.control.counters().byRoute;
      expect(Object.keys(counters).filter((route) => route.startsWith('PATCH'))).toEqual([]);
    });

    it('leaves in SuiteCRM exactly what the domain computes from the same inputs', async () => {
      const policy = defaultPolicy();
      const [accounts, cases, entries] = [
        await readBack(h, 'Accounts'),
        await readBack(h, 'Cases'),
        await readBack(h, 'SLA_TimeEntries'),
      ];
      const accountRecord = (id: string | null) => {
        const values = id ? accounts.get(id) : undefined;
        return id && values ? MODULES.Accounts.toRecord(id, values) : null;
      };
      const entryRecords = [...entries].map(([id, v]) => MODULES.SLA_TimeEntries.toRecord(id, v));
      const pins = await h.store.read((r) => r.casePins.getMany([...cases.keys()]));
      const now = h.now();
      let checked = 0;
      for (const [id, values] of cases) {
        const record = MODULES.Cases.toRecord(id, values);
        const result = evaluateCase({
          case: record,
          account: accountRecord(record.accountId),
          timeEntries: entryRecords.filter((e) => e.accountId === record.accountId),
          policy,
          pinned: (pins.get(id)?.state as never) ?? null,
          context: { now, trackingStart: Date.UTC(2026, 0, 1), bridgeUserId: '1' },
        });
        if (!result.tracked) continue;
        for (const [field, value] of Object.entries(result.fields)) {
          const expected = caseCodec.normaliseStored(field as never, value as never);
          expect((values as unknown as Record<string, unknown>)[field], `${id} ${field}`).toEqual(expected);
        }
        checked++;
      }
      expect(checked).toBeGreaterThan(20);
      for (const [id, values] of accounts) {
        const result = evaluateAccount({
          account: MODULES.Accounts.toRecord(id, values),
          timeEntries: entryRecords.filter((e) => e.accountId === id),
          policy,
          context: { now },
        });
        for (const [field, value] of Object.entries(result.fields)) {
          expect((values as unknown as Record<string, unknown>)[field], `${id} ${field}`).toEqual(
            accountCodec.normaliseStored(field as never, value as never),
          );
        }
      }
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
      expect(untouched.length).toBe(44);
    });
  });
});
