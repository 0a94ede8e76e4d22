import { addBusinessMinutes, businessMinutesBetween } from '../calendar/index.js';
import type { ClockCalendar } from '../policy/compiled-policy.js';
import type { Severity } from '../severity/severity.js';
import { MINUTE_MS } from '../time/local-day.js';
import { atRiskMinutes } from './response-clock.js';
import type { StatusPoint } from './status-timeline.js';

/** The `sla_resolution_status_list` keys. */
export const RESOLUTION_STATUSES = [
  'pending',
  'at_risk',
  'breached',
  'met',
  'met_late',
  'paused',
  'hours_exhausted',
  'not_applicable',
  'withdrawn',
  'not_covered',
  'not_computed',
] as const;
export type ResolutionStatus = (typeof RESOLUTION_STATUSES)[number];

/** What the case was doing from an instant on: running, waiting on the customer, or closed. */
export interface Phase {
  from: number;
  kind: 'running' | 'pending_input' | 'closed';
  /** The status entered (for closed: which Closed_* status). */
  status: string;
}

/** The target in force from an instant on (a severity change starts a new segment). */
export interface ResolutionSegment {
  from: number;
  severity: Severity;
  targetMinutes: number;
  calendar: ClockCalendar;
}

export interface ResolutionInterval {
  from: number;
  /** Exclusive; null for the last interval, which runs on. */
  to: number | null;
  phase: Phase;
  segment: ResolutionSegment;
  /** Business minutes consumed before this interval. */
  consumedBefore: number;
}

export interface ResolutionClock {
  points: StatusPoint<ResolutionStatus>[];
  intervals: ResolutionInterval[];
  /** When the clock first breached (sticky), and the due it missed. */
  breach: { at: number; due: number } | null;
}

/**
 * The resolution clock (docs/sla-rules.md#the-resolution-clock). It runs from the report to the last entry
 * into a Closed_* status, on business minutes of each severity segment's calendar; minutes
 * already consumed stay consumed when the severity changes (docs/business-time.md rule 4.5: consumed on
 * calendar 1, then continue on calendar 2). Time in Pending Input and time closed before a
 * reopen do not count. Breached at due + 1 wall-clock minute while running, and breached stays
 * breached (a later downgrade or pause never undoes it). A pause that starts exactly at the due
 * minute is not a breach; the case is due again the minute it resumes. The clock stops for good
 * when the plan's hours run out. Closing as duplicate or rejected after the acknowledgement
 * makes the resolution not applicable.
 */
export function resolutionClock(options: {
  start: number;
  phases: readonly Phase[];
  segments: readonly ResolutionSegment[];
  atRiskShare: number;
  acknowledgedAt: number | null;
  hoursExhaustedAt: number | null;
  notApplicableStatuses: ReadonlySet<string>;
}): ResolutionClock {
  const { start, phases, segments, hoursExhaustedAt } = options;
  const instants = new Set<number>();
  for (const phase of phases) if (phase.from > start) instants.add(phase.from);
  for (const segment of segments) if (segment.from > start) instants.add(segment.from);
  if (hoursExhaustedAt !== null && hoursExhaustedAt > start) instants.add(hoursExhaustedAt);
  const bounds = [start, ...[...instants].sort((a, b) => a - b)];

  const points: StatusPoint<ResolutionStatus>[] = [];
  const intervals: ResolutionInterval[] = [];
  let consumed = 0;
  let breach: ResolutionClock['breach'] = null;
  bounds.forEach((from, index) => {
    const next = bounds[index + 1];
    const to = next ?? null;
    const phase = lastAtOrBefore(phases, from) ?? { from: start, kind: 'running', status: '' };
    const segment = lastAtOrBefore(segments, from) as ResolutionSegment;
    intervals.push({ from, to, phase, segment, consumedBefore: consumed });
    const { targetMinutes, calendar } = segment;
    const dueIfRunning =
      consumed >= targetMinutes
        ? from
        : addBusinessMinutes(from, targetMinutes - consumed, calendar.calendar);
    const exhausted = hoursExhaustedAt !== null && from >= hoursExhaustedAt;

    if (phase.kind === 'closed') {
      const acknowledged = options.acknowledgedAt !== null && options.acknowledgedAt <= from;
      if (acknowledged && options.notApplicableStatuses.has(phase.status)) {
        points.push({ at: from, status: 'not_applicable', due: null });
      } else if (breach) {
        points.push({ at: from, status: 'met_late', due: breach.due });
      } else if (exhausted) {
        points.push({ at: from, status: 'hours_exhausted', due: null });
      } else {
        points.push({ at: from, status: 'met', due: dueIfRunning });
      }
      return;
    }
    if (breach) {
      points.push({ at: from, status: 'breached', due: breach.due });
      return;
    }
    if (exhausted) {
      points.push({ at: from, status: 'hours_exhausted', due: null });
      return;
    }
    if (phase.kind === 'pending_input') {
      points.push({ at: from, status: 'paused', due: null });
      return;
    }
    const riskMinutes = atRiskMinutes(targetMinutes, options.atRiskShare);
    const atRiskAt =
      consumed >= riskMinutes ? from : addBusinessMinutes(from, riskMinutes - consumed, calendar.calendar);
    points.push({ at: from, status: atRiskAt <= from ? 'at_risk' : 'pending', due: dueIfRunning });
    if (atRiskAt > from && (to === null || atRiskAt < to)) {
      points.push({ at: atRiskAt, status: 'at_risk', due: dueIfRunning });
    }
    if (to === null || dueIfRunning < to) {
      breach = { at: dueIfRunning + MINUTE_MS, due: dueIfRunning };
      points.push({ at: breach.at, status: 'breached', due: dueIfRunning });
    }
    if (to !== null) consumed += businessMinutesBetween(from, to, calendar.calendar);
  });
  return { points, intervals, breach };
}

function lastAtOrBefore<T extends { from: number }>(items: readonly T[], instant: number): T | undefined {
  let found: T | undefined;
  for (const item of items) {
    if (item.from > instant) break;
    found = item;
  }
  return found;
}
