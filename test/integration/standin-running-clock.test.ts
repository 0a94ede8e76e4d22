import { describe, expect, it } from 'vitest';
import { startStandIn } from '../../bridge/src/standin/index.js';

/**
 * A stand-in on a running clock follows the real clock. It used to start on the whole second
 * before the real instant and so ran behind by up to a second for its whole life: the freshness
 * bench, which timed saves by the real clock and the bridge's PATCHes by the stand-in's journal,
 * then missed a PATCH that came sooner than that lag and took the record's next PATCH instead.
 */
describe('stand-in clock', () => {
  it('a running clock reads the real time, to the millisecond', async () => {
    const standIn = await startStandIn({ clock: 'running', scale: false });
    try {
      const before = Date.now();
      const read = standIn.control.now();
      const after = Date.now();
      expect(read).toBeGreaterThanOrEqual(before);
      expect(read).toBeLessThanOrEqual(after);
    } finally {
      await standIn.close();
    }
  });

  it('a frozen clock starts on a whole second and stays there', async () => {
    const standIn = await startStandIn({ scale: false });
    try {
      const first = standIn.control.now();
      expect(first % 1000).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(standIn.control.now()).toBe(first);
    } finally {
      await standIn.close();
    }
  });
});
