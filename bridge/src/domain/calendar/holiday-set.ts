import type { DayNumber } from '../../iso/day-number.js';

/** Where a closed day comes from, so people can see which days are official and which are inferred. */
export type HolidaySource = 'official' | 'projected' | 'rules' | 'override' | 'list';

export interface Holiday {
  date: DayNumber;
  name: string;
  source: HolidaySource;
}

/**
 * A set of whole local dates on which a business-hours calendar is closed. `holidaysInYear`
 * throws `holidays_unknown_year` for a year the set cannot vouch for: an unknown year is never
 * silently holiday-free.
 */
export interface HolidaySet {
  /** Identifies the set's content in cache keys and policy hashes. */
  readonly id: string;
  holidaysInYear(year: number): readonly Holiday[];
}

/** An explicit list is complete: it has no validity range (docs/business-time.md rule 1.5). */
export function listHolidaySet(dates: readonly DayNumber[]): HolidaySet {
  const sorted = [...new Set(dates)].sort((a, b) => a - b);
  const byYear = new Map<number, Holiday[]>();
  return {
    id: `list:${sorted.join(',')}`,
    holidaysInYear(year) {
      let found = byYear.get(year);
      if (!found) {
        found = sorted
          .filter((day) => yearOf(day) === year)
          .map((date) => ({ date, name: 'Holiday', source: 'list' as const }));
        byYear.set(year, found);
      }
      return found;
    },
  };
}

function yearOf(day: DayNumber): number {
  // Cheap enough here: lists are short and looked up once a year per calendar.
  return new Date(day * 86_400_000).getUTCFullYear();
}
