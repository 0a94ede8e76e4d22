import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dbDatetime,
  parseDbDatetime,
  VirtualClock,
} from '../../../bridge/src/standin/clock/virtual-clock.js';

describe('the virtual clock', () => {
  it('stands still when frozen and moves only when told', () => {
    let real = 1_000;
    const clock = new VirtualClock(Date.parse('2026-11-25T12:00:00Z'), 'frozen', () => real);
    real += 5_000;
    expect(clock.now()).toBe(Date.parse('2026-11-25T12:00:00Z'));
    clock.advance(90_000);
    expect(dbDatetime(clock.now())).toBe('2026-11-25 12:01:30');
    expect(() => clock.advance(-1)).toThrow();
  });

  it('follows real time from wherever it was set when running', () => {
    let real = 0;
    const clock = new VirtualClock(0, 'running', () => real);
    clock.set(Date.parse('2026-01-01T00:00:00Z'));
    real += 2_500;
    expect(clock.now()).toBe(Date.parse('2026-01-01T00:00:02.500Z'));
    clock.setMode('frozen');
    real += 10_000;
    expect(clock.now()).toBe(Date.parse('2026-01-01T00:00:02.500Z'));
  });

  it("started at 'real', reads the real time exactly, milliseconds included", () => {
    let real = 1_796_695_413_174;
    const clock = new VirtualClock('real', 'running', () => real);
    expect(clock.now()).toBe(1_796_695_413_174);
    real += 1_234;
    expect(clock.now()).toBe(1_796_695_414_408);
  });

  it('formats database datetimes exactly as Date#toISOString would, to the second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8_000_000_000_000 }), (ms) => {
        const text = dbDatetime(ms);
        expect(text).toBe(
          new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' '),
        );
        expect(parseDbDatetime(text)).toBe(Math.floor(ms / 1000) * 1000);
      }),
      { numRuns: 2000 },
    );
  });
});
