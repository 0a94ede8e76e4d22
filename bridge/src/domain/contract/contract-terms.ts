import type { DayNumber } from '../../iso/day-number.js';
import { addMonths } from '../time/local-day.js';

/**
 * Term arithmetic (docs/sla-rules.md#contract-terms). Term N covers the London dates
 * [start + 12N months, start + 12(N+1) months), always counted from the original start, so a
 * 29 February start renews on 28 February and comes back to 29 February in leap years.
 * Dates are day numbers; "end" is exclusive unless the name says inclusive.
 */
export const TERM_MONTHS = 12;
export const REFUND_WINDOW_MONTHS = 6;

export function termStart(start: DayNumber, term: number): DayNumber {
  return addMonths(start, TERM_MONTHS * term);
}

/** The first day after term N (the next term's first day). */
export function termEnd(start: DayNumber, term: number): DayNumber {
  return addMonths(start, TERM_MONTHS * (term + 1));
}

/** The first day after term N's refund window (its first 6 months). */
export function refundWindowEnd(start: DayNumber, term: number): DayNumber {
  return addMonths(start, TERM_MONTHS * term + REFUND_WINDOW_MONTHS);
}

/** The term containing a day; negative before the contract start. */
export function termIndexOf(start: DayNumber, day: DayNumber): number {
  let term = Math.floor((day - start) / 366);
  while (termStart(start, term + 1) <= day) term++;
  while (termStart(start, term) > day) term--;
  return term;
}
