import { formatIsoDate } from '../../iso/day-number.js';
import type { DedicatedContract } from '../contract/contract-facts.js';
import { termEnd, termIndexOf, termStart } from '../contract/contract-terms.js';
import { hoursCrossings, type TimeEntry } from '../hours/hours-usage.js';
import type { Policy } from '../policy/policy.schema.js';
import { CONTRACT_ZONE, startOfLocalDay } from '../time/local-day.js';
import { type SlaEvent, type SlaEventType, slaEvent } from './sla-event.js';

/**
 * An account's contract timeline from its contract fields and time entries: renewal notices,
 * renewals, the lapse or early end, and the hours levels reached in each term. Instants are
 * 00:00 London of the day in question. The caller keeps the events up to `now`.
 */
export function accountEvents(options: {
  accountId: string;
  contract: DedicatedContract;
  entries: readonly TimeEntry[];
  policy: Policy;
  policyVersion: string;
  /** The last term to look at (the current one). */
  lastTerm: number;
}): SlaEvent[] {
  const { contract, policy } = options;
  const out: SlaEvent[] = [];
  const add = (type: SlaEventType, day: number, cause: string) =>
    out.push(
      slaEvent({
        module: 'Accounts',
        recordId: options.accountId,
        type,
        clock: null,
        at: startOfLocalDay(day, CONTRACT_ZONE),
        policyVersion: options.policyVersion,
        cause,
      }),
    );
  const { start, cancellation, endDay } = contract;
  for (let term = 0; term <= options.lastTerm; term++) {
    const first = termStart(start, term);
    if (endDay !== null && first >= endDay) break;
    if (term > 0) add('renewed', first, `term ${term + 1} starts ${formatIsoDate(first)}`);
    const next = termEnd(start, term);
    for (const days of policy.renewalNoticeDays) {
      const noticeDay = next - days;
      // A notice is due while the contract still renews: before any cancellation or early end.
      if (noticeDay < start) continue;
      if (cancellation && noticeDay >= cancellation.on) continue;
      if (endDay !== null && noticeDay >= endDay) continue;
      add('renewal_due', noticeDay, `renews on ${formatIsoDate(next)} (${days} days notice)`);
    }
    // One hours event per day: the highest level reached that day (exhausted says it all).
    const byDay = new Map<number, ReturnType<typeof hoursCrossings>[number]>();
    for (const crossing of hoursCrossings(contract, term, options.entries, policy))
      byDay.set(crossing.day, crossing);
    for (const crossing of byDay.values()) {
      const used = `term ${term + 1}: ${crossing.used / 100} hours used of ${contract.reservedCentihours / 100}`;
      if (crossing.state === 'exhausted') add('hours_exhausted', crossing.day, used);
      else add('hours_warning', crossing.day, `${used} (${crossing.state})`);
    }
  }
  if (cancellation && endDay !== null) {
    if (cancellation.refunded)
      add('ended_early', endDay, `refunded cancellation of ${formatIsoDate(cancellation.on)}`);
    else add('lapsed', endDay, `cancelled on ${formatIsoDate(cancellation.on)}: did not renew`);
  }
  return out;
}

/** The last term worth listing events for on a day: the current one, or the last before an end. */
export function lastTermOn(contract: DedicatedContract, day: number): number {
  let term = Math.max(0, termIndexOf(contract.start, day));
  if (contract.cancellation) term = Math.min(term, contract.cancellation.term);
  return term;
}
