import { businessMinutesBetween } from '../calendar/index.js';
import type { Phase, ResolutionSegment } from './resolution-clock.js';

/**
 * Business minutes spent waiting on the customer (Pending Input) from the report up to
 * `until`, each stretch counted on the calendar of the severity in force then.
 */
export function pausedMinutes(
  phases: readonly Phase[],
  segments: readonly ResolutionSegment[],
  until: number,
): number {
  let total = 0;
  phases.forEach((phase, index) => {
    if (phase.kind !== 'pending_input' || phase.from >= until) return;
    const end = Math.min(phases[index + 1]?.from ?? until, until);
    segments.forEach((segment, segmentIndex) => {
      const from = Math.max(phase.from, segment.from);
      const to = Math.min(end, segments[segmentIndex + 1]?.from ?? end);
      if (from < to) total += businessMinutesBetween(from, to, segment.calendar.calendar);
    });
  });
  return total;
}
