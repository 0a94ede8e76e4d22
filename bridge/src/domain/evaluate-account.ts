import { formatIsoDate } from '../iso/day-number.js';
import { type AccountFields, EMPTY_ACCOUNT_FIELDS } from './account-fields.js';
import type { AccountRecord } from './contract/account-record.js';
import { type ContractFacts, readContract } from './contract/contract-facts.js';
import { contractStatusOn } from './contract/contract-status.js';
import { termEnd, termStart } from './contract/contract-terms.js';
import { type ContractTermRecord, termHistory } from './contract/term-history.js';
import { problemReason } from './data-problem.js';
import type { EvaluationContext } from './evaluation-context.js';
import { accountEvents, lastTermOn } from './events/account-events.js';
import { type SlaEvent, timelineUpTo } from './events/sla-event.js';
import { hoursState, toHours, usedInTerm, validTimeEntries } from './hours/hours-usage.js';
import type { TimeEntryRecord } from './hours/time-entry-record.js';
import { accountNotComputed } from './not-computed-fields.js';
import type { CompiledPolicy } from './policy/compiled-policy.js';
import { unreadableFieldsReason } from './problems/unreadable-fields.js';
import { CONTRACT_ZONE, localDayOf, startOfLocalDay } from './time/local-day.js';

export interface AccountEvaluationInput {
  account: AccountRecord;
  timeEntries: readonly TimeEntryRecord[];
  policy: CompiledPolicy;
  context: Pick<EvaluationContext, 'now'>;
}

export interface AccountEvaluation {
  computed: boolean;
  fields: AccountFields;
  /** The earliest instant after `now` at which a field changes without any edit; null if none. */
  nextTransitionAt: number | null;
  events: SlaEvent[];
  /** The current term and the one before it (`termHistory`); none when not computed. */
  terms: ContractTermRecord[];
}

/**
 * Evaluates an account's contract on the London date of `now`: its current (or last) term,
 * hours used and left in the counted categories, the hours and contract states, the next
 * renewal and the refund window; with the next transition and the contract's event timeline.
 * Bad data never throws: it yields `sla_data_problem_c = "not computed: <reason>"`.
 */
export function evaluateAccount(input: AccountEvaluationInput): AccountEvaluation {
  const unreadable = unreadableFieldsReason(input.account);
  if (unreadable !== null) return notComputed(unreadable);
  try {
    return evaluate(input);
  } catch (error) {
    return notComputed(problemReason(error, input.policy.document.language));
  }
}

function notComputed(reason: string): AccountEvaluation {
  return {
    computed: false,
    fields: accountNotComputed(reason),
    nextTransitionAt: null,
    events: [],
    terms: [],
  };
}

function evaluate(input: AccountEvaluationInput): AccountEvaluation {
  const { policy } = input;
  const { now } = input.context;
  const contract: ContractFacts = readContract(input.account, policy);
  const today = localDayOf(now, CONTRACT_ZONE);
  const status = contractStatusOn(contract, today, policy.document);
  const fields: AccountFields = { ...EMPTY_ACCOUNT_FIELDS, sla_contract_state_c: status.state };
  if (contract.kind !== 'dedicated')
    return { computed: true, fields, nextTransitionAt: null, events: [], terms: [] };
  fields.sla_reserved_hours_effective_c = toHours(contract.reservedCentihours);

  const entries = validTimeEntries(input.timeEntries.filter((entry) => entry.accountId === input.account.id));
  if (status.term !== null && status.termStart !== null && status.termLastDay !== null) {
    const used = usedInTerm(
      contract,
      status.term,
      entries,
      policy.document,
      Math.min(today, status.termLastDay),
    );
    fields.sla_term_start_c = formatIsoDate(status.termStart);
    fields.sla_term_end_c = formatIsoDate(status.termLastDay);
    fields.sla_hours_used_c = toHours(used);
    fields.sla_hours_remaining_c = toHours(contract.reservedCentihours - used);
    fields.sla_hours_state_c = hoursState(
      used,
      contract.reservedCentihours,
      policy.document.hourWarningShares,
    );
  }
  fields.sla_next_renewal_c = status.nextRenewal === null ? null : formatIsoDate(status.nextRenewal);
  fields.sla_refund_window_end_c =
    status.refundWindowLastDay === null ? null : formatIsoDate(status.refundWindowLastDay);

  const events = accountEvents({
    accountId: input.account.id,
    contract,
    entries,
    policy: policy.document,
    policyVersion: policy.version,
    lastTerm: lastTermOn(contract, today),
  });

  // Days on which a field changes by itself: the start, renewal notices, the term's end or the
  // contract's end, and future-dated time entries of the current term.
  const days: number[] = [contract.start];
  const term = status.term ?? 0;
  const next = termEnd(contract.start, term);
  days.push(next, termStart(contract.start, term + 1));
  for (const notice of policy.document.renewalNoticeDays) days.push(next - notice);
  if (contract.endDay !== null) days.push(contract.endDay);
  for (const entry of entries) if (entry.day > today && entry.day < next) days.push(entry.day);
  let nextTransitionAt: number | null = null;
  for (const day of days) {
    if (day <= today) continue;
    const at = startOfLocalDay(day, CONTRACT_ZONE);
    if (at > now && (nextTransitionAt === null || at < nextTransitionAt)) nextTransitionAt = at;
  }
  if (status.state === 'lapsed' || status.state === 'ended_early') nextTransitionAt = null;

  return {
    computed: true,
    fields,
    nextTransitionAt,
    events: timelineUpTo(events, now),
    terms: termHistory(contract, status),
  };
}

// Where they were first defined; they live in account-fields.ts so not-computed-fields.ts needs no evaluator.
export { type AccountFields, EMPTY_ACCOUNT_FIELDS } from './account-fields.js';
