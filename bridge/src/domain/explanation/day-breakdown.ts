import { civilOf, type DayNumber, isoWeekday } from '../../iso/day-number.js';
import { type BusinessCalendar, businessMinutesBetween, isAlwaysOpen } from '../calendar/index.js';
import { localDayOf, startOfLocalDay } from '../time/local-day.js';

export type BreakdownItem =
  | { kind: 'minutes'; day: DayNumber; minutes: number }
  /** Several consecutive days with the same business minutes each. */
  | { kind: 'run'; from: DayNumber; to: DayNumber; days: number; minutes: number }
  /** A working weekday the calendar is closed (a bank holiday or an override). */
  | { kind: 'closed'; day: DayNumber; name: string };

const MAX_DAYS = 800; // beyond this a day-by-day account helps nobody
const MIN_RUN = 3;

/**
 * How the business minutes between two instants fall on the calendar's local days, with the
 * closed working days between them named: what a person needs to check a deadline by hand.
 * Undefined when the span is too long to list.
 */
export function dayBreakdown(
  start: number,
  end: number,
  calendar: BusinessCalendar,
): BreakdownItem[] | undefined {
  const definition = calendar.definition;
  const zone = definition.timeZone;
  const first = localDayOf(start, zone);
  const last = localDayOf(end, zone);
  if (last - first > MAX_DAYS) return undefined;
  const working = isAlwaysOpen(definition) ? null : new Set(definition.workingDays);
  const items: BreakdownItem[] = [];
  for (let day = first; day <= last; day++) {
    const from = Math.max(start, startOfLocalDay(day, zone));
    const to = Math.min(end, startOfLocalDay(day + 1, zone));
    const minutes = from < to ? businessMinutesBetween(from, to, calendar) : 0;
    if (minutes > 0) {
      items.push({ kind: 'minutes', day, minutes });
    } else if (working?.has(isoWeekday(day)) && from < to) {
      const holiday = calendar.holidays
        ?.holidaysInYear(civilOf(day).year)
        .find((candidate) => candidate.date === day);
      if (holiday) items.push({ kind: 'closed', day, name: holiday.name });
    }
  }
  return compressRuns(items);
}

function compressRuns(items: BreakdownItem[]): BreakdownItem[] {
  const out: BreakdownItem[] = [];
  let index = 0;
  while (index < items.length) {
    const item = items[index] as BreakdownItem;
    let end = index;
    if (item.kind === 'minutes') {
      while (end + 1 < items.length) {
        const next = items[end + 1] as BreakdownItem;
        if (next.kind !== 'minutes' || next.minutes !== item.minutes) break;
        end++;
      }
    }
    if (item.kind === 'minutes' && end - index + 1 >= MIN_RUN) {
      const lastItem = items[end] as Extract<BreakdownItem, { kind: 'minutes' }>;
      out.push({
        kind: 'run',
        from: item.day,
        to: lastItem.day,
        days: end - index + 1,
        minutes: item.minutes,
      });
      index = end + 1;
    } else {
      out.push(item);
      index++;
    }
  }
  return out;
}
