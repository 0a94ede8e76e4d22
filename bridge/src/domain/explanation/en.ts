import { isAlwaysOpen } from '../calendar/index.js';
import type { Coverage } from '../case/coverage.js';
import type { Environment, Reportable } from '../severity/severity.js';
import type { BreakdownItem } from './day-breakdown.js';
import type {
  CaseExplanationModel,
  CoverageFacts,
  ExplanationTemplates,
  ResolutionExplanation,
  ResponseExplanation,
  SeverityExplanation,
} from './explanation-model.js';
import { dateTime, reasonText, shortDay, ENGLISH_DATES as WORDS } from './local-format.js';
import { spanText, ENGLISH_TIME as TIME, targetText } from './target-words.js';

const ENVIRONMENTS: Record<Environment, string> = {
  production: 'production',
  pre_production: 'pre-production',
  uat: 'UAT',
  lab: 'lab',
  demo: 'demo',
  unknown: 'unknown',
};

const NOT_REPORTABLE: Record<Exclude<Reportable, 'yes'>, string> = {
  misuse: 'customer misuse (a)',
  no_material_effect: 'no material effect on operation (b)',
  unsupported_modification: 'a modification not contemplated by the agreement (c)',
  update_not_applied: 'an update supplied was not applied (d)',
};

function coverageSentence(model: CoverageFacts): string {
  const plan = model.planLabel ?? 'dedicated';
  const sentences: Record<Exclude<Coverage, 'not_tracked'>, string> = {
    covered: `Covered by the ${plan} plan.`,
    withdrawn: 'No SLA: closed as a duplicate or rejected before anyone acknowledged it (withdrawn).',
    no_contract: 'No SLA: the account has no support contract.',
    free_support: 'No SLA: the account has free support only (the forum).',
    not_started: `No SLA: the ${plan} contract had not started when the case was reported.`,
    ended: `No SLA: the ${plan} contract had ended when the case was reported.`,
    not_paid: `No SLA: the ${plan} term was not paid when the case was reported.`,
    not_reportable: `No SLA: not a reportable incident (${model.reportable === 'yes' ? 'reportable' : NOT_REPORTABLE[model.reportable]}).`,
    hours_exhausted: `No SLA: the reserved hours of the ${plan} plan were used up before the case was reported.`,
  };
  return model.coverage === 'not_tracked'
    ? 'Not tracked: reported before the bridge started tracking cases.'
    : sentences[model.coverage];
}

function severityNote(model: SeverityExplanation): string | null {
  const { current } = model;
  const { facts } = current;
  const parts: string[] = [];
  if (current.environmentCapped && current.causeCapped) {
    parts.push(
      `Reported as Severity ${facts.severity}, capped to ${current.capped}: problems in customer or third-party software are never Severity 1 or 2, and Severity 1 needs production or a pre-production system that completed UAT (environment: ${ENVIRONMENTS[facts.environment]}).`,
    );
  } else if (current.environmentCapped) {
    parts.push(
      `Reported as Severity 1, capped to 2: Severity 1 needs production or a pre-production system that completed UAT (environment: ${ENVIRONMENTS[facts.environment]}).`,
    );
  } else if (current.causeCapped) {
    parts.push(
      `Reported as Severity ${facts.severity}, capped to 3: problems in customer or third-party software are never Severity 1 or 2.`,
    );
  }
  if (current.environmentUnconfirmed) parts.push('Severity 1 accepted; environment not confirmed.');
  if (current.downgraded) {
    const when = model.downgradeAt === null ? '' : ` on ${dateTime(model.downgradeAt, model.zone, WORDS)}`;
    parts.push(
      `Downgraded to ${current.effective}${when}: ${reasonText(model.downgradeReason) ?? 'no reason recorded'}.`,
    );
  } else if (current.downgradeIneffective) {
    parts.push(
      `The downgrade to ${facts.downgradeTo} changes nothing: the severity is already ${current.capped}.`,
    );
  }
  if (model.responseSeverity) {
    parts.push(`The response target keeps Severity ${model.responseSeverity.capped}, as first reported.`);
  }
  return parts.length === 0 ? null : parts.join(' ');
}

function breakdown(items: readonly BreakdownItem[]): string {
  return items
    .map((item) => {
      if (item.kind === 'minutes') return `${item.minutes} minutes on ${shortDay(item.day, WORDS)}`;
      if (item.kind === 'run')
        return `${item.minutes} minutes on each of ${item.days} days from ${shortDay(item.from, WORDS)} to ${shortDay(item.to, WORDS)}`;
      return `${shortDay(item.day, WORDS)} closed (${item.name})`;
    })
    .join('; ');
}

function response(model: ResponseExplanation): string {
  const at = (instant: number) => dateTime(instant, model.zone, WORDS);
  const calendar = calendarText(model.calendarName, model.alwaysOpen);
  const steps = model.breakdown ? `; ${breakdown(model.breakdown)}` : '';
  const head = `Response: Severity ${model.severity}, target ${targetText(model.targetMinutes, model.calendar, TIME)} (${calendar}). Reported ${at(model.start)}${steps}; due ${at(model.due)}.`;
  const acknowledged = (verdict: string) =>
    `Acknowledged ${at(model.acknowledgedAt ?? model.start)} after ${spanText(model.minutes ?? 0, TIME)}: ${verdict}.`;
  switch (model.status) {
    case 'met':
      return `${head} ${acknowledged('met')}`;
    case 'met_late':
      return `${head} ${acknowledged(`met late (breached at ${at(model.breachedAt)})`)}`;
    case 'breached':
      return `${head} Not acknowledged in time: breached at ${at(model.breachedAt)}.`;
    case 'at_risk':
      return `${head} Not acknowledged yet: at risk since ${at(model.atRiskAt)}, breached at ${at(model.breachedAt)} if still not acknowledged.`;
    default:
      return `${head} Not acknowledged yet: at risk from ${at(model.atRiskAt)}.`;
  }
}

function resolution(model: ResolutionExplanation): string {
  const at = (instant: number) => dateTime(instant, model.zone, WORDS);
  const paused =
    model.paused > 0 ? ` ${spanText(model.paused, TIME)} paused waiting on the customer so far.` : '';
  const calendar = calendarText(model.calendarName, isAlwaysOpen(model.calendar));
  const head = `Resolution: Severity ${model.severity}, target ${targetText(model.targetMinutes, model.calendar, TIME)} (${calendar}).${paused}`;
  switch (model.status) {
    case 'pending':
      return `${head} Due ${at(model.due ?? 0)}.`;
    case 'at_risk':
      return `${head} Due ${at(model.due ?? 0)}: at risk.`;
    case 'paused':
      return `${head} Paused while waiting on the customer after ${spanText(model.consumed, TIME)}: no due time.`;
    case 'breached':
      return `${head} Breached at ${at(model.breach?.at ?? 0)} (due ${at(model.breach?.due ?? 0)}).`;
    case 'met':
      return `${head} Closed ${at(model.closedAt ?? 0)} after ${spanText(model.consumed, TIME)}, due ${at(model.due ?? 0)}: met.`;
    case 'met_late':
      return `${head} Closed ${at(model.closedAt ?? 0)}, due ${at(model.due ?? 0)}: met late.`;
    case 'hours_exhausted':
      return `${head} Stopped: the plan's reserved hours ran out${model.hoursExhaustedAt === null ? '' : ` on ${at(model.hoursExhaustedAt)}`}.`;
    case 'not_applicable':
      return `${head} Closed as ${model.closedStatus === 'Closed_Duplicate' ? 'a duplicate' : 'rejected'} after it was acknowledged: not applicable.`;
    default:
      return head;
  }
}

/** The calendar's label; a 24/7 calendar whose label does not say so gets ", 24/7". */
function calendarText(label: string, alwaysOpen: boolean): string {
  return alwaysOpen && !label.includes('24/7') ? `${label}, 24/7` : label;
}

function caseExplanation(model: CaseExplanationModel): string {
  const parts = [coverageSentence(model)];
  const note = severityNote(model.severity);
  parts.push(`Severity ${model.severity.current.effective}.${note ? ` ${note}` : ''}`);
  if (model.response) parts.push(response(model.response));
  if (model.resolution && 'target' in model.resolution) parts.push('The plan sets no resolution target.');
  else if (model.resolution) parts.push(resolution(model.resolution));
  parts.push(`Times are ${model.zone} time.`);
  return parts.join(' ');
}

export const ENGLISH: ExplanationTemplates = { coverageSentence, severityNote, caseExplanation };
