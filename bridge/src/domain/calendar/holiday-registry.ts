import { parseIsoDate } from '../../iso/day-number.js';
import type { BuiltInHolidaySet } from './calendar-definition.js';
import { englandAndWalesHolidays, type HolidayOverrides } from './england-wales-holidays.js';
import { type HolidaySet, listHolidaySet } from './holiday-set.js';

/**
 * Resolves a calendar's `holidays` value to a HolidaySet. A registry carries the admin's
 * overrides of the built-in set; calendars compiled against different registries never share
 * cached tables.
 */
export interface HolidayRegistry {
  readonly id: string;
  resolve(spec: BuiltInHolidaySet | readonly string[]): HolidaySet;
}

export function createHolidayRegistry(options: { englandAndWales?: HolidayOverrides } = {}): HolidayRegistry {
  const englandAndWales = englandAndWalesHolidays(options.englandAndWales);
  const lists = new Map<string, HolidaySet>();
  return {
    id: englandAndWales.id,
    resolve(spec) {
      if (spec === 'england-and-wales') return englandAndWales;
      const key = spec.join(',');
      let set = lists.get(key);
      if (!set) {
        set = listHolidaySet(spec.map((text) => parseIsoDate(text) as number));
        lists.set(key, set);
      }
      return set;
    },
  };
}

let defaultRegistry: HolidayRegistry | undefined;

/** The built-in sets with no overrides. */
export function builtInHolidays(): HolidayRegistry {
  defaultRegistry ??= createHolidayRegistry();
  return defaultRegistry;
}
