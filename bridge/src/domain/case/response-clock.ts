import { addBusinessMinutes, businessMinutesBetween } from '../calendar/index.js';
import type { ClockCalendar } from '../policy/compiled-policy.js';
import type { Severity } from '../severity/severity.js';
import { MINUTE_MS } from '../time/local-day.js';
import type { StatusPoint } from './status-timeline.js';

/** The `sla_response_status_list` keys. */
export const RESPONSE_STATUSES = [
  'pending',
  'at_risk',
  'breached',
  'met',
  'met_late',
  'withdrawn',
  'not_covered',
  'not_computed',
] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export interface ResponseClock {
  severity: Severity;
  targetMinutes: number;
  calendar: ClockCalendar;
  start: number;
  due: number;
  atRiskAt: number;
  breachedAt: number;
  acknowledgedAt: number | null;
  /** Business minutes from the report to the acknowledgement. */
  minutes: number | null;
  points: StatusPoint<ResponseStatus>[];
}

/** The at-risk point: the share of the target, rounded up to a whole minute (never 0). */
export function atRiskMinutes(target: number, share: number): number {
  // toFixed(6) first: 0.7 * 100 is 70.00000000000001 in floating point, which must stay 70.
  return Math.max(1, Math.ceil(Number((target * share).toFixed(6))));
}

/**
 * The response clock (docs/sla-rules.md#the-response-clock): the target comes from the reported severity
 * after the caps and never changes; pauses do not apply. Met means acknowledged, floored to the
 * minute, at or before the due minute; breached at the wall-clock instant due + 1 minute
 * without acknowledgement (due Friday 17:30 = breached Friday 17:31); at risk at the business
 * instant where the at-risk share of the target has elapsed.
 */
export function responseClock(options: {
  start: number;
  severity: Severity;
  targetMinutes: number;
  atRiskShare: number;
  calendar: ClockCalendar;
  acknowledgedAt: number | null;
}): ResponseClock {
  const { start, targetMinutes, calendar } = options;
  const due = addBusinessMinutes(start, targetMinutes, calendar.calendar);
  const atRiskAt = addBusinessMinutes(
    start,
    atRiskMinutes(targetMinutes, options.atRiskShare),
    calendar.calendar,
  );
  const breachedAt = due + MINUTE_MS;
  // An acknowledgement logged a moment before the (floored) report counts as at the report.
  const ack = options.acknowledgedAt === null ? null : Math.max(options.acknowledgedAt, start);
  const points: StatusPoint<ResponseStatus>[] = [{ at: start, status: 'pending', due }];
  if (ack === null || atRiskAt < ack) points.push({ at: atRiskAt, status: 'at_risk', due });
  if (ack !== null && ack <= due) {
    points.push({ at: ack, status: 'met', due });
  } else {
    points.push({ at: breachedAt, status: 'breached', due });
    if (ack !== null) points.push({ at: ack, status: 'met_late', due });
  }
  return {
    severity: options.severity,
    targetMinutes,
    calendar,
    start,
    due,
    atRiskAt,
    breachedAt,
    acknowledgedAt: ack,
    minutes: ack === null ? null : businessMinutesBetween(start, ack, calendar.calendar),
    points,
  };
}
