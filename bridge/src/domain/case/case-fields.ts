import type { Severity } from '../severity/severity.js';
import type { Coverage } from './coverage.js';
import type { ResolutionStatus } from './resolution-clock.js';
import type { ResponseStatus } from './response-clock.js';
import { RESPONSE_SORT_BLANK } from './response-sort-key.js';

/**
 * Every bridge-written Cases field, keyed by its catalogue name, with typed values: instants as
 * epoch ms, numbers, enum keys, text, null for blank. The sync compares and writes them
 * generically. `priority` (SuiteCRM's own field) is present only when the policy says it
 * follows the effective severity.
 */
export interface CaseFields {
  sla_effective_severity_c: Severity | null;
  sla_severity_note_c: string | null;
  sla_policy_version_c: string | null;
  sla_coverage_c: Coverage | null;
  sla_acknowledged_at_c: number | null;
  sla_response_due_c: number | null;
  /** responseSortKey(sla_response_due_c): never blank, so blank due times sort last. */
  sla_response_sort_c: string;
  sla_response_status_c: ResponseStatus | null;
  sla_response_minutes_c: number | null;
  sla_resolution_due_c: number | null;
  sla_resolution_status_c: ResolutionStatus | null;
  sla_paused_minutes_c: number | null;
  sla_hours_logged_c: number | null;
  sla_explanation_c: string | null;
  sla_data_problem_c: string | null;
  /** The SLA input stamp these values were computed from (`caseInputEcho`). */
  sla_input_seen_c: string | null;
  priority?: string;
}

export const EMPTY_CASE_FIELDS: CaseFields = {
  sla_effective_severity_c: null,
  sla_severity_note_c: null,
  sla_policy_version_c: null,
  sla_coverage_c: null,
  sla_acknowledged_at_c: null,
  sla_response_due_c: null,
  sla_response_sort_c: RESPONSE_SORT_BLANK,
  sla_response_status_c: null,
  sla_response_minutes_c: null,
  sla_resolution_due_c: null,
  sla_resolution_status_c: null,
  sla_paused_minutes_c: null,
  sla_hours_logged_c: null,
  sla_explanation_c: null,
  sla_data_problem_c: null,
  sla_input_seen_c: null,
};
