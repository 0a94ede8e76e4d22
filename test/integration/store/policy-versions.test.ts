import { expect, it } from 'vitest';
import { describeStore } from '../../support/store-backends.js';

const POLICY = {
  plans: { gold: { targets: { 1: 60, 2: 240 } } },
  calendars: { london: { timeZone: 'Europe/London' } },
};

describeStore('policy versions', (env) => {
  it('records a version the first time it is seen, with its content', async () => {
    const { policy, created } = await env.write((repositories) =>
      repositories.policies.remember('0123abcd4567ef89', POLICY),
    );
    expect(created).toBe(true);
    expect(policy).toEqual({
      version: '0123abcd4567ef89',
      content: POLICY,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      firstSeenAt: env.clock.value,
    });
  });

  it('keeps the first content and first-seen instant when seen again', async () => {
    const firstSeen = env.clock.value;
    env.clock.advance(60_000);
    const again = await env.write((repositories) =>
      repositories.policies.remember('0123abcd4567ef89', { something: 'else' }),
    );
    expect(again.created).toBe(false);
    expect(again.policy).toMatchObject({ content: POLICY, firstSeenAt: firstSeen });
    await env.write((repositories) => repositories.policies.remember('fedcba9876543210', { plans: {} }));
    const list = await env.store.read((readers) => readers.policies.list());
    expect(list.map((item) => item.version)).toEqual(['0123abcd4567ef89', 'fedcba9876543210']);
    expect(await env.store.read((readers) => readers.policies.get('nope'))).toBeNull();
  });
});
