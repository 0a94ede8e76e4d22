import { expect, it } from 'vitest';
import type { AccountRecord, CasePin, CaseRecord } from '../../../bridge/src/domain/index.js';
import { isBridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { canonicalContent, SNAPSHOT_FORMAT } from '../../../bridge/src/store/index.js';
import { describeStore } from '../../support/store-backends.js';

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);

const aCase: CaseRecord = {
  id: 'c1',
  status: 'Open_New',
  dateEntered: T0,
  reportedAt: null,
  severity: '2',
  environment: 'production',
  cause: null,
  reportable: null,
  downgradeTo: null,
  downgradeReason: null,
  downgradedAt: null,
  accountId: 'a1',
  changeLog: [{ at: T0, field: 'status', from: null, to: 'Open_New', userId: 'u1', actor: 'person' }],
  changeLogProblems: [],
  inputStamp: '2026-01-10 09:00:00',
};

const anAccount: AccountRecord = {
  id: 'a1',
  plan: 'gold',
  contractStart: '2025-03-01',
  reservedHours: 40,
  phoneCover: null,
  willNotRenew: null,
  cancelledOn: null,
  refunded: null,
  paidThrough: null,
};

const keys = { accountId: 'a1', open: true, number: '1001', dateModified: T0 };

describeStore('domain snapshots', (env) => {
  it('writes format 2 and reads back the domain record, problems kept with it', async () => {
    await env.write((r) =>
      r.snapshots.upsertMany([
        { module: 'Cases', recordId: 'c1', ...keys, record: aCase },
        {
          module: 'Accounts',
          recordId: 'a1',
          accountId: null,
          dateModified: T0,
          record: { ...anAccount, parseProblems: ['Reserved hours: "lots" is not a number'] },
        },
      ]),
    );
    const raw = await env.store.read((r) => r.inputs.get('Cases', 'c1'));
    expect(raw?.data).toEqual({ format: SNAPSHOT_FORMAT, record: aCase, parseProblems: [] });
    const back = await env.store.read((r) => r.snapshots.get('Cases', 'c1'));
    expect(back?.record).toEqual(aCase);
    const account = await env.store.read((r) => r.snapshots.getMany('Accounts', ['a1']));
    expect(account.get('a1')?.record).toEqual({
      ...anAccount,
      parseProblems: ['Reserved hours: "lots" is not a number'],
    });
  });

  it('reads format 1 rows, giving fields added since then their blank value', async () => {
    // A row as bridge 1.0 stored it: the record itself, from before the input stamp existed.
    const { inputStamp: _absent, ...older } = aCase;
    await env.write((r) => r.inputs.upsertMany([{ module: 'Cases', recordId: 'c1', ...keys, data: older }]));
    const back = await env.store.read((r) => r.snapshots.get('Cases', 'c1'));
    expect(back?.record).toEqual({ ...aCase, inputStamp: null });
  });

  it('keeps the hash of format 1 so rewriting the same content in format 2 changes nothing', async () => {
    const legacy = { ...anAccount, parseProblems: ['Plan: unknown'] };
    await env.write((r) =>
      r.inputs.upsertMany([
        { module: 'Accounts', recordId: 'a1', accountId: null, dateModified: T0, data: legacy },
      ]),
    );
    const report = await env.write((r) =>
      r.snapshots.upsertMany([
        { module: 'Accounts', recordId: 'a1', accountId: null, dateModified: T0, record: legacy },
      ]),
    );
    expect(report).toMatchObject({ created: 0, changed: 0, touched: 0, unchanged: 1 });
    const row = await env.store.read((r) => r.inputs.get('Accounts', 'a1'));
    expect(row?.contentHash).toBe(canonicalContent(legacy).hash);
  });

  it('refuses a row of a newer format and a damaged row, naming the record', async () => {
    await env.write((r) =>
      r.inputs.upsertMany([
        { module: 'Cases', recordId: 'c9', ...keys, data: { format: 3, record: aCase } },
        { module: 'Cases', recordId: 'c8', ...keys, data: { ...aCase, id: 'c8', dateEntered: 'yesterday' } },
      ]),
    );
    const newer = await env.store
      .read((r) => r.snapshots.get('Cases', 'c9'))
      .catch((error: unknown) => error);
    expect(isBridgeError(newer) && newer.code).toBe('store_unavailable');
    expect((newer as Error).message).toBe(
      'stored snapshot Cases/c9 is in format 3, which this bridge cannot read: it was written by a newer bridge version',
    );
    const damaged = await env.store
      .read((r) => r.snapshots.get('Cases', 'c8'))
      .catch((error: unknown) => error);
    expect(isBridgeError(damaged) && damaged.code).toBe('store_unavailable');
    expect((damaged as Error).message).toMatch(
      /^stored snapshot Cases\/c8 cannot be read \(data\.dateEntered: /,
    );
  });

  it('reads a pin back as the domain pin, and refuses a damaged one', async () => {
    const pin: CasePin = {
      policyVersion: 'v1',
      firstEvaluatedAt: T0,
      coverage: 'covered',
      planId: 'gold',
      severity1AlwaysOpen: false,
      restatements: [],
    };
    await env.write((r) =>
      r.casePins.pinMany([
        { caseId: 'c1', coverage: 'covered', policyVersion: 'v1', firstEvaluatedAt: T0, state: { ...pin } },
        {
          caseId: 'c2',
          coverage: 'covered',
          policyVersion: 'v1',
          firstEvaluatedAt: T0,
          state: { coverage: 'sunny' },
        },
      ]),
    );
    const pins = await env.store.read((r) => r.snapshots.pins(['c1']));
    expect(pins.get('c1')).toEqual(pin);
    const damaged = await env.store.read((r) => r.snapshots.pins(['c2'])).catch((error: unknown) => error);
    expect(isBridgeError(damaged) && damaged.code).toBe('store_unavailable');
    expect((damaged as Error).message).toMatch(/^stored pin of case c2 cannot be read \(state\./);
  });
});
