import { DateTime } from 'luxon';
import { civilOf, type DayNumber, dayNumberOf } from '../calendar/local-date.js';

/** Contracts are London contracts: terms, renewals and refunds roll at 00:00 Europe/London. */
export const CONTRACT_ZONE = 'Europe/London';

export const MINUTE_MS = 60_000;

/** Whole UTC minutes: every SLA instant is floored to the minute (BUSINESS-TIME.md 1.3). */
export function floorToMinute(instant: number): number {
  return Math.floor(instant / MINUTE_MS) * MINUTE_MS;
}

/** The local date (as a day number) of an instant in a zone. */
export function localDayOf(instant: number, zone: string): DayNumber {
  const local = DateTime.fromMillis(instant, { zone });
  return dayNumberOf(local.year, local.month, local.day);
}

/** The instant a local date begins in a zone (00:00 local; zones whose midnight is skipped by DST start at the first valid minute). */
export function startOfLocalDay(day: DayNumber, zone: string): number {
  const { year, month, day: dayOfMonth } = civilOf(day);
  return DateTime.fromObject({ year, month, day: dayOfMonth }, { zone }).toMillis();
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
