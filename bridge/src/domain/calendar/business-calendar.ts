import { BridgeError } from '../../errors/bridge-error.js';
import { MINUTES_PER_DAY } from '../../iso/day-number.js';
import type { CalendarDefinition } from './calendar-definition.js';
import { canonicalKey, isAlwaysOpen } from './calendar-definition.js';
import type { HolidayRegistry } from './holiday-registry.js';
import type { HolidaySet } from './holiday-set.js';
import { buildYearTable, type YearTable, yearStartMinute } from './year-table.js';

const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;
const MAX_EMPTY_YEARS = 10; // a calendar with no business minute in 10 years has none at all

const YEAR_STARTS: Float64Array = (() => {
  const starts = new Float64Array(LAST_YEAR - FIRST_YEAR + 2);
  for (let y = FIRST_YEAR; y <= LAST_YEAR + 1; y++) starts[y - FIRST_YEAR] = yearStartMinute(y);
  return starts;
})();

/** The UTC year holding an epoch minute, from a table (no Date objects on the hot path). */
export function utcYearOfMinute(minute: number): number {
  let year = 1970 + Math.floor(minute / 525_949);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new BridgeError('input_invalid', `instant out of the supported range (${FIRST_YEAR}-${LAST_YEAR})`);
  }
  while (year > FIRST_YEAR && minute < (YEAR_STARTS[year - FIRST_YEAR] as number)) year--;
  while (year < LAST_YEAR && minute >= (YEAR_STARTS[year - FIRST_YEAR + 1] as number)) year++;
  return year;
}

/**
 * A compiled calendar: year tables built lazily, on first use of each UTC year. All methods
 * work on whole epoch minutes; `business-time.ts` is the public API in instants.
 */
export class BusinessCalendar {
  readonly definition: CalendarDefinition;
  readonly key: string;
  readonly holidays: HolidaySet | undefined;
  private readonly years: Array<YearTable | undefined> = [];

  constructor(definition: CalendarDefinition, registry: HolidayRegistry) {
    this.definition = definition;
    this.key = canonicalKey(definition);
    this.holidays = isAlwaysOpen(definition) ? undefined : registry.resolve(definition.holidays);
  }

  table(year: number): YearTable {
    const index = year - FIRST_YEAR;
    let table = this.years[index];
    if (!table) {
      if (year < FIRST_YEAR || year > LAST_YEAR) {
        throw new BridgeError(
          'input_invalid',
          `instant out of the supported range (${FIRST_YEAR}-${LAST_YEAR})`,
        );
      }
      table = buildYearTable(this.definition, this.holidays, year);
      this.years[index] = table;
    }
    return table;
  }

  /** Business minutes in [table.base, minute), minute inside the table's year. */
  private cumulative(table: YearTable, minute: number): number {
    const rel = minute - table.base;
    const { ends, starts, count } = table;
    let i = table.dayFirst[(rel / MINUTES_PER_DAY) | 0] as number;
    while (i < count && (ends[i] as number) <= rel) i++;
    const start = starts[i] as number;
    if (i < count && start < rel) return (table.prefix[i] as number) + rel - start;
    return table.prefix[i] as number;
  }

  /** The earliest minute T >= start with minutesBetween(start, T) == n (docs/business-time.md rule 2.1). */
  addMinutes(start: number, n: number): number {
    if (n === 0) return start;
    let year = utcYearOfMinute(start);
    let table = this.table(year);
    let target = this.cumulative(table, start) + n;
    let emptyYears = 0;
    while (target > table.total) {
      target -= table.total;
      emptyYears = table.total === 0 ? emptyYears + 1 : 0;
      if (emptyYears >= MAX_EMPTY_YEARS) {
        throw new BridgeError(
          'calendar_invalid',
          `calendar has no business time in ${MAX_EMPTY_YEARS} years after ${year - MAX_EMPTY_YEARS}`,
        );
      }
      table = this.table(++year);
    }
    // The first interval whose cumulative end reaches the target.
    const prefix = table.prefix;
    let lo = 0;
    let hi = table.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((prefix[mid + 1] as number) >= target) hi = mid;
      else lo = mid + 1;
    }
    return table.base + (table.starts[lo] as number) + target - (prefix[lo] as number);
  }

  /** Business minutes in [from, to); negative when to < from. */
  minutesBetween(from: number, to: number): number {
    if (to < from) return 0 - this.minutesBetween(to, from); // 0 - x: never -0
    if (to === from) return 0;
    const fromYear = utcYearOfMinute(from);
    const toYear = utcYearOfMinute(to);
    const first = this.table(fromYear);
    if (fromYear === toYear) return this.cumulative(first, to) - this.cumulative(first, from);
    let total = first.total - this.cumulative(first, from);
    for (let year = fromYear + 1; year < toYear; year++) total += this.table(year).total;
    return total + this.cumulative(this.table(toYear), to);
  }

  isBusinessMinute(minute: number): boolean {
    const table = this.table(utcYearOfMinute(minute));
    const rel = minute - table.base;
    let i = table.dayFirst[(rel / MINUTES_PER_DAY) | 0] as number;
    while (i < table.count && (table.ends[i] as number) <= rel) i++;
    return i < table.count && (table.starts[i] as number) <= rel;
  }

  /** The first business minute at or after `minute`. */
  nextBusinessMinute(minute: number): number {
    let year = utcYearOfMinute(minute);
    let table = this.table(year);
    let rel = minute - table.base;
    for (let scanned = 0; scanned <= MAX_EMPTY_YEARS; scanned++) {
      let i = table.dayFirst[Math.min((rel / MINUTES_PER_DAY) | 0, table.dayFirst.length - 1)] as number;
      while (i < table.count && (table.ends[i] as number) <= rel) i++;
      if (i < table.count) return table.base + Math.max(rel, table.starts[i] as number);
      table = this.table(++year);
      rel = 0;
    }
    throw new BridgeError(
      'calendar_invalid',
      `calendar has no business time in ${MAX_EMPTY_YEARS} years after ${minute}`,
    );
  }
}
