import type { CaseFacts } from '../case/case-facts.js';
import type { FieldHistory } from '../case/field-history.js';
import { dataProblem } from '../data-problem.js';
import { type EffectiveSeverity, effectiveSeverity, sameEffectiveSeverity } from './effective-severity.js';
import {
  CAUSES,
  type Cause,
  ENVIRONMENTS,
  type Environment,
  REPORTABLE_VALUES,
  SEVERITIES,
  type Severity,
} from './severity.js';

export interface SeveritySegment {
  /** Whole minute from which this effective severity holds. */
  from: number;
  severity: EffectiveSeverity;
}

export interface SeverityTimeline {
  /** The severity that sets the response target: as reported, after the caps, before any downgrade. */
  response: EffectiveSeverity;
  /** When that severity was known (the report, or when the severity was first filled in). */
  responseFrom: number;
  /** Effective severity from the report on, split at each change (resolution segments). */
  segments: SeveritySegment[];
}

/** Checks every value the log and the case hold; a bad one makes the case "not computed". */
export function checkSeverityValues(facts: CaseFacts): void {
  const check = (history: FieldHistory, valid: readonly string[], blank: boolean) => {
    const values = [history.initial, ...history.changes.map((change) => change.to)];
    for (const value of values) {
      if (value === null ? !blank : !valid.includes(value)) {
        // The text names the list's choices so whoever fixes the record knows what to pick.
        dataProblem({ code: 'value_not_in_list', field: history.field, value });
      }
    }
  };
  check(facts.severity, SEVERITIES, true);
  check(facts.environment, ENVIRONMENTS, false);
  check(facts.cause, CAUSES, false);
  check(facts.reportable, REPORTABLE_VALUES, false);
  check(facts.downgrade, SEVERITIES, true);
  if (facts.severity.current === null) dataProblem({ code: 'severity_missing' });
}

/**
 * The effective severity over time. Values before the case was created are the values it was
 * created with (a case reported by phone before it was typed in); a severity blank at first is
 * taken from when it was first filled in. Call `checkSeverityValues` first.
 */
export function severityTimeline(facts: CaseFacts): SeverityTimeline {
  const firstSet = facts.severity.firstSet();
  if (!firstSet) dataProblem({ code: 'severity_missing' });
  const at = (instant: number): EffectiveSeverity => {
    const sample = Math.max(instant, facts.createdAt);
    return effectiveSeverity({
      severity: severityAt(facts.severity, sample, firstSet.value as Severity),
      environment: facts.environment.valueAt(sample) as Environment,
      cause: facts.cause.valueAt(sample) as Cause,
      downgradeTo: facts.downgrade.valueAt(sample) as Severity | null,
    });
  };
  const responseFrom = Math.max(facts.reportedAt, firstSet.at ?? facts.reportedAt);
  const responseFacts = at(responseFrom);

  const instants = new Set<number>();
  for (const history of [facts.severity, facts.environment, facts.cause, facts.downgrade]) {
    for (const change of history.changes) if (change.at > facts.reportedAt) instants.add(change.at);
  }
  const segments: SeveritySegment[] = [{ from: facts.reportedAt, severity: at(facts.reportedAt) }];
  for (const instant of [...instants].sort((a, b) => a - b)) {
    const severity = at(instant);
    const last = segments[segments.length - 1] as SeveritySegment;
    if (!sameEffectiveSeverity(last.severity, severity)) segments.push({ from: instant, severity });
  }
  return {
    response: effectiveSeverity({ ...responseFacts.facts, downgradeTo: null }),
    responseFrom,
    segments,
  };
}

function severityAt(history: FieldHistory, instant: number, fallback: Severity): Severity {
  let value: string | null = history.initial;
  let lastSet: string | null = value;
  for (const change of history.changes) {
    if (change.at > instant) break;
    value = change.to;
    if (value !== null) lastSet = value;
  }
  return (value ?? lastSet ?? fallback) as Severity;
}

export function segmentAt(timeline: SeverityTimeline, instant: number): SeveritySegment {
  let found = timeline.segments[0] as SeveritySegment;
  for (const segment of timeline.segments) {
    if (segment.from > instant) break;
    found = segment;
  }
  return found;
}
