import { expect, it } from 'vitest';
import { londonDateOf, londonMidnight } from '../../../bridge/src/store/index.js';
import { describeStore } from '../../support/store-backends.js';

describeStore('the tracking start', (env) => {
  it('is not set before the first initialise', async () => {
    expect(await env.store.read((readers) => readers.trackingStart.get())).toBeNull();
  });

  it('is set once to 00:00 Europe/London of the day (BST: the day before in UTC)', async () => {
    // 2026-07-01 00:30 London is 2026-06-30 23:30 UTC: the London day is 1 July.
    const now = Date.UTC(2026, 5, 30, 23, 30);
    const first = await env.writeUnfenced((repositories) =>
      repositories.trackingStart.initialise(now, 'migrate'),
    );
    expect(first).toEqual({
      created: true,
      trackingStart: {
        at: Date.UTC(2026, 5, 30, 23, 0),
        date: '2026-07-01',
        setAt: env.clock.value,
        setBy: 'migrate',
      },
    });
    const second = await env.writeUnfenced((repositories) =>
      repositories.trackingStart.initialise(now + 86_400_000, 'migrate'),
    );
    expect(second).toEqual({ created: false, trackingStart: first.trackingStart });
  });

  it('changes on request and says what it was', async () => {
    env.clock.advance(1000);
    const { previous, current } = await env.writeUnfenced((repositories) =>
      repositories.trackingStart.set('2026-01-05', 'tracking-start'),
    );
    expect(previous?.date).toBe('2026-07-01');
    expect(current).toEqual({
      at: Date.UTC(2026, 0, 5, 0, 0),
      date: '2026-01-05',
      setAt: env.clock.value,
      setBy: 'tracking-start',
    });
    expect(await env.store.read((readers) => readers.trackingStart.get())).toEqual(current);
    const same = await env.writeUnfenced((repositories) => repositories.trackingStart.set('2026-01-05', 'x'));
    expect(same.current).toEqual(current);
  });
});

it('London midnight around the clock changes', () => {
  expect(londonMidnight('2026-03-29')).toBe(Date.UTC(2026, 2, 29, 0, 0)); // GMT until 01:00 UTC
  expect(londonMidnight('2026-03-30')).toBe(Date.UTC(2026, 2, 29, 23, 0)); // BST
  expect(londonMidnight('2026-10-25')).toBe(Date.UTC(2026, 9, 24, 23, 0)); // still BST at midnight
  expect(londonMidnight('2026-10-26')).toBe(Date.UTC(2026, 9, 26, 0, 0));
  expect(londonMidnight('2026-02-29')).toBeNull();
  expect(londonMidnight('2026-1-05')).toBeNull();
  expect(londonDateOf(Date.UTC(2026, 2, 29, 23, 0))).toBe('2026-03-30');
  expect(londonDateOf(Date.UTC(2026, 2, 29, 22, 59))).toBe('2026-03-29');
});
