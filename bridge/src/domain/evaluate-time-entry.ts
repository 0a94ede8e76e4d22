import { formatIsoDate } from '../iso/day-number.js';
import type { AccountRecord } from './contract/account-record.js';
import { readContract, termOf } from './contract/contract-facts.js';
import { termStart } from './contract/contract-terms.js';
import { DataProblem, problemOf } from './data-problem.js';
import { countsAgainstPlan, readTimeEntry } from './hours/hours-usage.js';
import type { TimeEntryRecord } from './hours/time-entry-record.js';
import { timeEntryNotComputed } from './not-computed-fields.js';
import type { CompiledPolicy } from './policy/compiled-policy.js';
import type { Problem } from './problems/problem.js';
import { problemText } from './problems/problem-text.js';
import { unreadableFieldsReason } from './problems/unreadable-fields.js';
import type { TimeEntryFields } from './time-entry-fields.js';

export interface TimeEntryEvaluation {
  computed: boolean;
  fields: TimeEntryFields;
}

/**
 * Which term a time entry belongs to (by its work date) and whether it consumes the plan's
 * hours: a counted category, on a day the account's dedicated contract covered. Entries of
 * accounts without one count nowhere. Never throws.
 */
export function evaluateTimeEntry(input: {
  entry: TimeEntryRecord;
  account: AccountRecord | null;
  policy: CompiledPolicy;
}): TimeEntryEvaluation {
  const language = input.policy.document.language;
  const problem = (reason: Problem) => notComputed(problemText(reason, language));
  const unreadable = unreadableFieldsReason(input.entry);
  if (unreadable !== null) return notComputed(unreadable);
  try {
    const entry = readTimeEntry(input.entry);
    const { account } = input;
    if (!account) {
      const fields = { term_start: null, counts_against_plan: false, data_problem: null };
      if (input.entry.accountId)
        return problem({ code: 'account_not_found', accountId: input.entry.accountId, of: 'entry' });
      return { computed: true, fields };
    }
    let contract: ReturnType<typeof readContract>;
    try {
      contract = readContract(account, input.policy);
    } catch (error) {
      if (error instanceof DataProblem) return problem({ code: 'account_contract', inner: error.problem });
      throw error;
    }
    if (contract.kind !== 'dedicated' || entry.day < contract.start) {
      return { computed: true, fields: { term_start: null, counts_against_plan: false, data_problem: null } };
    }
    const ended = contract.endDay !== null && entry.day >= contract.endDay;
    return {
      computed: true,
      fields: {
        term_start: ended ? null : formatIsoDate(termStart(contract.start, termOf(contract, entry.day))),
        counts_against_plan: countsAgainstPlan(entry, contract, input.policy.document),
        data_problem: null,
      },
    };
  } catch (error) {
    return problem(problemOf(error));
  }
}

function notComputed(reason: string): TimeEntryEvaluation {
  return { computed: false, fields: timeEntryNotComputed(reason) };
}

// Defined in time-entry-fields.ts so not-computed-fields.ts needs no evaluator.
export type { TimeEntryFields } from './time-entry-fields.js';
