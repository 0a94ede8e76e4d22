import { pausedMinutes } from '../case/paused-minutes.js';
import type {
  Phase,
  ResolutionClock,
  ResolutionSegment,
  ResolutionStatus,
} from '../case/resolution-clock.js';
import type { StatusPoint } from '../case/status-timeline.js';
import type { ResolutionExplanation } from './explanation-model.js';

/** What the resolution sentence of a case's explanation needs, at `now`. */
export function resolutionExplanation(
  clock: ResolutionClock,
  point: StatusPoint<ResolutionStatus>,
  phases: readonly Phase[],
  segments: readonly ResolutionSegment[],
  hoursExhaustedAt: number | null,
  now: number,
): ResolutionExplanation {
  const interval =
    [...clock.intervals].reverse().find((candidate) => candidate.from <= now) ??
    (clock.intervals[0] as never);
  // Minutes consumed are shown only where they stand still (paused, closed): the explanation,
  // like every field, must not change between transitions.
  const consumed = interval.consumedBefore;
  const phase = [...phases].reverse().find((candidate) => candidate.from <= now);
  const closedPhase = phase?.kind === 'closed' ? phase : undefined;
  return {
    severity: interval.segment.severity,
    targetMinutes: interval.segment.targetMinutes,
    calendarName: interval.segment.calendar.label,
    calendar: interval.segment.calendar.calendar.definition,
    zone: interval.segment.calendar.calendar.definition.timeZone,
    status: point.status,
    due: point.due,
    consumed,
    paused: pausedMinutes(phases, segments, now),
    breach: clock.breach && clock.breach.at <= now ? clock.breach : null,
    closedAt: closedPhase ? closedStart(phases, closedPhase) : null,
    closedStatus: closedPhase?.status ?? null,
    hoursExhaustedAt,
  };
}

/** When the current closed stretch began (closed → closed status changes are one stretch). */
function closedStart(phases: readonly Phase[], last: Phase): number {
  let start = last.from;
  for (let index = phases.indexOf(last) - 1; index >= 0; index--) {
    const phase = phases[index] as Phase;
    if (phase.kind !== 'closed') break;
    start = phase.from;
  }
  return start;
}
