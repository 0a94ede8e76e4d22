import { DateTime } from 'luxon';
import { civilOf, type DayNumber, dayNumberOf } from '../../iso/day-number.js';

/** Contracts are London contracts: terms, renewals and refunds roll at 00:00 Europe/London. */
export const CONTRACT_ZONE = 'Europe/London';

export const MINUTE_MS = 60_000;

/** Whole UTC minutes: every SLA instant is floored to the minute (docs/business-time.md rule 1.3). */
export function floorToMinute(instant: number): number {
  return Math.floor(instant / MINUTE_MS) * MINUTE_MS;
}

/**
 * Where each local day starts, per zone. luxon asks Intl for every zone offset, which costs tens
 * of microseconds; contracts and explanations look up the same few days again and again.
 */
const dayStarts = new Map<string, Map<number, number>>();
const DAY_START_CACHE_LIMIT = 50_000;

/** The instant a local date begins in a zone (00:00 local; a day whose midnight DST skips starts at its first valid minute). */
export function startOfLocalDay(day: DayNumber, zone: string): number {
  let byDay = dayStarts.get(zone);
  if (!byDay) {
    byDay = new Map();
    dayStarts.set(zone, byDay);
  }
  let start = byDay.get(day);
  if (start === undefined) {
    const { year, month, day: dayOfMonth } = civilOf(day);
    start = DateTime.fromObject({ year, month, day: dayOfMonth }, { zone }).toMillis();
    if (byDay.size >= DAY_START_CACHE_LIMIT) byDay.clear();
    byDay.set(day, start);
  }
  return start;
}

/** The local date (as a day number) of an instant in a zone. */
export function localDayOf(instant: number, zone: string): DayNumber {
  // Zone offsets are within a day of UTC: the local day is the UTC day or one either side.
  const utcDay = Math.floor(instant / 86_400_000);
  for (const day of [utcDay, utcDay - 1, utcDay + 1]) {
    if (startOfLocalDay(day, zone) <= instant && instant < startOfLocalDay(day + 1, zone)) return day;
  }
  const local = DateTime.fromMillis(instant, { zone });
  return dayNumberOf(local.year, local.month, local.day);
}

function daysInMonth(year: number, month: number): number {
  return (
    dayNumberOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumberOf(year, month, 1)
  );
}

/**
 * The same day of the month `months` later, clamped to the month's last day: 29 February plus
 * 12 months is 28 February, plus 48 months is 29 February again. Callers always count from the
 * contract's original start, so a clamped date never drifts.
 */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { year, month, day: dayOfMonth } = civilOf(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayNumberOf(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}
