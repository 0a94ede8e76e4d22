import { DateTime } from 'luxon';

/** The tracking start is a London day: it begins at 00:00 Europe/London (GMT or BST). */
export const TRACKING_ZONE = 'Europe/London';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The London date (`YYYY-MM-DD`) an instant falls on. */
export function londonDateOf(instant: number): string {
  return DateTime.fromMillis(instant, { zone: TRACKING_ZONE }).toISODate() as string;
}

/** 00:00 Europe/London on a `YYYY-MM-DD` date, as epoch milliseconds; null when not a real date. */
export function londonMidnight(date: string): number | null {
  if (!ISO_DATE.test(date)) return null;
  const start = DateTime.fromISO(date, { zone: TRACKING_ZONE }).startOf('day');
  return start.isValid && start.toISODate() === date ? start.toMillis() : null;
}
