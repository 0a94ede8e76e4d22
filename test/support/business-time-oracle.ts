import { DateTime } from 'luxon';
import type { CalendarDefinition } from '../../bridge/src/domain/calendar/calendar-definition.js';
import { isAlwaysOpen, wallMinutes } from '../../bridge/src/domain/calendar/calendar-definition.js';
import type { HolidayRegistry } from '../../bridge/src/domain/calendar/holiday-registry.js';
import { formatIsoDate } from '../../bridge/src/iso/day-number.js';

/**
 * The slow, obviously-right reading of docs/business-time.md: look at every single minute, ask luxon
 * for its local wall time in the calendar's zone, and count. No tables, no cleverness. The
 * engine is checked against this; the benchmark measures how much faster the engine is.
 */
export class MinuteOracle {
  private readonly closedDates = new Map<number, Set<string>>();

  constructor(
    private readonly calendar: CalendarDefinition,
    private readonly registry: HolidayRegistry,
  ) {}

  isBusinessMinute(minute: number): boolean {
    const calendar = this.calendar;
    if (isAlwaysOpen(calendar)) return true;
    const local = DateTime.fromMillis(minute * 60_000, { zone: calendar.timeZone });
    if (!calendar.workingDays.includes(local.weekday)) return false;
    if (this.closedOn(local.year).has(local.toISODate() as string)) return false;
    const wall = local.hour * 60 + local.minute;
    return calendar.hours.some(([open, close]) => wall >= wallMinutes(open) && wall < wallMinutes(close));
  }

  private closedOn(year: number): Set<string> {
    let set = this.closedDates.get(year);
    if (!set) {
      const calendar = this.calendar;
      const holidays = isAlwaysOpen(calendar)
        ? []
        : this.registry.resolve(calendar.holidays).holidaysInYear(year);
      set = new Set(holidays.map((holiday) => formatIsoDate(holiday.date)));
      this.closedDates.set(year, set);
    }
    return set;
  }

  private counts(minute: number, pauses: ReadonlyArray<readonly [number, number]>): boolean {
    return this.isBusinessMinute(minute) && !pauses.some(([start, end]) => minute >= start && minute < end);
  }

  /** Counts business, unpaused minutes m with from <= m < to (epoch minutes). */
  between(from: number, to: number, pauses: ReadonlyArray<readonly [number, number]> = []): number {
    if (to < from) return 0 - this.between(to, from, pauses);
    let count = 0;
    for (let minute = from; minute < to; minute++) if (this.counts(minute, pauses)) count++;
    return count;
  }

  /** The earliest T >= start with between(start, T) == n, by stepping one minute at a time. */
  add(
    start: number,
    n: number,
    pauses: ReadonlyArray<readonly [number, number]> = [],
    limit = 5_000_000,
  ): number {
    let remaining = n;
    let minute = start;
    while (remaining > 0) {
      if (minute - start > limit) throw new Error('oracle gave up');
      if (this.counts(minute, pauses)) remaining--;
      minute++;
    }
    return minute;
  }
}
