import { expect, it } from 'vitest';
import type { LedgerEventInput } from '../../../bridge/src/store/index.js';
import { describeStore } from '../../support/store-backends.js';

const minute = (hh: number, mm: number) => Date.UTC(2026, 0, 12, hh, mm);
const event = (
  recordId: string,
  type: string,
  at: number,
  overrides: Partial<LedgerEventInput> = {},
): LedgerEventInput => {
  const clock = overrides.clock ?? null;
  const module = overrides.module ?? 'Cases';
  return {
    // The shape of the domain's deterministic key: record, clock.type, instant, policy version.
    key: `${module}/${recordId}/${clock ? `${clock}.` : ''}${type}/${new Date(at).toISOString().slice(0, 16)}Z/p1`,
    module,
    recordId,
    type,
    clock,
    at,
    policyVersion: 'p1',
    cause: `${type} at ${new Date(at).toISOString()}`,
    ...overrides,
  };
};

const TIMELINE = [
  event('c1', 'reported', minute(9, 0)),
  event('c1', 'at_risk', minute(11, 15), { clock: 'response' }),
  event('c1', 'breached', minute(13, 1), { clock: 'response', details: { dueAt: minute(13, 0) } }),
  event('c2', 'reported', minute(10, 0)),
  event('a1', 'hours_warning', minute(12, 0), { module: 'Accounts' }),
];

describeStore('the event ledger', (env) => {
  it('inserts new events and reports how many were new', async () => {
    expect(await env.write((repositories) => repositories.events.insertMany(TIMELINE))).toBe(5);
  });

  it('ignores an event whose key is already stored: no error, no update, counted as not new', async () => {
    env.clock.advance(60_000);
    const replay = [
      ...TIMELINE,
      { ...TIMELINE[0], cause: 'a different cause must not overwrite the first' } as LedgerEventInput,
      event('c1', 'acknowledged', minute(14, 0)),
    ];
    expect(await env.write((repositories) => repositories.events.insertMany(replay))).toBe(1);
    expect(await env.store.read((readers) => readers.events.count())).toBe(6);
    const first = await env.store.read((readers) => readers.events.getByKey(TIMELINE[0]?.key ?? ''));
    expect(first).toMatchObject({
      cause: TIMELINE[0]?.cause,
      recordedAt: env.clock.value - 60_000,
      details: null,
    });
  });

  it('treats the same event twice in one batch as one', async () => {
    const twice = [event('c3', 'reported', minute(8, 0)), event('c3', 'reported', minute(8, 0))];
    expect(await env.write((repositories) => repositories.events.insertMany(twice))).toBe(1);
    expect(await env.store.read((readers) => readers.events.count({ recordId: 'c3' }))).toBe(1);
  });

  it('reads a case timeline in time order, with every field as inserted', async () => {
    const timeline = await env.store.read((readers) => readers.events.forCase('c1'));
    expect(timeline.map((item) => [item.type, item.clock, item.at])).toEqual([
      ['reported', null, minute(9, 0)],
      ['at_risk', 'response', minute(11, 15)],
      ['breached', 'response', minute(13, 1)],
      ['acknowledged', null, minute(14, 0)],
    ]);
    expect(timeline[2]).toMatchObject({
      key: TIMELINE[2]?.key,
      module: 'Cases',
      recordId: 'c1',
      policyVersion: 'p1',
      details: { dueAt: minute(13, 0) },
    });
    expect(await env.store.read((readers) => readers.events.forRecord('Accounts', 'a1'))).toHaveLength(1);
  });

  it('queries by type, since an instant, within a window, and tails by sequence', async () => {
    const reported = await env.store.read((readers) => readers.events.ofType('reported'));
    expect(reported.map((item) => item.recordId)).toEqual(['c3', 'c1', 'c2']);
    const since = await env.store.read((readers) => readers.events.since(minute(12, 0)));
    expect(since.map((item) => item.type)).toEqual(['hours_warning', 'breached', 'acknowledged']);
    const window = await env.store.read((readers) =>
      readers.events.find({ module: 'Cases', since: minute(9, 0), until: minute(13, 1) }),
    );
    expect(window.map((item) => item.type)).toEqual(['reported', 'reported', 'at_risk']);
    const all = await env.store.read((readers) => readers.events.find({ afterSeq: 0 }));
    expect(all.map((item) => item.seq)).toEqual([...all.map((item) => item.seq)].sort((a, b) => a - b));
    const tail = await env.store.read((readers) =>
      readers.events.find({ afterSeq: all[4]?.seq ?? 0, limit: 10 }),
    );
    expect(tail.map((item) => item.key)).toEqual(all.slice(5).map((item) => item.key));
  });

  it('refuses an instant that is not whole milliseconds and an empty key', async () => {
    await expect(
      env.write((repositories) => repositories.events.insertMany([event('c4', 'reported', 1.5)])),
    ).rejects.toThrow(TypeError);
    await expect(
      env.write((repositories) =>
        repositories.events.insertMany([{ ...event('c4', 'reported', 0), key: '' }]),
      ),
    ).rejects.toThrow(TypeError);
  });

  if (env.backend === 'mariadb')
    it('stores once the same events inserted concurrently from two connections', async () => {
      const other = await env.open();
      const batch = Array.from({ length: 300 }, (_, index) =>
        event(`race-${index % 60}`, 'reported', minute(9, 0) + index * 60_000),
      );
      const reversed = [...batch].reverse();
      for (let round = 0; round < 5; round++) {
        const roundBatch = batch.map((item) => ({ ...item, key: `${item.key}#${round}` }));
        const roundReversed = reversed.map((item) => ({ ...item, key: `${item.key}#${round}` }));
        const [a, b, c] = await Promise.all([
          env.store.writeUnfenced((repositories) => repositories.events.insertMany(roundBatch)),
          other.writeUnfenced((repositories) => repositories.events.insertMany(roundReversed)),
          other.writeUnfenced((repositories) => repositories.events.insertMany(roundBatch.slice(100, 200))),
        ]);
        expect(a + b + c).toBe(300);
      }
      const stored = await env.store.read((readers) => readers.events.find({ type: 'reported', since: 0 }));
      const raced = stored.filter((item) => item.recordId.startsWith('race-'));
      expect(raced).toHaveLength(1500);
      expect(new Set(raced.map((item) => item.key)).size).toBe(1500);
    });
});
