import type { CaseFacts } from '../case/case-facts.js';
import type { CasePin } from '../case/case-pin.js';
import { isWithin, type Period } from '../case/no-sla-periods.js';
import type { Phase, ResolutionStatus } from '../case/resolution-clock.js';
import type { ResponseStatus } from '../case/response-clock.js';
import { entries, type StatusPoint } from '../case/status-timeline.js';
import type { SeverityTimeline } from '../severity/severity-timeline.js';
import { type SlaClock, type SlaEvent, type SlaEventType, slaEvent } from './sla-event.js';

/**
 * A case's event timeline, derived only from its history (the change log, the pin) and its
 * clocks, so it is the same whenever and however often it is computed. The caller keeps the
 * events up to `now`.
 */
export function caseEvents(options: {
  facts: CaseFacts;
  pin: CasePin;
  acknowledgedAt: number | null;
  timeline: SeverityTimeline;
  phases: readonly Phase[];
  covered: boolean;
  /** Stretches with no SLA (withdrawn, not reportable): no pause or resume events there. */
  noSla: readonly Period[];
  responsePoints: readonly StatusPoint<ResponseStatus>[];
  resolutionPoints: readonly StatusPoint<ResolutionStatus | 'no_clock'>[];
}): SlaEvent[] {
  const { facts, pin } = options;
  const out: SlaEvent[] = [];
  const add = (
    type: SlaEventType,
    clock: SlaClock | null,
    at: number,
    cause: string,
    version = pin.policyVersion,
  ) =>
    out.push(
      slaEvent({ module: 'Cases', recordId: facts.id, type, clock, at, policyVersion: version, cause }),
    );

  add(
    'reported',
    null,
    facts.reportedAt,
    `reported with Severity ${options.timeline.response.facts.severity}`,
  );
  if (options.acknowledgedAt !== null)
    add('acknowledged', null, options.acknowledgedAt, 'first save by a person out of New');

  let previous: SeverityTimeline['segments'][number]['severity'] | undefined;
  for (const segment of options.timeline.segments) {
    const severity = segment.severity;
    const capped = severity.environmentCapped || severity.causeCapped;
    const wasCapped = previous ? previous.environmentCapped || previous.causeCapped : false;
    if (
      capped &&
      (!previous ||
        !wasCapped ||
        previous.capped !== severity.capped ||
        previous.facts.severity !== severity.facts.severity)
    ) {
      const why = severity.causeCapped
        ? `cause ${severity.facts.cause}`
        : `environment ${severity.facts.environment}`;
      add(
        'severity_capped',
        null,
        segment.from,
        `Severity ${severity.facts.severity} capped to ${severity.capped} (${why})`,
      );
    }
    if (severity.downgraded && (!previous?.downgraded || previous.effective !== severity.effective)) {
      add('downgraded', null, segment.from, `downgraded to Severity ${severity.effective}`);
    }
    previous = severity;
  }

  for (const at of entries(options.responsePoints, 'at_risk'))
    add('at_risk', 'response', at, 'response at-risk share elapsed');
  for (const at of entries(options.responsePoints, 'breached'))
    add('breached', 'response', at, 'not acknowledged by the due minute');
  for (const at of entries(options.responsePoints, 'met'))
    add('met', 'response', at, 'acknowledged by the due minute');
  for (const at of entries(options.resolutionPoints, 'at_risk'))
    add('at_risk', 'resolution', at, 'resolution at-risk share elapsed');
  for (const at of entries(options.resolutionPoints, 'breached'))
    add('breached', 'resolution', at, 'not resolved by the due minute');
  for (const at of entries(options.resolutionPoints, 'met'))
    add('met', 'resolution', at, 'closed by the due minute');
  for (const at of entries(options.resolutionPoints, 'hours_exhausted')) {
    add('hours_exhausted', 'resolution', at, "the plan's reserved hours ran out: the resolution clock stops");
  }

  if (options.covered) {
    options.phases.forEach((phase, index) => {
      if (isWithin(options.noSla, phase.from)) return;
      const before = options.phases[index - 1];
      if (phase.kind === 'pending_input' && before?.kind !== 'pending_input') {
        add('paused', 'resolution', phase.from, 'waiting on the customer (Pending Input)');
      } else if (phase.kind === 'running' && before && before.kind !== 'running') {
        add(
          'resumed',
          'resolution',
          phase.from,
          before.kind === 'closed' ? 'reopened' : 'no longer waiting on the customer',
        );
      }
    });
  }

  for (const restatement of pin.restatements) {
    add(
      'restated',
      null,
      restatement.at,
      `coverage ${restatement.fromCoverage} under policy ${restatement.fromVersion} restated as ${restatement.toCoverage} under ${restatement.toVersion}`,
      restatement.toVersion,
    );
  }
  return out;
}
