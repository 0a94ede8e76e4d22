import { MS_PER_MINUTE } from '../../iso/day-number.js';
import type { BusinessCalendar } from './business-calendar.js';
import { type MinutePause, mergePauses } from './pauses.js';

/**
 * The business-time operations of docs/business-time.md, on instants given as epoch milliseconds.
 * Instants are floored to the whole UTC minute (1.3: the stricter deadline); results are whole
 * minutes. Pauses are half-open [start, end) instants and only ever remove business minutes.
 */
export type Instant = number;
export type Pause = readonly [Instant, Instant];

function toMinute(instant: Instant): number {
  if (!Number.isFinite(instant)) throw new RangeError('instant is not a finite number');
  return Math.floor(instant / MS_PER_MINUTE);
}

function pauseMinutes(pauses: readonly Pause[] | undefined): MinutePause[] {
  if (!pauses || pauses.length === 0) return [];
  return mergePauses(pauses.map(([start, end]) => [toMinute(start), toMinute(end)] as const));
}

export function addBusinessMinutes(
  start: Instant,
  minutes: number,
  calendar: BusinessCalendar,
  pauses?: readonly Pause[],
): Instant {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new RangeError(`business minutes must be a non-negative integer, got ${minutes}`);
  }
  const from = toMinute(start);
  if (minutes === 0) return from * MS_PER_MINUTE;
  let remaining = minutes;
  let cursor = from;
  for (const [pauseStart, pauseEnd] of pauseMinutes(pauses)) {
    if (pauseEnd <= cursor) continue;
    if (pauseStart > cursor) {
      const available = calendar.minutesBetween(cursor, pauseStart);
      // 2.1 + 2.6: a deadline that lands exactly where a pause begins stays there.
      if (available >= remaining) return calendar.addMinutes(cursor, remaining) * MS_PER_MINUTE;
      remaining -= available;
    }
    cursor = pauseEnd;
  }
  return calendar.addMinutes(cursor, remaining) * MS_PER_MINUTE;
}

export function businessMinutesBetween(
  from: Instant,
  to: Instant,
  calendar: BusinessCalendar,
  pauses?: readonly Pause[],
): number {
  const a = toMinute(from);
  const b = toMinute(to);
  if (b < a) return 0 - businessMinutesBetween(to, from, calendar, pauses); // 0 - x: never -0
  let total = calendar.minutesBetween(a, b);
  for (const [pauseStart, pauseEnd] of pauseMinutes(pauses)) {
    const start = Math.max(pauseStart, a);
    const end = Math.min(pauseEnd, b);
    if (start < end) total -= calendar.minutesBetween(start, end);
  }
  return total;
}

export function isBusinessTime(instant: Instant, calendar: BusinessCalendar): boolean {
  return calendar.isBusinessMinute(toMinute(instant));
}

/** The first business instant at or after `instant` (itself when it is business time). */
export function nextBusinessTime(instant: Instant, calendar: BusinessCalendar): Instant {
  return calendar.nextBusinessMinute(toMinute(instant)) * MS_PER_MINUTE;
}
