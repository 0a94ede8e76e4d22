import { floorToMinute } from '../time/local-day.js';
import type { CaseFacts } from './case-facts.js';
import type { CaseRecord } from './case-record.js';
import { nextChangeAfter, type StatusPoint } from './status-timeline.js';

/**
 * The earliest instant after `now` at which a case's fields change without any edit: the next
 * status change of its clocks, or a change already logged for later (clock skew).
 */
export function nextTransition(
  now: number,
  facts: CaseFacts,
  timelines: ReadonlyArray<readonly StatusPoint<string>[]>,
): number | null {
  let next = Number.POSITIVE_INFINITY;
  for (const points of timelines) {
    const change = nextChangeAfter(points, now);
    if (change !== null) next = Math.min(next, change);
  }
  // A change already logged with a later time (clock skew) applies when its time comes.
  for (const history of [
    facts.status,
    facts.severity,
    facts.environment,
    facts.cause,
    facts.reportable,
    facts.downgrade,
  ]) {
    for (const change of history.changes) if (change.at > now) next = Math.min(next, change.at);
  }
  return Number.isFinite(next) ? next : null;
}

/**
 * A case that cannot be computed: the earliest change already logged for later, which may make
 * it computable then (a problem time heals adds its own instant, see DataProblem.healsAt).
 */
export function nextLoggedChange(record: CaseRecord, now: number): number | null {
  let next: number | null = null;
  for (const entry of record.changeLog) {
    const at = floorToMinute(entry.at);
    if (at > now && (next === null || at < next)) next = at;
  }
  return next;
}
