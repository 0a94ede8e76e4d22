import { civilOf, type DayNumber, isoWeekday, MINUTES_PER_DAY } from '../../iso/day-number.js';
import type { CalendarDefinition } from './calendar-definition.js';
import { isAlwaysOpen, wallMinutes } from './calendar-definition.js';
import type { HolidaySet } from './holiday-set.js';
import { offsetPieces } from './zone-offsets.js';

/**
 * One UTC year of a calendar as sorted, merged business intervals with a cumulative count:
 * the business minutes before any instant are a table lookup plus a short scan, so `add` and
 * `between` cost the same for one hour as for ten weeks. All values are minutes relative to
 * `base` (the year's first UTC minute).
 */
export interface YearTable {
  readonly year: number;
  readonly base: number; // epoch minute of Jan 1 00:00 UTC
  readonly length: number; // minutes in the year
  readonly count: number; // number of intervals
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly prefix: Int32Array; // prefix[i] = business minutes before interval i; prefix[count] = total
  readonly dayFirst: Int32Array; // dayFirst[d] = first interval ending after UTC day d starts
  readonly total: number;
}

export function yearStartMinute(year: number): number {
  return Date.UTC(year, 0, 1) / 60_000;
}

export function buildYearTable(
  calendar: CalendarDefinition,
  holidays: HolidaySet | undefined,
  year: number,
): YearTable {
  const base = yearStartMinute(year);
  const length = yearStartMinute(year + 1) - base;
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (start: number, end: number): void => {
    const last = ends.length - 1;
    if (last >= 0 && ends[last] === start) ends[last] = end;
    else {
      starts.push(start);
      ends.push(end);
    }
  };

  if (isAlwaysOpen(calendar)) {
    push(0, length);
  } else {
    const hours = calendar.hours.map(([open, close]) => [wallMinutes(open), wallMinutes(close)] as const);
    const working = new Set(calendar.workingDays);
    const closedYears = new Map<number, Set<DayNumber>>();
    const isClosed = (day: DayNumber): boolean => {
      const dayYear = civilOf(day).year;
      let closed = closedYears.get(dayYear);
      if (!closed) {
        closed = new Set((holidays?.holidaysInYear(dayYear) ?? []).map((holiday) => holiday.date));
        closedYears.set(dayYear, closed);
      }
      return closed.has(day);
    };
    // docs/business-time.md rule 1.2: an instant is business time when its local wall time, in the
    // calendar's zone, falls in an opening interval of a business date. Walking the pieces of
    // constant UTC offset makes DST gaps (never business) and repeated hours (counted twice) exact.
    for (const piece of offsetPieces(calendar.timeZone, base, base + length)) {
      const localFrom = piece.start + piece.offset;
      const localTo = piece.end + piece.offset;
      const lastDay = Math.floor((localTo - 1) / MINUTES_PER_DAY);
      for (let day = Math.floor(localFrom / MINUTES_PER_DAY); day <= lastDay; day++) {
        if (!working.has(isoWeekday(day)) || isClosed(day)) continue;
        const dayStart = day * MINUTES_PER_DAY;
        for (const [open, close] of hours) {
          const from = Math.max(dayStart + open, localFrom);
          const to = Math.min(dayStart + close, localTo);
          if (from < to) push(from - piece.offset - base, to - piece.offset - base);
        }
      }
    }
  }

  const count = starts.length;
  const prefix = new Int32Array(count + 1);
  for (let i = 0; i < count; i++)
    prefix[i + 1] = (prefix[i] as number) + (ends[i] as number) - (starts[i] as number);
  const days = Math.ceil(length / MINUTES_PER_DAY);
  const dayFirst = new Int32Array(days + 1);
  let cursor = 0;
  for (let d = 0; d <= days; d++) {
    const dayStart = d * MINUTES_PER_DAY;
    while (cursor < count && (ends[cursor] as number) <= dayStart) cursor++;
    dayFirst[d] = cursor;
  }
  return {
    year,
    base,
    length,
    count,
    starts: Int32Array.from(starts),
    ends: Int32Array.from(ends),
    prefix,
    dayFirst,
    total: prefix[count] as number,
  };
}
