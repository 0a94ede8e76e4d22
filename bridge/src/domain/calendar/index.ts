// The business-time engine: calendars as data, compiled to per-year cumulative tables.

export { formatInstant, parseInstant } from '../../iso/iso-instant.js';
export { BusinessCalendar } from './business-calendar.js';
export {
  addBusinessMinutes,
  businessMinutesBetween,
  type Instant,
  isBusinessTime,
  nextBusinessTime,
  type Pause,
} from './business-time.js';
export { compileCalendar, compileDefinition } from './calendar-compiler.js';
export {
  type CalendarDefinition,
  type CalendarInput,
  calendarSchema,
  canonicalCalendar,
  canonicalKey,
  isAlwaysOpen,
  parseCalendar,
} from './calendar-definition.js';
export {
  englandAndWalesCoverage,
  type HolidayOverrides,
  OFFICIAL_YEARS,
  RULES_YEARS,
} from './england-wales-holidays.js';
export { builtInHolidays, createHolidayRegistry, type HolidayRegistry } from './holiday-registry.js';
export type { Holiday, HolidaySet, HolidaySource } from './holiday-set.js';
export { type NonWorkingDay, nonWorkingDays } from './non-working-days.js';
