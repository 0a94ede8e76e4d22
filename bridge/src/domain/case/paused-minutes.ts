import { businessMinutesBetween } from '../calendar/index.js';
import type { Phase, ResolutionSegment } from './resolution-clock.js';

/**
 * Business minutes spent waiting on the customer (Pending Input) in pauses that had ended by
 * `until`, each stretch counted on the calendar of the severity in force then. A pause still
 * running is counted when it ends: every field the bridge writes stays constant until the next
 * transition or edit, so re-evaluating never finds a difference to write.
 */
export function pausedMinutes(
  phases: readonly Phase[],
  segments: readonly ResolutionSegment[],
  until: number,
): number {
  let total = 0;
  phases.forEach((phase, index) => {
    const end = phases[index + 1]?.from;
    if (phase.kind !== 'pending_input' || end === undefined || end > until) return;
    segments.forEach((segment, segmentIndex) => {
      const from = Math.max(phase.from, segment.from);
      const to = Math.min(end, segments[segmentIndex + 1]?.from ?? end);
      if (from < to) total += businessMinutesBetween(from, to, segment.calendar.calendar);
    });
  });
  return total;
}
