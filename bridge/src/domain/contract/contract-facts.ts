import { type DayNumber, parseIsoDate } from '../../iso/day-number.js';
import { dataProblem } from '../data-problem.js';
import type { CompiledPlan, CompiledPolicy } from '../policy/compiled-policy.js';
import { unreadableFieldsReason } from '../problems/unreadable-fields.js';
import type { AccountRecord } from './account-record.js';
import { refundWindowEnd, termEnd, termIndexOf } from './contract-terms.js';

export const FREE_PLAN = 'free';
/**
 * The most hours an account may reserve per term (issue 13: the form allows 0 to 10,000): more is
 * a typing mistake (100000 for 100.000), and an account showing 100,000 hours left misleads.
 */
export const MAX_RESERVED_HOURS_OVERRIDE = 10_000;

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
  const unreadable = unreadableFieldsReason(account);
  if (unreadable !== null) dataProblem({ code: 'text', text: unreadable });
  const planId = blank(account.plan);
  if (planId === null) return { kind: 'none' };
  if (planId === FREE_PLAN) return { kind: 'free' };
  const plan = policy.plans.get(planId);
  if (!plan) {
    dataProblem({ code: 'plan_unknown', plan: planId, plans: [...policy.plans.keys()] });
  }
  const start = date(account.contractStart, 'sla_contract_start_c');
  if (start === null) dataProblem({ code: 'contract_start_missing' });

  let reservedHours = plan.definition.reservedHours;
  if (account.reservedHours !== null) {
    if (!Number.isFinite(account.reservedHours)) {
      dataProblem({ code: 'reserved_hours_not_number', value: account.reservedHours });
    }
    if (account.reservedHours < 0 || account.reservedHours > MAX_RESERVED_HOURS_OVERRIDE) {
      dataProblem({
        code: 'reserved_hours_out_of_range',
        value: account.reservedHours,
        max: MAX_RESERVED_HOURS_OVERRIDE,
      });
    }
    reservedHours = account.reservedHours;
  }

  const cover = blank(account.phoneCover);
  if (cover !== null && cover !== 'yes' && cover !== 'no')
    dataProblem({ code: 'phone_cover_invalid', value: cover });
  const severity1AlwaysOpen = cover === null ? plan.definition.severity1AlwaysOpen : cover === 'yes';

  const cancelledOn = date(account.cancelledOn, 'sla_cancelled_on_c');
  let cancellation: Cancellation | null = null;
  if (account.willNotRenew === true) {
    if (cancelledOn === null) dataProblem({ code: 'cancelled_on_missing' });
    cancellation = {
      on: cancelledOn,
      term: Math.max(0, termIndexOf(start, cancelledOn)),
      refunded: account.refunded === true,
    };
  } else if (account.refunded === true) {
    dataProblem({ code: 'refunded_without_cancel' });
  }
  if (cancellation?.refunded && cancellation.on >= refundWindowEnd(start, cancellation.term)) {
    dataProblem({ code: 'refund_after_window', cancelledOn: account.cancelledOn ?? '' });
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
    paidThrough: date(account.paidThrough, 'sla_paid_through_c'),
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

function date(value: string | null, field: string): DayNumber | null {
  const text = blank(value);
  if (text === null) return null;
  const day = parseIsoDate(text);
  if (day === undefined) dataProblem({ code: 'date_invalid', module: 'Accounts', field, text });
  return day;
}
