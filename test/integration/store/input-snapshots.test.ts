import { expect, it } from 'vitest';
import type { InputSnapshotInput } from '../../../bridge/src/store/index.js';
import { describeStore } from '../../support/store-backends.js';

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const caseRow = (id: string, accountId: string | null, open: boolean, data: unknown, dateModified = T0) =>
  ({
    module: 'Cases',
    recordId: id,
    accountId,
    open,
    number: String(1000 + Number(id.slice(1))),
    dateModified,
    data,
  }) satisfies InputSnapshotInput;
const entry = (id: string, accountId: string, caseId: string, minutes: number): InputSnapshotInput => ({
  module: 'AOS_TimeEntries',
  recordId: id,
  accountId,
  caseId,
  dateModified: T0,
  data: { minutes, category: 'support', workDate: '2026-01-09' },
});

describeStore('input snapshots', (env) => {
  it('stores records and reports them as created; reads them back exactly', async () => {
    const report = await env.write((repositories) =>
      repositories.inputs.upsertMany([
        caseRow('c1', 'a1', true, { severity: '2', name: 'Ünïcode & <b>', nested: { b: 1, a: [1, 2] } }),
        caseRow('c2', 'a1', false, { severity: '3' }),
        caseRow('c3', 'a2', true, { severity: '1' }),
        { module: 'Accounts', recordId: 'a1', accountId: null, dateModified: T0, data: { plan: 'gold' } },
        entry('t1', 'a1', 'c1', 30),
        entry('t2', 'a1', 'c2', 45),
        entry('t3', 'a2', 'c3', 15),
      ]),
    );
    expect(report).toMatchObject({ created: 7, changed: 0, touched: 0, unchanged: 0 });
    expect(report.changes.every((change) => change.kind === 'created' && change.previous === null)).toBe(
      true,
    );
    const c1 = await env.store.read((readers) => readers.inputs.get('Cases', 'c1'));
    expect(c1).toEqual({
      module: 'Cases',
      recordId: 'c1',
      accountId: 'a1',
      caseId: null,
      open: true,
      number: '1001',
      dateModified: T0,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      data: { severity: '2', name: 'Ünïcode & <b>', nested: { b: 1, a: [1, 2] } },
      createdAt: env.clock.value,
      updatedAt: env.clock.value,
    });
    const account = await env.store.read((readers) => readers.inputs.get('Accounts', 'a1'));
    expect(account?.open).toBeNull();
  });

  it('writes only what differs: unchanged, touched (date_modified only), changed', async () => {
    env.clock.advance(60_000);
    const report = await env.write((repositories) =>
      repositories.inputs.upsertMany([
        // Same data in another key order: same canonical content, nothing to do.
        caseRow('c1', 'a1', true, { nested: { a: [1, 2], b: 1 }, name: 'Ünïcode & <b>', severity: '2' }),
        // The bridge's own PATCH bumped date_modified only.
        caseRow('c2', 'a1', false, { severity: '3' }, T0 + 60_000),
        // Moved to another account and closed.
        caseRow('c3', 'a1', false, { severity: '1' }),
      ]),
    );
    expect(report).toMatchObject({ created: 0, changed: 1, touched: 1, unchanged: 1 });
    expect(report.changes).toEqual([
      {
        module: 'Cases',
        recordId: 'c3',
        kind: 'changed',
        previous: { accountId: 'a2', caseId: null, open: true, contentHash: expect.any(String) },
      },
    ]);
    const stored = await env.store.read((readers) =>
      readers.inputs.getMany('Cases', ['c1', 'c2', 'c3', 'nope']),
    );
    expect([...stored.keys()].sort()).toEqual(['c1', 'c2', 'c3']);
    expect(stored.get('c1')?.updatedAt).toBe(env.clock.value - 60_000);
    expect(stored.get('c2')?.dateModified).toBe(T0 + 60_000);
    expect(stored.get('c2')?.updatedAt).toBe(env.clock.value);
    expect(stored.get('c3')).toMatchObject({
      accountId: 'a1',
      open: false,
      createdAt: env.clock.value - 60_000,
    });
  });

  it('reports a change of data as changed, with the previous hash', async () => {
    const before = await env.store.read((readers) => readers.inputs.get('Cases', 'c1'));
    const report = await env.write((repositories) =>
      repositories.inputs.upsertMany([caseRow('c1', 'a1', true, { severity: '1' })]),
    );
    expect(report.changes).toEqual([
      {
        module: 'Cases',
        recordId: 'c1',
        kind: 'changed',
        previous: { accountId: 'a1', caseId: null, open: true, contentHash: before?.contentHash },
      },
    ]);
    const after = await env.store.read((readers) => readers.inputs.get('Cases', 'c1'));
    expect(after?.contentHash).not.toBe(before?.contentHash);
    expect(after?.data).toEqual({ severity: '1' });
  });

  it('keeps the last occurrence of a record given twice in one batch', async () => {
    const report = await env.write((repositories) =>
      repositories.inputs.upsertMany([
        caseRow('c9', 'a9', true, { v: 1 }),
        caseRow('c9', 'a9', true, { v: 2 }),
      ]),
    );
    expect(report.created).toBe(1);
    expect((await env.store.read((readers) => readers.inputs.get('Cases', 'c9')))?.data).toEqual({ v: 2 });
  });

  it('reads dependants: all cases / open cases of accounts, time entries of accounts and of cases', async () => {
    const ids = (rows: Array<{ recordId: string }>) => rows.map((row) => row.recordId);
    expect(ids(await env.store.read((readers) => readers.inputs.byAccounts('Cases', ['a1'])))).toEqual([
      'c1',
      'c2',
      'c3',
    ]);
    expect(
      ids(
        await env.store.read((readers) =>
          readers.inputs.byAccounts('Cases', ['a1', 'a9'], { openOnly: true }),
        ),
      ),
    ).toEqual(['c1', 'c9']);
    expect(ids(await env.store.read((readers) => readers.inputs.byAccounts('Cases', ['a2'])))).toEqual([]);
    expect(
      ids(await env.store.read((readers) => readers.inputs.byAccounts('AOS_TimeEntries', ['a1', 'a2']))),
    ).toEqual(['t1', 't2', 't3']);
    expect(ids(await env.store.read((readers) => readers.inputs.byCases('AOS_TimeEntries', ['c3'])))).toEqual(
      ['t3'],
    );
  });

  it('finds a case by its number', async () => {
    const found = await env.store.read((readers) => readers.inputs.findByNumber('Cases', '1002'));
    expect(found.map((row) => row.recordId)).toEqual(['c2']);
    expect(await env.store.read((readers) => readers.inputs.findByNumber('Cases', '4242'))).toEqual([]);
    const renumbered = await env.write((repositories) =>
      repositories.inputs.upsertMany([
        { ...caseRow('c2', 'a1', false, { severity: '3' }, T0 + 60_000), number: '4242' },
      ]),
    );
    expect(renumbered).toMatchObject({ touched: 1, changes: [] });
    const moved = await env.store.read((readers) => readers.inputs.findByNumber('Cases', '4242'));
    expect(moved.map((row) => row.recordId)).toEqual(['c2']);
  });

  it('pages ids and whole snapshots by key', async () => {
    const firstPage = await env.store.read((readers) => readers.inputs.ids('Cases', { limit: 2 }));
    expect(firstPage).toEqual(['c1', 'c2']);
    const next = await env.store.read((readers) => readers.inputs.ids('Cases', { afterId: 'c2', limit: 2 }));
    expect(next).toEqual(['c3', 'c9']);
    const page = await env.store.read((readers) =>
      readers.inputs.page('Cases', { afterId: 'c3', limit: 10 }),
    );
    expect(page.map((row) => [row.recordId, row.data])).toEqual([['c9', { v: 2 }]]);
    expect(await env.store.read((readers) => readers.inputs.counts())).toEqual({
      AOS_TimeEntries: 3,
      Accounts: 1,
      Cases: 4,
    });
  });

  it('deletes records and returns what they pointed at', async () => {
    const deleted = await env.write((repositories) =>
      repositories.inputs.delete('AOS_TimeEntries', ['t2', 'missing']),
    );
    expect(deleted).toEqual([{ module: 'AOS_TimeEntries', recordId: 't2', accountId: 'a1', caseId: 'c2' }]);
    expect(await env.store.read((readers) => readers.inputs.get('AOS_TimeEntries', 't2'))).toBeNull();
  });

  it('upserts 10,000 snapshots in one batch, then finds all 10,000 unchanged', async () => {
    const rows: InputSnapshotInput[] = [];
    for (let index = 0; index < 10_000; index++) {
      const id = `00000000-0000-4000-8000-${index.toString().padStart(12, '0')}`;
      rows.push({
        module: 'Bulk',
        recordId: id,
        accountId: `acct-${index % 250}`,
        open: index % 3 !== 0,
        dateModified: T0 + index * 1000,
        data: {
          id,
          name: `Case ${index}`,
          severity: String((index % 4) + 1),
          changeLog: Array.from({ length: 5 }, (_, step) => ({
            at: T0 + step,
            field: 'status',
            to: `S${step}`,
          })),
        },
      });
    }
    const started = performance.now();
    const report = await env.write((repositories) => repositories.inputs.upsertMany(rows));
    const firstMs = performance.now() - started;
    expect(report.created).toBe(10_000);
    const again = performance.now();
    const second = await env.write((repositories) => repositories.inputs.upsertMany(rows));
    const secondMs = performance.now() - again;
    expect(second).toMatchObject({ created: 0, changed: 0, touched: 0, unchanged: 10_000 });
    expect((await env.store.read((readers) => readers.inputs.counts())).Bulk).toBe(10_000);
    const sample = await env.store.read((readers) =>
      readers.inputs.getMany('Bulk', ['00000000-0000-4000-8000-000000009999']),
    );
    expect(sample.get('00000000-0000-4000-8000-000000009999')?.data).toEqual(rows[9999]?.data);
    const openOfOne = await env.store.read((readers) =>
      readers.inputs.byAccounts('Bulk', ['acct-7'], { openOnly: true }),
    );
    expect(openOfOne).toHaveLength(rows.filter((row) => row.accountId === 'acct-7' && row.open).length);
    if (process.env.STORE_TIMINGS) {
      process.stderr.write(
        `[${env.backend}] 10,000 snapshots: first upsert ${firstMs.toFixed(0)} ms, unchanged re-upsert ${secondMs.toFixed(0)} ms\n`,
      );
    }
  });
});
