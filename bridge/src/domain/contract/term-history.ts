import { formatIsoDate } from '../../iso/day-number.js';
import type { ContractFacts } from './contract-facts.js';
import type { ContractStatus } from './contract-status.js';
import { termStart } from './contract-terms.js';

/** How a term ended, once known: it rolled into the next, or the contract stopped with it. */
export const CONTRACT_TERM_OUTCOMES = ['renewed', 'lapsed', 'ended_early'] as const;
export type ContractTermOutcome = (typeof CONTRACT_TERM_OUTCOMES)[number];

/** One term of an account's contract, for the term history the bridge keeps per account. */
export interface ContractTermRecord {
  /** 0 for the first term. */
  termIndex: number;
  /** `YYYY-MM-DD`, the term's first day. */
  startDate: string;
  /** `YYYY-MM-DD`, exclusive: the day after the term's last day (the next term's first day). */
  endDate: string;
  /** Null while the term runs (or the contract has not started). */
  outcome: ContractTermOutcome | null;
}

/**
 * The terms an evaluation on one day knows about: the current (or last) term, with its outcome
 * when the contract lapsed or ended early, and the term before it, renewed. Older terms were
 * recorded by earlier evaluations. None without a dedicated contract, or for one refunded before
 * it began.
 */
export function termHistory(contract: ContractFacts, status: ContractStatus): ContractTermRecord[] {
  if (contract.kind !== 'dedicated') return [];
  const { term, termStart: first, termLastDay } = status;
  if (term === null || first === null || termLastDay === null) return [];
  const outcome = status.state === 'lapsed' || status.state === 'ended_early' ? status.state : null;
  const terms: ContractTermRecord[] = [
    {
      termIndex: term,
      startDate: formatIsoDate(first),
      endDate: formatIsoDate(termLastDay + 1),
      outcome,
    },
  ];
  if (term > 0) {
    terms.push({
      termIndex: term - 1,
      startDate: formatIsoDate(termStart(contract.start, term - 1)),
      endDate: formatIsoDate(first),
      outcome: 'renewed',
    });
  }
  return terms;
}
