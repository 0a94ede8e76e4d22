import { type DayNumber, parseIsoDate } from '../calendar/local-date.js';
import { dataProblem } from '../data-problem.js';
import type { CompiledPlan, CompiledPolicy } from '../policy/compiled-policy.js';
import type { AccountRecord } from './account-record.js';
import { refundWindowEnd, termEnd, termIndexOf } from './contract-terms.js';

export const FREE_PLAN = 'free';

export interface Cancellation {
  /** The day the customer cancelled. */
  on: DayNumber;
  /** The term it was cancelled in (0 when cancelled before the start). */
  term: number;
  /** Refunded: the contract ends at once, on the cancelled-on date ("ended early"). */
  refunded: boolean;
}

export type ContractFacts =
  | { kind: 'none' }
  | { kind: 'free' }
  | {
      kind: 'dedicated';
      plan: CompiledPlan;
      start: DayNumber;
      /** Hours reserved per term, in hundredths (the account's override, else the plan's). */
      reservedCentihours: number;
      severity1AlwaysOpen: boolean;
      cancellation: Cancellation | null;
      /** The first day without a contract (lapse or ended early); null while it renews. */
      endDay: DayNumber | null;
      paidThrough: DayNumber | null;
    };
export type DedicatedContract = Extract<ContractFacts, { kind: 'dedicated' }>;

/**
 * Reads and checks an account's contract fields. Blank account values inherit the plan's
 * (reserved hours, 24/7 cover); a value overrides it. Bad or contradictory data is a
 * DataProblem naming the field.
 */
export function readContract(account: AccountRecord, policy: CompiledPolicy): ContractFacts {
  if (account.parseProblems && account.parseProblems.length > 0)
    dataProblem(account.parseProblems.join('; '));
  const planId = blank(account.plan);
  if (planId === null) return { kind: 'none' };
  if (planId === FREE_PLAN) return { kind: 'free' };
  const plan = policy.plans.get(planId);
  if (!plan) {
    dataProblem(`plan "${planId}" is not in the policy (plans: ${[...policy.plans.keys()].join(', ')})`);
  }
  const start = date(account.contractStart, 'contract start');
  if (start === null) dataProblem('contract start missing');

  let reservedHours = plan.definition.reservedHours;
  if (account.reservedHours !== null) {
    if (!Number.isFinite(account.reservedHours)) {
      dataProblem(`reserved hours ${account.reservedHours} is not a number of hours`);
    }
    if (account.reservedHours < 0) dataProblem(`reserved hours ${account.reservedHours} is negative`);
    reservedHours = account.reservedHours;
  }

  const cover = blank(account.phoneCover);
  if (cover !== null && cover !== 'yes' && cover !== 'no')
    dataProblem(`24/7 cover "${cover}" is not yes or no`);
  const severity1AlwaysOpen = cover === null ? plan.definition.severity1AlwaysOpen : cover === 'yes';

  const cancelledOn = date(account.cancelledOn, 'cancelled on');
  let cancellation: Cancellation | null = null;
  if (account.willNotRenew === true) {
    if (cancelledOn === null) dataProblem('will not renew is ticked but cancelled on is blank');
    cancellation = {
      on: cancelledOn,
      term: Math.max(0, termIndexOf(start, cancelledOn)),
      refunded: account.refunded === true,
    };
  } else if (account.refunded === true) {
    dataProblem('refunded is ticked but will not renew is not');
  }
  if (cancellation?.refunded && cancellation.on >= refundWindowEnd(start, cancellation.term)) {
    dataProblem(
      `refunded, but cancelled on ${account.cancelledOn} is after the refund window (the first 6 months of the term)`,
    );
  }
  let endDay: DayNumber | null = null;
  if (cancellation) endDay = cancellation.refunded ? cancellation.on : termEnd(start, cancellation.term);

  return {
    kind: 'dedicated',
    plan,
    start,
    reservedCentihours: Math.round(reservedHours * 100),
    severity1AlwaysOpen,
    cancellation,
    endDay,
    paidThrough: date(account.paidThrough, 'paid through'),
  };
}

/** The term a day falls in, clamped to the contract's first and last terms. */
export function termOf(contract: DedicatedContract, day: DayNumber): number {
  let term = Math.max(0, termIndexOf(contract.start, day));
  if (contract.cancellation) term = Math.min(term, contract.cancellation.term);
  return term;
}

/** A term is paid when paid-through is on or after its last day. */
export function isTermPaid(contract: DedicatedContract, term: number): boolean {
  return contract.paidThrough !== null && contract.paidThrough >= termEnd(contract.start, term) - 1;
}

/** Whether a day is inside the contract: on or after the start, before it lapsed or ended early. */
export function isUnderContract(contract: DedicatedContract, day: DayNumber): boolean {
  return day >= contract.start && (contract.endDay === null || day < contract.endDay);
}

function blank(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value.trim();
}

function date(value: string | null, label: string): DayNumber | null {
  const text = blank(value);
  if (text === null) return null;
  const day = parseIsoDate(text);
  if (day === undefined) dataProblem(`${label} "${text}" is not a date (YYYY-MM-DD)`);
  return day;
}
