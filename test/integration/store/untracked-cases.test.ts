import { expect, it } from 'vitest';
import { forgetRecords } from '../../../bridge/src/store/index.js';
import { describeStore } from '../../support/store-backends.js';

describeStore('cases not tracked', (env) => {
  it('counts them by reason; a case marked again takes its new reason', async () => {
    await env.write((repositories) =>
      repositories.untracked.mark([
        { caseId: 'c1', reason: 'created_before_install' },
        { caseId: 'c2', reason: 'created_before_install' },
        { caseId: 'c3', reason: 'before_tracking_start' },
      ]),
    );
    env.clock.advance(60_000);
    await env.write((repositories) =>
      repositories.untracked.mark([{ caseId: 'c2', reason: 'before_tracking_start' }]),
    );
    expect(await env.store.read((readers) => readers.untracked.counts())).toEqual({
      before_tracking_start: 2,
      created_before_install: 1,
    });
  });

  it('forgets a case once it is tracked, or deleted', async () => {
    expect(await env.write((repositories) => repositories.untracked.clear(['c1', 'nope']))).toBe(1);
    await env.write((repositories) => forgetRecords(repositories, 'Cases', ['c2']));
    expect(await env.store.read((readers) => readers.untracked.counts())).toEqual({
      before_tracking_start: 1,
    });
  });
});
