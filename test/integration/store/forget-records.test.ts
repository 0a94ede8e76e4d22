import { expect, it } from 'vitest';
import { forgetRecords } from '../../../bridge/src/store/index.js';
import { describeStore } from '../../support/store-backends.js';

const T0 = Date.UTC(2026, 0, 10, 9, 0);

describeStore('forgetting records SuiteCRM deleted', (env) => {
  it('removes every per-record row but keeps the events', async () => {
    await env.write(async (repositories) => {
      await repositories.inputs.upsertMany([
        { module: 'Cases', recordId: 'gone', accountId: 'a1', open: true, dateModified: T0, data: {} },
        { module: 'Cases', recordId: 'kept', accountId: 'a1', open: true, dateModified: T0, data: {} },
      ]);
      await repositories.suiteCrmFields.saveMany([{ module: 'Cases', recordId: 'gone', fields: { x: 1 } }]);
      await repositories.transitions.setMany([{ module: 'Cases', recordId: 'gone', dueAt: T0, reason: 'r' }]);
      await repositories.problems.report([{ module: 'Cases', recordId: 'gone', reason: 'bad' }]);
      await repositories.casePins.pinMany([
        { caseId: 'gone', coverage: 'covered', policyVersion: 'p', firstEvaluatedAt: T0 },
      ]);
      await repositories.events.insertMany([
        {
          key: 'Cases/gone/reported',
          module: 'Cases',
          recordId: 'gone',
          type: 'reported',
          clock: null,
          at: T0,
          policyVersion: 'p',
          cause: 'c',
        },
      ]);
    });
    const deleted = await env.write((repositories) => forgetRecords(repositories, 'Cases', ['gone']));
    expect(deleted).toEqual([{ module: 'Cases', recordId: 'gone', accountId: 'a1', caseId: null }]);
    const left = await env.store.read(async (readers) => ({
      inputs: await readers.inputs.ids('Cases', { limit: 10 }),
      held: await readers.suiteCrmFields.get('Cases', 'gone'),
      due: await readers.transitions.due(T0),
      problems: await readers.problems.list(),
      pin: await readers.casePins.get('gone'),
      events: await readers.events.forCase('gone'),
    }));
    expect(left).toMatchObject({ inputs: ['kept'], held: null, due: [], problems: [], pin: null });
    expect(left.events).toHaveLength(1);
  });
});
