/**
 * The SLA, contract and hours domain: pure functions of records, the policy and `now`. The sync
 * calls these; nothing here does I/O or reads the clock.
 */

export { type CaseFields, EMPTY_CASE_FIELDS } from './case/case-fields.js';
export type { CasePin, CaseRestatement } from './case/case-pin.js';
export type { CaseRecord } from './case/case-record.js';
export {
  type CaseTracking,
  caseTracking,
  changeLogStartsAtCreation,
  NOT_TRACKED_REASONS,
  NOT_TRACKED_WORDS,
  type NotTrackedReason,
} from './case/case-tracking.js';
export { CONTRACT_COVERAGES, COVERAGE_KEYS, type ContractCoverage, type Coverage } from './case/coverage.js';
export { caseInputEcho } from './case/input-echo.js';
export { pinnedPolicyMissingReason } from './case/pinned-policy.js';
export { RESOLUTION_STATUSES, type ResolutionStatus } from './case/resolution-clock.js';
export { RESPONSE_STATUSES, type ResponseStatus } from './case/response-clock.js';
export type { AccountRecord } from './contract/account-record.js';
export { CONTRACT_STATES, type ContractState } from './contract/contract-status.js';
export {
  CONTRACT_TERM_OUTCOMES,
  type ContractTermOutcome,
  type ContractTermRecord,
} from './contract/term-history.js';
export { NOT_COMPUTED_PREFIX, notComputedText } from './data-problem.js';
export {
  type AccountEvaluation,
  type AccountEvaluationInput,
  type AccountFields,
  evaluateAccount,
} from './evaluate-account.js';
export { type CaseEvaluation, type CaseEvaluationInput, evaluateCase } from './evaluate-case.js';
export { evaluateTimeEntry, type TimeEntryEvaluation, type TimeEntryFields } from './evaluate-time-entry.js';
export type { EvaluationContext } from './evaluation-context.js';
export { SLA_EVENT_TYPES, type SlaClock, type SlaEvent, type SlaEventType } from './events/sla-event.js';
export { HOURS_STATES, type HoursState } from './hours/hours-usage.js';
export type { TimeEntryRecord } from './hours/time-entry-record.js';
export { accountNotComputed, caseNotComputed, timeEntryNotComputed } from './not-computed-fields.js';
export {
  type ClockCalendar,
  type CompiledPlan,
  type CompiledPolicy,
  clockCalendar,
  compilePolicy,
  loadPolicy,
} from './policy/compiled-policy.js';
export { DEFAULT_POLICY_DOCUMENT, DEFAULT_POLICY_SOURCE, defaultPolicy } from './policy/default-policy.js';
export { type PolicyIssue, parsePolicy, policyIssues } from './policy/parse-policy.js';
export { type Policy, type PolicyInput, policySchema } from './policy/policy.schema.js';
