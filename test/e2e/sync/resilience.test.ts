import { afterEach, describe, expect, it } from 'vitest';
import {
  bridgeState,
  SUITECRM_MODES,
  type SuiteCrmMode,
  type SyncHarness,
  startSyncHarness,
} from '../../support/sync-harness.js';

/**
 * Interrupted and dry runs. Each scenario runs against a fresh stand-in seeded like a reference
 * run that nothing interrupted; the final SuiteCRM fields and the event ledger must be equal.
 */
const NOW = '2026-11-25T12:00:00Z';
const SEED = { seed: 11, scale: { accounts: 6 } } as const;
const open: SyncHarness[] = [];
const harness = async (suitecrm: SuiteCrmMode['suitecrm'] = 7, pageSize = 25) => {
  const h = await startSyncHarness({
    now: NOW,
    trackingStart: '2026-01-01',
    standIn: SEED,
    pageSize,
    suitecrm,
  });
  open.push(h);
  return h;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

/** The uninterrupted run's end state, computed once: every scenario and mode must reach it. */
let referenceState: ReturnType<typeof bridgeState> | undefined;
function reference() {
  referenceState ??= (async () => {
    const h = await harness();
    await h.engine.run(h.lease);
    h.advance(60_000);
    await h.engine.run(h.lease);
    return bridgeState(h);
  })();
  return referenceState;
}

/**
 * Each scenario on both SuiteCRM modes, but for the slowest (resuming mid-read), run once: the
 * two modes differ only in the API path, which the other scenarios cover on both.
 */
describe.each(SUITECRM_MODES)(
  'a sync that is interrupted resumes without losing or repeating anything, $name',
  ({ suitecrm }) => {
    it('SuiteCRM refusing every write: nothing lost, the next sync completes', async () => {
      const expected = await reference();
      const h = await harness(suitecrm);
      h.standIn.control.injectFault({ kind: 'error', match: { method: 'PATCH' }, times: 1_000_000 });
      await expect(h.engine.run(h.lease)).rejects.toMatchObject({ code: 'unavailable' });
      h.standIn.control.clearFaults();
      h.advance(60_000);
      await h.engine.run(h.lease);
      expect(await bridgeState(h)).toEqual(expected);
    });

    it('failing between writes (after 40 PATCHes): the rest are written by the next sync', async () => {
      const expected = await reference();
      const h = await harness(suitecrm);
      h.standIn.control.injectFault({ kind: 'drop', match: { method: 'PATCH' }, skip: 40, times: 1_000_000 });
      await expect(h.engine.run(h.lease)).rejects.toMatchObject({ code: 'unavailable' });
      h.standIn.control.clearFaults();
      h.advance(60_000);
      const second = await h.engine.run(h.lease);
      expect(second.failures).toEqual([]);
      expect(await bridgeState(h)).toEqual(expected);
    });

    it.runIf(suitecrm === 7)(
      'failing in the middle of the read (third list page): the cursor resumes where it stopped',
      async () => {
        const expected = await reference();
        const h = await harness();
        h.standIn.control.injectFault({
          kind: 'error',
          match: { route: 'list', module: 'Cases' },
          skip: 2,
          times: 1_000_000,
        });
        await expect(h.engine.run(h.lease)).rejects.toMatchObject({ code: 'unavailable' });
        h.standIn.control.clearFaults();
        h.advance(60_000);
        await h.engine.run(h.lease);
        expect(await bridgeState(h)).toEqual(expected);
      },
    );
  },
);

describe.each(SUITECRM_MODES)('--dry-run, $name', ({ suitecrm }) => {
  it('writes nothing to SuiteCRM or the store, and predicts what the real run writes', async () => {
    const h = await harness(suitecrm);
    h.standIn.control.resetCounters();
    const dry = await h.engine.run(null, { dryRun: true });
    const routes = h.standIn.control.counters().byRoute;
    expect(Object.keys(routes).filter((route) => !route.startsWith('GET') && route !== 'POST token')).toEqual(
      [],
    );
    const stored = await h.store.read(async (r) => ({
      inputs: await r.inputs.counts(),
      cursors: await r.cursors.list(),
      events: await r.events.count(),
    }));
    expect(stored).toEqual({ inputs: {}, cursors: [], events: 0 });
    const real = await h.engine.run(h.lease);
    expect(real.records).toEqual(dry.records);
    expect(real.computed).toEqual(dry.computed);
  });
});
