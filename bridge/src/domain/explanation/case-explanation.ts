import { isAlwaysOpen } from '../calendar/index.js';
import type { CaseClocks } from '../case/case-clocks.js';
import type { CaseFacts } from '../case/case-facts.js';
import type { TimeEntryRecord } from '../hours/time-entry-record.js';
import type { CompiledPlan } from '../policy/compiled-policy.js';
import type { Language } from '../policy/policy.schema.js';
import type { EffectiveSeverity } from '../severity/effective-severity.js';
import type { Reportable } from '../severity/severity.js';
import type { SeverityTimeline } from '../severity/severity-timeline.js';
import { CONTRACT_ZONE } from '../time/local-day.js';
import { dayBreakdown } from './day-breakdown.js';
import type { CaseExplanationModel, SeverityExplanation } from './explanation-model.js';
import { resolutionExplanation } from './resolution-explanation.js';
import { fitLength, safeText } from './safe-text.js';
import { templatesFor } from './templates.js';
import { uncountedEntriesNote } from './uncounted-entries.js';

/** What a case's explanation is made from: its facts and the clocks already run at `now`. */
export interface CaseExplanationInput {
  facts: CaseFacts;
  timeline: SeverityTimeline;
  /** The effective severity at `now`. */
  current: EffectiveSeverity;
  plan: CompiledPlan | undefined;
  clocks: CaseClocks;
  language: Language;
  /** All the account's time entries as read: the note names the case's entries that do not count. */
  timeEntries: readonly TimeEntryRecord[];
  now: number;
}

/** The two texts the bridge writes on a case, safe to save and (the note) fitted to its column. */
export interface CaseTexts {
  explanation: string;
  severityNote: string | null;
}

/**
 * The case's explanation and severity note, from the facts only (CaseExplanationModel) rendered
 * by the policy language's templates: the wording lives in the templates, never here.
 */
export function explainCase(input: CaseExplanationInput): CaseTexts {
  const { facts, timeline, current, plan, clocks, now } = input;
  const { response, resolution, responseNow, resolutionNow, acknowledgedAt } = clocks;
  const templates = templatesFor(input.language);
  const downgradeChange = lastDowngrade(facts, now);
  const zone =
    response?.calendar.calendar.definition.timeZone ?? plan?.calendar.definition.timeZone ?? CONTRACT_ZONE;
  const severityModel: SeverityExplanation = {
    current,
    responseSeverity: timeline.response.capped !== current.capped ? timeline.response : null,
    downgradeAt: downgradeChange,
    downgradeReason: facts.downgradeReason === null ? null : safeText(facts.downgradeReason),
    zone,
  };
  const note = templates.severityNote(severityModel);
  const showClocks = clocks.coverage === 'covered';
  const explanationModel: CaseExplanationModel = {
    coverage: clocks.coverage,
    planLabel: plan?.definition.label ?? null,
    reportable: (facts.reportable.valueAt(Math.max(now, facts.createdAt)) ?? 'yes') as Reportable,
    zone,
    reportedAt: facts.reportedAt,
    severity: severityModel,
    response:
      showClocks && response && responseNow
        ? {
            severity: response.severity,
            targetMinutes: response.targetMinutes,
            calendarName: response.calendar.label,
            calendar: response.calendar.calendar.definition,
            alwaysOpen: isAlwaysOpen(response.calendar.calendar.definition),
            zone: response.calendar.calendar.definition.timeZone,
            start: response.start,
            due: response.due,
            atRiskAt: response.atRiskAt,
            breachedAt: response.breachedAt,
            breakdown: dayBreakdown(response.start, response.due, response.calendar.calendar),
            status: responseNow.status,
            acknowledgedAt,
            minutes: acknowledgedAt === null ? null : response.minutes,
          }
        : null,
    resolution: !showClocks
      ? null
      : resolution && resolutionNow
        ? resolutionExplanation(
            resolution,
            resolutionNow,
            clocks.phases,
            clocks.segments,
            clocks.hoursExhaustedAt,
            now,
          )
        : { target: false },
  };
  const uncounted = uncountedEntriesNote(input.timeEntries, facts.id, input.language);
  const explanation = safeText(
    [templates.caseExplanation(explanationModel), uncounted].filter((part) => part !== null).join(' '),
  );
  // sla_severity_note_c is a varchar(255); the explanation is a text column and is never cut.
  return { explanation, severityNote: note === null ? null : fitLength(safeText(note), 255) };
}

/** The last instant by `now` at which a downgrade was set (clearing one sets none): the note names it. */
function lastDowngrade(facts: CaseFacts, now: number): number | null {
  let at: number | null = null;
  for (const change of facts.downgrade.changes) if (change.at <= now && change.to !== null) at = change.at;
  return at;
}
