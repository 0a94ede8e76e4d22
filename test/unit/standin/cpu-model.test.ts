import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../bridge/src/catalogue/catalogue.js';
import { CpuModel, requestKind } from '../../../bridge/src/standin/faults/cpu-model.js';

/**
 * The stand-in's CPU-bound SuiteCRM. A virtual sleep keeps the test exact on a loaded machine:
 * time moves only when every pending request sleeps, to the earliest wake-up.
 */
function virtualTime() {
  let now = 0;
  const timers: Array<{ at: number; wake: () => void }> = [];
  const sleep = (ms: number) =>
    new Promise<void>((wake) => {
      timers.push({ at: now + ms, wake });
    });
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const run = async <T>(work: Promise<T>): Promise<T> => {
    let done = false;
    const result = work.then((value) => {
      done = true;
      return value;
    });
    while (!done) {
      await settle();
      if (done) break;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) throw new Error('nothing to wake: the work is stuck');
      now = next.at;
      next.wake();
    }
    return result;
  };
  return { sleep, run, now: () => now };
}

const caseFields = CATALOGUE.fields
  .filter((f) => f.module === 'Cases' && f.writer === 'bridge')
  .map((f) => f.name);

describe('CPU-bound stand-in model', () => {
  it('classifies routes by kind', () => {
    expect(requestKind('update')).toBe('save');
    expect(requestKind('list')).toBe('list');
    expect(requestKind('get')).toBe('get');
    expect(requestKind('token')).toBe('other');
  });

  it('costs a first-sync case PATCH as measured (136 ms) when the four bridge fields it was measured with are audited', () => {
    const model = new CpuModel({
      cores: 2,
      audited: {
        Cases: [
          'sla_effective_severity_c',
          'sla_coverage_c',
          'sla_response_status_c',
          'sla_resolution_status_c',
        ],
      },
    });
    const cost = model.cost('save', 'Cases', { fields: caseFields });
    expect(cost.cpuMs + cost.waitMs).toBe(136);
    const withoutAod = new CpuModel({ cores: 2, aod: false, audited: { Cases: [] } }).cost('save', 'Cases', {
      fields: caseFields,
    });
    expect(cost.cpuMs - withoutAod.cpuMs).toBe(48 + 4 * 2);
  });

  it('costs list pages by module and size: 118 ms for 100 cases, 257 ms for 100 time entries', () => {
    const model = new CpuModel({ cores: 2 });
    const total = (module: string, pageSize: number) => {
      const cost = model.cost('list', module, { pageSize });
      return Math.round(cost.cpuMs + cost.waitMs);
    };
    expect(total('Cases', 100)).toBe(118);
    expect(total('SLA_TimeEntries', 100)).toBe(257);
    expect(total('Cases', 10)).toBeLessThan(total('Cases', 100));
  });

  it('prices a time-entries page with the names read in one query on the line through the measured kinds', () => {
    const page = (timeEntryNames: 'loaded' | 'one-query', module = 'SLA_TimeEntries') => {
      const cost = new CpuModel({ cores: 2, timeEntryNames }).cost('list', module, { pageSize: 100 });
      return Math.round(cost.cpuMs + cost.waitMs);
    };
    expect(page('loaded')).toBe(257);
    // 17 ms + 100 × (0.44 + 2 × 0.28) ms: two queries a record, like a case.
    expect(page('one-query')).toBe(117);
    expect(page('one-query', 'Cases')).toBe(118);
    expect(() => new CpuModel({ cores: 2, timeEntryNames: 'fast' as 'loaded' })).toThrow(/timeEntryNames/);
  });

  it('on 2 cores, 4 saves at once take twice as long as 2: no more throughput, and each waits', async () => {
    const time = virtualTime();
    const model = new CpuModel({ cores: 2 });
    const save = model.cost('save', 'Cases', { fields: caseFields });
    const latencies: number[] = [];
    const one = async () => {
      const start = time.now();
      await model.serve(save, time.sleep);
      latencies.push(time.now() - start);
    };
    await time.run(Promise.all([one(), one()]));
    const two = time.now();
    latencies.length = 0;
    const startFour = time.now();
    await time.run(Promise.all([one(), one(), one(), one()]));
    const four = time.now() - startFour;
    // The last two wait for the first two's cores: almost twice the latency...
    expect(two).toBe(save.cpuMs + save.waitMs);
    expect(four).toBe(2 * save.cpuMs + save.waitMs);
    expect(Math.max(...latencies) / two).toBeGreaterThan(1.8);
    // ...for under 10% more throughput (only the part that holds no core overlaps).
    expect(4 / four / (2 / two)).toBeLessThan(1.1);
  });

  it('with the rest on a core, each request holds a core for its whole cost: 4 saves at once on 2 cores take exactly twice as long as 2', async () => {
    const time = virtualTime();
    const offCore = new CpuModel({ cores: 2 }).cost('save', 'Cases', { fields: caseFields });
    const model = new CpuModel({ cores: 2, rest: 'on-core' });
    const save = model.cost('save', 'Cases', { fields: caseFields });
    expect(save).toEqual({ cpuMs: offCore.cpuMs + offCore.waitMs, waitMs: 0 });
    expect(new CpuModel({ cores: 2, rest: 'on-core' }).cost('list', 'Cases', { pageSize: 100 })).toEqual({
      cpuMs: 118,
      waitMs: 0,
    });
    const batch = async (n: number) => {
      const start = time.now();
      await time.run(Promise.all(Array.from({ length: n }, () => model.serve(save, time.sleep))));
      return time.now() - start;
    };
    const two = await batch(2);
    const four = await batch(4);
    expect(two).toBe(save.cpuMs);
    expect(four).toBe(2 * save.cpuMs);
  });

  it('rejects an unknown place for the rest of a cost', () => {
    expect(() => new CpuModel({ cores: 2, rest: 'elsewhere' as 'on-core' })).toThrow(/rest must be/);
  });

  it('a staff GET behind the bridge waits for a core: longer at concurrency 4 than at 2 than at 1', async () => {
    const staffWait = async (bridgeInFlight: number) => {
      const time = virtualTime();
      const model = new CpuModel({ cores: 2 });
      const save = model.cost('save', 'Cases', { fields: caseFields });
      const bridge = Array.from({ length: bridgeInFlight }, () => model.serve(save, time.sleep));
      let staffMs = 0;
      const staff = (async () => {
        const start = time.now();
        await model.serve(model.cost('get', 'Cases', {}), time.sleep);
        staffMs = time.now() - start;
      })();
      await time.run(Promise.all([...bridge, staff]));
      return staffMs;
    };
    const [one, two, four] = [await staffWait(1), await staffWait(2), await staffWait(4)];
    expect(one).toBe(20);
    expect(two).toBeGreaterThan(one);
    expect(four).toBeGreaterThan(two);
  });

  it('rejects a model without cores', () => {
    expect(() => new CpuModel({ cores: 0 })).toThrow(/cores/);
  });
});
