import type { DayNumber } from '../../iso/day-number.js';
import type { Policy } from '../policy/policy.schema.js';
import type { ContractFacts } from './contract-facts.js';
import { isTermPaid } from './contract-facts.js';
import { refundWindowEnd, termEnd, termIndexOf, termStart } from './contract-terms.js';

export const CONTRACT_STATES = [
  'none',
  'free',
  'not_started',
  'active',
  'renewal_due',
  'ending',
  'lapsed',
  'ended_early',
  // The account's contract data cannot be read (the reason is in its SLA data problem field).
  'not_computed',
] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

export interface ContractStatus {
  state: ContractState;
  /** The current (or last) term; null without a dedicated contract, or one refunded before it began. */
  term: number | null;
  termStart: DayNumber | null;
  /** Inclusive. */
  termLastDay: DayNumber | null;
  /** The day the next term starts if the contract renews; null when it will not. */
  nextRenewal: DayNumber | null;
  /** Inclusive: the last day of the current term's first 6 months, while a refund is still possible. */
  refundWindowLastDay: DayNumber | null;
  /** Whether the current term is paid, when the policy requires payment; null otherwise. */
  paid: boolean | null;
}

const EMPTY = {
  term: null,
  termStart: null,
  termLastDay: null,
  nextRenewal: null,
  refundWindowLastDay: null,
  paid: null,
} as const;

/**
 * The contract's state on a London date. Precedence: lapsed / ended early, not started (before
 * the start, or - when payment is required - the current term is not paid), ending (cancelled:
 * the term runs to its end), renewal due (inside the longest notice period before the term's
 * end), active.
 */
export function contractStatusOn(contract: ContractFacts, day: DayNumber, policy: Policy): ContractStatus {
  if (contract.kind === 'none') return { state: 'none', ...EMPTY };
  if (contract.kind === 'free') return { state: 'free', ...EMPTY };
  const { start, cancellation, endDay } = contract;
  if (endDay !== null && day >= endDay && cancellation) {
    const state = cancellation.refunded ? 'ended_early' : 'lapsed';
    if (endDay <= start) return { state, ...EMPTY };
    return {
      state,
      ...EMPTY,
      term: cancellation.term,
      termStart: termStart(start, cancellation.term),
      termLastDay: endDay - 1,
    };
  }
  const term = Math.max(0, termIndexOf(start, day));
  const first = termStart(start, term);
  const next = termEnd(start, term);
  const paid = policy.paymentRequired ? isTermPaid(contract, term) : null;
  let state: ContractState;
  if (day < start || paid === false) state = 'not_started';
  else if (cancellation) state = 'ending';
  else if (day >= next - Math.max(...policy.renewalNoticeDays)) state = 'renewal_due';
  else state = 'active';
  return {
    state,
    term,
    termStart: first,
    termLastDay: (endDay ?? next) - 1,
    nextRenewal: cancellation ? null : next,
    refundWindowLastDay: refundWindowEnd(start, term) - 1,
    paid,
  };
}
