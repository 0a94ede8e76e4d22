import { expect, it } from 'vitest';
import { describeStore } from '../../support/store-backends.js';

const FIRST = Date.UTC(2026, 0, 5, 9, 30);

describeStore('case pins', (env) => {
  it('pins cases at their first evaluation and returns the pins in force', async () => {
    const report = await env.write((repositories) =>
      repositories.casePins.pinMany([
        {
          caseId: 'c1',
          coverage: 'covered',
          policyVersion: 'p1',
          firstEvaluatedAt: FIRST,
          state: { plan: 'gold' },
        },
        { caseId: 'c2', coverage: 'not_tracked', policyVersion: 'p1', firstEvaluatedAt: FIRST },
      ]),
    );
    expect(report.created).toEqual(['c1', 'c2']);
    expect(report.pins.get('c1')).toEqual({
      caseId: 'c1',
      coverage: 'covered',
      policyVersion: 'p1',
      firstEvaluatedAt: FIRST,
      state: { plan: 'gold' },
      pinnedAt: env.clock.value,
      restatedAt: null,
    });
    expect(report.pins.get('c2')?.state).toEqual({});
  });

  it('never changes a pin on a later evaluation (first evaluation wins)', async () => {
    env.clock.advance(3_600_000);
    const report = await env.write((repositories) =>
      repositories.casePins.pinMany([
        {
          caseId: 'c1',
          coverage: 'hours_exhausted',
          policyVersion: 'p2',
          firstEvaluatedAt: FIRST + 3_600_000,
        },
        { caseId: 'c3', coverage: 'no_contract', policyVersion: 'p2', firstEvaluatedAt: FIRST + 3_600_000 },
      ]),
    );
    expect(report.created).toEqual(['c3']);
    expect(report.pins.get('c1')).toMatchObject({
      coverage: 'covered',
      policyVersion: 'p1',
      firstEvaluatedAt: FIRST,
    });
    const stored = await env.store.read((readers) => readers.casePins.get('c1'));
    expect(stored).toMatchObject({ coverage: 'covered', policyVersion: 'p1', state: { plan: 'gold' } });
  });

  it('changes a pin only by restatement, which keeps when it was first pinned', async () => {
    const pinnedAt = (await env.store.read((readers) => readers.casePins.get('c2')))?.pinnedAt;
    env.clock.advance(1000);
    const previous = await env.write((repositories) =>
      repositories.casePins.restate({
        caseId: 'c2',
        coverage: 'covered',
        policyVersion: 'p2',
        firstEvaluatedAt: FIRST,
        state: { reason: 'tracking start moved' },
      }),
    );
    expect(previous?.coverage).toBe('not_tracked');
    expect(await env.store.read((readers) => readers.casePins.get('c2'))).toEqual({
      caseId: 'c2',
      coverage: 'covered',
      policyVersion: 'p2',
      firstEvaluatedAt: FIRST,
      state: { reason: 'tracking start moved' },
      pinnedAt,
      restatedAt: env.clock.value,
    });
    expect(await env.store.read((readers) => readers.casePins.countByCoverage())).toEqual({
      covered: 2,
      no_contract: 1,
    });
  });

  it('pages pins by case id', async () => {
    const first = await env.store.read((readers) => readers.casePins.page({ limit: 2 }));
    expect(first.map((pin) => pin.caseId)).toEqual(['c1', 'c2']);
    const rest = await env.store.read((readers) => readers.casePins.page({ afterId: 'c2', limit: 2 }));
    expect(rest.map((pin) => pin.caseId)).toEqual(['c3']);
  });

  it('forgets pins of deleted cases', async () => {
    expect(await env.write((repositories) => repositories.casePins.delete(['c3', 'zz']))).toBe(1);
    const pins = await env.store.read((readers) => readers.casePins.getMany(['c1', 'c2', 'c3']));
    expect([...pins.keys()].sort()).toEqual(['c1', 'c2']);
  });
});
