import type { TimeEntry } from '../hours/hours-usage.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import type { EffectiveSeverity } from '../severity/effective-severity.js';
import { caseHours } from './case-account.js';
import type { CaseClocks } from './case-clocks.js';
import type { CaseFacts } from './case-facts.js';
import type { CaseFields } from './case-fields.js';
import type { CasePin } from './case-pin.js';
import type { CaseRecord } from './case-record.js';
import { caseInputEcho } from './input-echo.js';
import { pausedMinutes } from './paused-minutes.js';
import { responseSortKey } from './response-sort-key.js';

/** Everything a computed case's fields are read from, each part already worked out at `now`. */
export interface CaseFieldSources {
  record: CaseRecord;
  facts: CaseFacts;
  pin: CasePin;
  /** The effective severity at `now`. */
  current: EffectiveSeverity;
  clocks: CaseClocks;
  /** The explanation and severity note, already safe to save and fitted to their columns. */
  texts: { explanation: string; severityNote: string | null };
  /** The account's valid time entries: the case's hours are its own among them. */
  timeEntries: readonly TimeEntry[];
  policy: CompiledPolicy;
  now: number;
}

/**
 * The bridge-written fields of a computed case. Statuses, due times and texts are taken as the
 * clocks and the explanation worked them out, so a field never says something they do not; only
 * what one field needs of its own (the sort key, the case's hours, the priority, the input echo)
 * is derived here.
 */
export function assembleCaseFields(sources: CaseFieldSources): CaseFields {
  const { facts, pin, current, clocks, texts, policy } = sources;
  const { covered, coverage, response, responseNow, resolutionNow, acknowledgedAt } = clocks;
  const fields: CaseFields = {
    sla_effective_severity_c: current.effective,
    sla_severity_note_c: texts.severityNote,
    sla_policy_version_c: pin.policyVersion,
    sla_coverage_c: coverage,
    sla_acknowledged_at_c: acknowledgedAt,
    sla_response_due_c: responseNow?.due ?? null,
    sla_response_sort_c: responseSortKey(responseNow?.due ?? null),
    sla_response_status_c: responseNow?.status ?? null,
    // The minutes taken are shown once the response is in (met or met late), never while it runs.
    sla_response_minutes_c:
      response &&
      acknowledgedAt !== null &&
      (responseNow?.status === 'met' || responseNow?.status === 'met_late')
        ? response.minutes
        : null,
    sla_resolution_due_c: resolutionNow?.due ?? null,
    sla_resolution_status_c: resolutionNow?.status ?? null,
    sla_paused_minutes_c: covered ? pausedMinutes(clocks.phases, clocks.segments, sources.now) : null,
    sla_hours_logged_c: caseHours(sources.timeEntries, facts.id),
    sla_explanation_c: texts.explanation,
    sla_data_problem_c: null,
    ...caseInputEcho(sources.record),
  };
  if (policy.document.priority.followsSeverity)
    fields.priority = policy.document.priority.map[current.effective];
  return fields;
}
