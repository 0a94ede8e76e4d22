import { formatIsoDate, isoWeekday } from '../../iso/day-number.js';
import type { BusinessCalendar } from './business-calendar.js';
import { isAlwaysOpen } from './calendar-definition.js';
import type { HolidaySource } from './holiday-set.js';

export interface NonWorkingDay {
  date: string; // YYYY-MM-DD, local to the calendar
  weekday: number; // ISO, 1 = Monday
  name: string;
  source: HolidaySource;
}

/** The holidays of a local year that fall on one of the calendar's working days. */
export function nonWorkingDays(year: number, calendar: BusinessCalendar): NonWorkingDay[] {
  const definition = calendar.definition;
  if (isAlwaysOpen(definition) || !calendar.holidays) return [];
  const working = new Set(definition.workingDays);
  return calendar.holidays
    .holidaysInYear(year)
    .filter((holiday) => working.has(isoWeekday(holiday.date)))
    .map((holiday) => ({
      date: formatIsoDate(holiday.date),
      weekday: isoWeekday(holiday.date),
      name: holiday.name,
      source: holiday.source,
    }));
}
