import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../../bridge/src/domain/contract/account-record.js';
import { evaluateAccount } from '../../../bridge/src/domain/evaluate-account.js';
import { accountNotComputed } from '../../../bridge/src/domain/not-computed-fields.js';
import { DEFAULT_POLICY_DOCUMENT, defaultPolicy } from '../../../bridge/src/domain/policy/default-policy.js';
import { account, london } from '../../support/domain-builders.js';

/** "Reserved hours (effective)": what the account's contract counts against, shown beside the override. */
function effective(overrides: Partial<AccountRecord>, now = '2023-06-05 12:00'): number | null {
  return evaluateAccount({
    account: account(overrides),
    timeEntries: [],
    policy: defaultPolicy(),
    context: { now: london(now) },
  }).fields.sla_reserved_hours_effective_c;
}

const planHours = (id: string) =>
  (DEFAULT_POLICY_DOCUMENT as { plans: { id: string; reservedHours: number }[] }).plans.find(
    (p) => p.id === id,
  )?.reservedHours;

describe('reserved hours (effective)', () => {
  it("is the plan's hours when the override is blank", () => {
    expect(planHours('professional')).toBe(100);
    expect(effective({ plan: 'professional', reservedHours: null })).toBe(100);
    expect(effective({ plan: 'essential', reservedHours: null })).toBe(planHours('essential'));
  });

  it('is the override when it is filled in, 0 included', () => {
    expect(effective({ plan: 'professional', reservedHours: 12.5 })).toBe(12.5);
    expect(effective({ plan: 'professional', reservedHours: 0 })).toBe(0);
  });

  it('is shown before the contract starts and after it lapsed, the hours the contract has', () => {
    expect(effective({ contractStart: '2024-01-01' }, '2023-06-05 12:00')).toBe(100);
    expect(effective({ willNotRenew: true, cancelledOn: '2023-02-01' }, '2025-06-05 12:00')).toBe(100);
  });

  it('is blank without a dedicated contract (no plan, free support)', () => {
    expect(effective({ plan: null })).toBeNull();
    expect(effective({ plan: 'free' })).toBeNull();
  });

  it('is blank when the contract is not computed, like every other bridge field', () => {
    const evaluation = evaluateAccount({
      account: account({ reservedHours: -5 }),
      timeEntries: [],
      policy: defaultPolicy(),
      context: { now: london('2023-06-05 12:00') },
    });
    expect(evaluation.computed).toBe(false);
    expect(evaluation.fields.sla_reserved_hours_effective_c).toBeNull();
    expect(accountNotComputed('x').sla_reserved_hours_effective_c).toBeNull();
  });
});
