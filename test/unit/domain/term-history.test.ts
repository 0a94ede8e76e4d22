import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../../bridge/src/domain/contract/account-record.js';
import { evaluateAccount } from '../../../bridge/src/domain/evaluate-account.js';
import { defaultPolicy } from '../../../bridge/src/domain/policy/default-policy.js';
import { account, london } from '../../support/domain-builders.js';

/**
 * The terms an account's evaluation hands the sync for the contract-term history (issue 16 §2:
 * computed from the domain's own term arithmetic, no longer again in the sync): the current
 * term, and the one before it, renewed. End dates are exclusive.
 */
function evaluate(overrides: Partial<AccountRecord>, now: string) {
  return evaluateAccount({
    account: account(overrides),
    timeEntries: [],
    policy: defaultPolicy(),
    context: { now: london(now) },
  });
}

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('contract terms for the history', () => {
  it('the first term: itself alone, running', () => {
    expect(evaluate({ contractStart: '2023-01-01' }, '2023-03-15 12:00').terms).toEqual([
      { termIndex: 0, startDate: '2023-01-01', endDate: '2024-01-01', outcome: null },
    ]);
  });

  it('before the start: the first term, not begun', () => {
    expect(evaluate({ contractStart: '2023-07-01' }, '2023-06-05 12:00').terms).toEqual([
      { termIndex: 0, startDate: '2023-07-01', endDate: '2024-07-01', outcome: null },
    ]);
  });

  it('the third term: itself, and the second renewed', () => {
    expect(evaluate({ contractStart: '2023-01-01' }, '2025-03-15 12:00').terms).toEqual([
      { termIndex: 2, startDate: '2025-01-01', endDate: '2026-01-01', outcome: null },
      { termIndex: 1, startDate: '2024-01-01', endDate: '2025-01-01', outcome: 'renewed' },
    ]);
  });

  it('cancelled in its second term, then lapsed at that term’s end', () => {
    const cancelled = { contractStart: '2023-01-01', willNotRenew: true, cancelledOn: '2024-03-01' };
    expect(evaluate(cancelled, '2024-06-01 12:00').terms).toEqual([
      { termIndex: 1, startDate: '2024-01-01', endDate: '2025-01-01', outcome: null },
      { termIndex: 0, startDate: '2023-01-01', endDate: '2024-01-01', outcome: 'renewed' },
    ]);
    const lapsed = evaluate(cancelled, '2025-02-01 12:00');
    expect(lapsed.fields.sla_contract_state_c).toBe('lapsed');
    expect(lapsed.terms).toEqual([
      { termIndex: 1, startDate: '2024-01-01', endDate: '2025-01-01', outcome: 'lapsed' },
      { termIndex: 0, startDate: '2023-01-01', endDate: '2024-01-01', outcome: 'renewed' },
    ]);
  });

  it('refunded: the term ends early, on the cancelled-on date', () => {
    const result = evaluate(
      { contractStart: '2023-01-01', willNotRenew: true, cancelledOn: '2024-03-01', refunded: true },
      '2024-04-01 12:00',
    );
    expect(result.fields.sla_contract_state_c).toBe('ended_early');
    expect(result.terms).toEqual([
      { termIndex: 1, startDate: '2024-01-01', endDate: '2024-03-01', outcome: 'ended_early' },
      { termIndex: 0, startDate: '2023-01-01', endDate: '2024-01-01', outcome: 'renewed' },
    ]);
  });

  it('29 February start: terms start on 28 February, and on 29 February again in leap years', () => {
    expect(evaluate({ contractStart: '2024-02-29' }, '2025-03-15 12:00').terms).toEqual([
      { termIndex: 1, startDate: '2025-02-28', endDate: '2026-02-28', outcome: null },
      { termIndex: 0, startDate: '2024-02-29', endDate: '2025-02-28', outcome: 'renewed' },
    ]);
    expect(evaluate({ contractStart: '2024-02-29' }, '2028-03-01 12:00').terms).toEqual([
      { termIndex: 4, startDate: '2028-02-29', endDate: '2029-02-28', outcome: null },
      { termIndex: 3, startDate: '2027-02-28', endDate: '2028-02-29', outcome: 'renewed' },
    ]);
  });

  it.each<[string, Partial<AccountRecord>]>([
    ['no contract', { plan: null }],
    ['free support', { plan: 'free' }],
    ['not computed', { contractStart: null }],
    ['refunded before it began', { willNotRenew: true, cancelledOn: '2022-12-01', refunded: true }],
  ])('none for %s', (_label, overrides) => {
    expect(evaluate(overrides, '2023-06-05 12:00').terms).toEqual([]);
  });

  it.each([
    ['2023-01-01', '2023-12-31 23:59'],
    ['2023-01-31', '2024-02-29 12:00'],
    ['2024-02-29', '2027-02-27 12:00'],
    ['2020-06-15', '2026-12-07 12:00'],
  ])('a contract from %s on %s: the current term is the one the account shows', (start, now) => {
    const { fields, terms } = evaluate({ contractStart: start }, now);
    expect(terms[0]).toMatchObject({
      startDate: fields.sla_term_start_c,
      endDate: dayAfter(fields.sla_term_end_c as string),
    });
    // The term before ends where the current one starts.
    if (terms[1]) expect(terms[1].endDate).toBe(terms[0]?.startDate);
  });
});
