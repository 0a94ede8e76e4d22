import type { CalendarDefinition } from '../calendar/index.js';
import type { Coverage } from '../case/coverage.js';
import type { ResolutionStatus } from '../case/resolution-clock.js';
import type { ResponseStatus } from '../case/response-clock.js';
import type { EffectiveSeverity } from '../severity/effective-severity.js';
import type { Reportable, Severity } from '../severity/severity.js';
import type { BreakdownItem } from './day-breakdown.js';

/** What the explanation templates (en, es) render: facts only, no wording. */
export interface SeverityExplanation {
  current: EffectiveSeverity;
  /** The severity the response target uses, when it differs from the current one before downgrades. */
  responseSeverity: EffectiveSeverity | null;
  downgradeAt: number | null;
  downgradeReason: string | null;
  zone: string;
}

export interface ResponseExplanation {
  severity: Severity;
  targetMinutes: number;
  /** The calendar's label (the policy's, or the shipped one), never its id. */
  calendarName: string;
  calendar: CalendarDefinition;
  alwaysOpen: boolean;
  zone: string;
  start: number;
  due: number;
  atRiskAt: number;
  breachedAt: number;
  breakdown: BreakdownItem[] | undefined;
  status: ResponseStatus;
  acknowledgedAt: number | null;
  minutes: number | null;
}

export interface ResolutionExplanation {
  severity: Severity;
  targetMinutes: number;
  calendarName: string;
  calendar: CalendarDefinition;
  zone: string;
  status: ResolutionStatus;
  due: number | null;
  consumed: number;
  paused: number;
  breach: { at: number; due: number } | null;
  closedAt: number | null;
  closedStatus: string | null;
  hoursExhaustedAt: number | null;
}

export interface CaseExplanationModel {
  coverage: Coverage;
  planLabel: string | null;
  reportable: Reportable;
  zone: string;
  reportedAt: number;
  severity: SeverityExplanation;
  response: ResponseExplanation | null;
  /** Null when the case is not covered; `target: false` when the plan has no resolution targets. */
  resolution: ResolutionExplanation | { target: false } | null;
}

/** The facts the coverage sentence needs. */
export type CoverageFacts = Pick<CaseExplanationModel, 'coverage' | 'planLabel' | 'reportable'>;

export interface ExplanationTemplates {
  /** One sentence: covered by which plan, or why there is no SLA. */
  coverageSentence(model: CoverageFacts): string;
  /** The `sla_severity_note_c` text; null when there is nothing to say. */
  severityNote(model: SeverityExplanation): string | null;
  caseExplanation(model: CaseExplanationModel): string;
}
