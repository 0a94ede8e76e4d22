import { type AccountFields, EMPTY_ACCOUNT_FIELDS } from './account-fields.js';
import { type CaseFields, EMPTY_CASE_FIELDS } from './case/case-fields.js';
import { notComputedText } from './data-problem.js';
import type { TimeEntryFields } from './time-entry-fields.js';

/**
 * What a record that cannot be computed shows (docs/sla-rules.md#not-computed: the reason in its SLA status,
 * never stale values): every bridge field blank, the statuses `not_computed`, and
 * "not computed: <reason>" in its data-problem field.
 */
export function caseNotComputed(reason: string): CaseFields {
  return {
    ...EMPTY_CASE_FIELDS,
    sla_response_status_c: 'not_computed',
    sla_resolution_status_c: 'not_computed',
    sla_data_problem_c: notComputedText(reason),
  };
}

/**
 * An account that cannot be computed says so in its contract state too (finding 4: a bad
 * Reserved hours blanked every contract field, and a blank state read as "no contract"), like
 * a case's statuses.
 */
export function accountNotComputed(reason: string): AccountFields {
  return {
    ...EMPTY_ACCOUNT_FIELDS,
    sla_contract_state_c: 'not_computed',
    sla_data_problem_c: notComputedText(reason),
  };
}

export function timeEntryNotComputed(reason: string): TimeEntryFields {
  return { term_start: null, counts_against_plan: false, data_problem: notComputedText(reason) };
}
