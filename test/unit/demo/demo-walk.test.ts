import { describe, expect, it } from 'vitest';
import { DEMO_SCENARIO, type Scenario } from '../../../bridge/src/demo/demo-scenario.js';
import { localInstant, WalkInterrupted, walk, walkMoments } from '../../../bridge/src/demo/demo-walk.js';
import type { JobOutcome } from '../../../bridge/src/jobs/daemon.js';

const tiny: Scenario = {
  zone: 'Europe/London',
  seed: 1,
  trackingStart: '2026-05-01',
  startsAt: '2026-06-01 07:00',
  eventsFrom: '2026-06-01 00:00',
  walk: [{ from: '2026-06-01 09:00', to: '2026-06-01 10:00', everyMinutes: 30 }],
  steps: [
    {
      at: '2026-06-01 09:30',
      action: { kind: 'edit-case', case: 'c', by: 'u2', attributes: { status: 'Open_Assigned' } },
    },
    { at: '2026-06-01 08:00', action: { kind: 'create-account', key: 'a', attributes: { name: 'A' } } },
    {
      at: '2026-06-01 09:00',
      action: { kind: 'create-case', key: 'c', account: 'a', by: 'u1', attributes: { name: 'C' } },
    },
    {
      at: '2026-06-01 09:30',
      action: { kind: 'log-time', case: 'c', by: 'u2', attributes: { hours: '1.00' } },
    },
  ],
};

function recorder(outcome: JobOutcome = 'ran') {
  const calls: string[] = [];
  let next = 0;
  return {
    calls,
    driver: {
      setNow: async (at: number) => {
        calls.push(`now ${new Date(at).toISOString().slice(11, 16)}`);
      },
      create: async (module: string, attributes: Record<string, string>, userId?: string) => {
        calls.push(`create ${module} ${JSON.stringify(attributes)} by ${userId ?? '-'}`);
        return { id: `id${++next}` };
      },
      edit: async (module: string, id: string, attributes: Record<string, string>, userId?: string) => {
        calls.push(`edit ${module} ${id} ${JSON.stringify(attributes)} by ${userId ?? '-'}`);
      },
      tick: async (at: number) => {
        calls.push(`tick ${new Date(at).toISOString().slice(11, 16)}`);
        return outcome;
      },
    },
  };
}

describe('the clock walk', () => {
  it('reads scenario times as London wall-clock times', () => {
    expect(localInstant('2026-06-01 08:00', 'Europe/London')).toBe(Date.parse('2026-06-01T07:00:00Z'));
    expect(localInstant('2026-01-05 08:00', 'Europe/London')).toBe(Date.parse('2026-01-05T08:00:00Z'));
    expect(() => localInstant('2026-06-01', 'Europe/London')).toThrow(/not a valid/);
  });

  it('merges saves and ticks in time order, a save before a tick of the same minute, saves in written order', async () => {
    const { calls, driver } = recorder();
    const result = await walk(tiny, driver);
    expect(calls).toEqual([
      'now 07:00',
      'create Accounts {"name":"A"} by -',
      'now 08:00',
      'create Cases {"name":"C","account_id":"id1"} by u1',
      'tick 08:00',
      'now 08:30',
      'edit Cases id2 {"status":"Open_Assigned"} by u2',
      'create SLA_TimeEntries {"hours":"1.00","case_id":"id2"} by u2',
      'tick 08:30',
      'now 09:00',
      'tick 09:00',
    ]);
    expect(result).toMatchObject({
      ticks: 3,
      saves: 4,
      from: Date.parse('2026-06-01T08:00:00Z'),
      to: Date.parse('2026-06-01T09:00:00Z'),
    });
    expect(result.ids).toEqual(
      new Map([
        ['a', 'id1'],
        ['c', 'id2'],
      ]),
    );
  });

  it('fails loudly when a tick does not run cleanly, and stops between moments when asked', async () => {
    await expect(walk(tiny, recorder('failed').driver)).rejects.toThrow(/did not run cleanly \(failed\)/);
    let moments = 0;
    const { driver } = recorder();
    await expect(walk(tiny, { ...driver, stopped: () => ++moments > 3 })).rejects.toBeInstanceOf(
      WalkInterrupted,
    );
  });

  it('walks the sample week with every key created before it is used', async () => {
    const moments = walkMoments(DEMO_SCENARIO);
    // Monday every 15 min (41), Tue-Thu every 2 h (3 x 6), Friday to 16:00 (5), Fri 17:00 to
    // Mon 09:00 every 2 h (33), Monday 09:15 to 11:30 every 15 min (10).
    expect(moments.filter((m) => m.kind === 'tick')).toHaveLength(41 + 18 + 5 + 33 + 10);
    const result = await walk(DEMO_SCENARIO, recorder().driver);
    expect(result.saves).toBe(DEMO_SCENARIO.steps.length);
  });
});
