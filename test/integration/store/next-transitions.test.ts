import { expect, it } from 'vitest';
import { describeStore } from '../../support/store-backends.js';

const at = (hh: number, mm: number) => Date.UTC(2026, 0, 12, hh, mm);

describeStore('next transitions', (env) => {
  it('keeps one next instant per record and answers what is due at or before now', async () => {
    await env.write((repositories) =>
      repositories.transitions.setMany([
        { module: 'Cases', recordId: 'c1', dueAt: at(11, 15), reason: 'response.at_risk' },
        { module: 'Cases', recordId: 'c2', dueAt: at(13, 1), reason: 'response.breached' },
        { module: 'Accounts', recordId: 'a1', dueAt: at(11, 15), reason: 'term_end' },
        { module: 'Cases', recordId: 'c3', dueAt: at(9, 0), reason: 'response.breached' },
      ]),
    );
    const due = await env.store.read((readers) => readers.transitions.due(at(11, 15)));
    expect(due.map((item) => [item.module, item.recordId, item.dueAt, item.reason])).toEqual([
      ['Cases', 'c3', at(9, 0), 'response.breached'],
      ['Accounts', 'a1', at(11, 15), 'term_end'],
      ['Cases', 'c1', at(11, 15), 'response.at_risk'],
    ]);
    expect(await env.store.read((readers) => readers.transitions.countDue(at(11, 14)))).toBe(1);
    const firstPage = await env.store.read((readers) => readers.transitions.due(at(23, 0), { limit: 2 }));
    expect(firstPage.map((item) => item.recordId)).toEqual(['c3', 'a1']);
    const casesOnly = await env.store.read((readers) =>
      readers.transitions.due(at(11, 15), { module: 'Cases' }),
    );
    expect(casesOnly.map((item) => item.recordId)).toEqual(['c3', 'c1']);
  });

  it('moves a record on after re-evaluation, and clears it when nothing is pending', async () => {
    env.clock.advance(1000);
    await env.write((repositories) =>
      repositories.transitions.setMany([
        { module: 'Cases', recordId: 'c1', dueAt: at(13, 1), reason: 'response.breached' },
        { module: 'Cases', recordId: 'c3', dueAt: null },
      ]),
    );
    expect(await env.store.read((readers) => readers.transitions.due(at(11, 15)))).toMatchObject([
      { module: 'Accounts', recordId: 'a1' },
    ]);
    const upcoming = await env.store.read((readers) => readers.transitions.upcoming(at(11, 15), 10));
    expect(upcoming.map((item) => [item.recordId, item.dueAt, item.updatedAt])).toEqual([
      ['c1', at(13, 1), env.clock.value],
      ['c2', at(13, 1), env.clock.value - 1000],
    ]);
    const byId = await env.store.read((readers) => readers.transitions.getMany('Cases', ['c1', 'c3']));
    expect([...byId.keys()]).toEqual(['c1']);
    expect(await env.write((repositories) => repositories.transitions.clear('Accounts', ['a1']))).toBe(1);
  });

  it('lists the due records of given accounts: the accounts and their cases and entries', async () => {
    const snapshot = (module: string, recordId: string, accountId: string | null) => ({
      module,
      recordId,
      accountId,
      dateModified: null,
      data: { id: recordId },
    });
    await env.write(async (repositories) => {
      await repositories.inputs.upsertMany([
        snapshot('Accounts', 'acc-1', null),
        snapshot('Cases', 'case-1', 'acc-1'),
        snapshot('Cases', 'case-2', 'acc-2'),
        snapshot('SLA_TimeEntries', 'te-1', 'acc-1'),
      ]);
      await repositories.transitions.setMany([
        { module: 'Accounts', recordId: 'acc-1', dueAt: at(8, 0) },
        { module: 'Cases', recordId: 'case-1', dueAt: at(8, 0) },
        { module: 'Cases', recordId: 'case-2', dueAt: at(8, 0) },
        { module: 'SLA_TimeEntries', recordId: 'te-1', dueAt: at(22, 0) },
      ]);
    });
    const due = await env.store.read((readers) =>
      readers.transitions.dueForAccounts(at(9, 0), ['acc-1'], ['Cases', 'SLA_TimeEntries']),
    );
    expect(due.map((row) => [row.module, row.recordId, row.accountId]).sort()).toEqual([
      ['Accounts', 'acc-1', 'acc-1'],
      ['Cases', 'case-1', 'acc-1'],
    ]);
  });
});
