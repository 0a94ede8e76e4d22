import { describe, expect, it } from 'vitest';
import { WritePacer } from '../../../bridge/src/sync/write-pacer.js';

describe('WritePacer (SUITECRM_WRITE_RATE)', () => {
  it('spaces writes 1000 / rate ms apart, across workers that ask at once', async () => {
    let now = 1_000;
    const slept: number[] = [];
    const pacer = new WritePacer(
      4,
      () => now,
      async (ms) => {
        slept.push(ms);
      },
    );
    // Two workers ask at the same instant, twice each: slots at 0, 250, 500, 750 ms.
    await Promise.all([pacer.wait(), pacer.wait(), pacer.wait(), pacer.wait()]);
    expect(slept).toEqual([250, 500, 750]);
    // Long after, the first write goes at once: idle time is not saved up as a burst.
    now += 10_000;
    slept.length = 0;
    await pacer.wait();
    await pacer.wait();
    expect(slept).toEqual([250]);
  });

  it('rejects a rate of 0 or less (0 means no pacer at all)', () => {
    expect(() => new WritePacer(0)).toThrow(RangeError);
    expect(() => new WritePacer(-1)).toThrow(RangeError);
  });
});
