import { expect, it } from 'vitest';
import { describeStore } from '../../support/store-backends.js';

describeStore('records not computed', (env) => {
  it('lists records with their reason, keeping when each was first seen', async () => {
    const first = env.clock.value;
    await env.write((repositories) =>
      repositories.problems.report([
        { module: 'Cases', recordId: 'c1', reason: 'severity missing' },
        { module: 'Accounts', recordId: 'a1', reason: 'contract start is not a date' },
      ]),
    );
    env.clock.advance(60_000);
    await env.write((repositories) =>
      repositories.problems.report([
        { module: 'Cases', recordId: 'c1', reason: 'reported at is in the future' },
      ]),
    );
    expect(await env.store.read((readers) => readers.problems.list({ module: 'Cases' }))).toEqual([
      {
        module: 'Cases',
        recordId: 'c1',
        reason: 'reported at is in the future',
        firstSeenAt: first,
        lastSeenAt: first + 60_000,
      },
    ]);
    expect(await env.store.read((readers) => readers.problems.counts())).toEqual({ Accounts: 1, Cases: 1 });
  });

  it('forgets a record once it computes', async () => {
    expect(await env.write((repositories) => repositories.problems.clear('Cases', ['c1', 'c2']))).toBe(1);
    expect(await env.store.read((readers) => readers.problems.list())).toMatchObject([{ recordId: 'a1' }]);
  });
});
