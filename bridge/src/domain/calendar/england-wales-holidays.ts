import { createRequire } from 'node:module';
import { BridgeError } from '../../errors/bridge-error.js';
import { civilOf, type DayNumber, formatIsoDate, isoWeekday, parseIsoDate } from '../../iso/day-number.js';
import officialList from './data/england-wales-bank-holidays.json' with { type: 'json' };
import type { Holiday, HolidaySet } from './holiday-set.js';

/**
 * The built-in England & Wales set: the official gov.uk list for the years it covers
 * (2015-2030, 2028-2030 projected), date-holidays' GB/ENG rules outside them (marked
 * `source: "rules"`), and an admin override file on top (extra closed days, removed days).
 */
export const RULES_YEARS = { first: 1971, last: 2099 } as const; // Banking and Financial Dealings Act 1971

export interface HolidayOverrides {
  add?: ReadonlyArray<{ date: string; name?: string | undefined }>;
  remove?: readonly string[];
}

interface OfficialEntry {
  date: string;
  title: string;
  status: string;
}

const OFFICIAL_FIRST = officialList.meta.years[0] as number;
const OFFICIAL_LAST = officialList.meta.years[1] as number;

const officialByYear: Map<number, Holiday[]> = (() => {
  const map = new Map<number, Holiday[]>();
  for (const entry of officialList.holidays as OfficialEntry[]) {
    const date = parseIsoDate(entry.date);
    if (date === undefined) throw new Error(`bad date in the built-in holiday list: ${entry.date}`);
    const year = Number(entry.date.slice(0, 4));
    const list = map.get(year) ?? [];
    list.push({ date, name: entry.title, source: entry.status === 'published' ? 'official' : 'projected' });
    map.set(year, list);
  }
  return map;
})();

export const OFFICIAL_YEARS = { first: OFFICIAL_FIRST, last: OFFICIAL_LAST } as const;

interface DateHolidaysLike {
  getHolidays(year: number): Array<{ date: string; name: string; type: string }>;
}

let rulesEngine: DateHolidaysLike | undefined;

/** date-holidays takes about 120 ms to load, so it is loaded only when a year outside the official list is asked for. */
function rules(): DateHolidaysLike {
  if (!rulesEngine) {
    const require = createRequire(import.meta.url);
    const Holidays = require('date-holidays') as new (country: string, state: string) => DateHolidaysLike;
    rulesEngine = new Holidays('GB', 'ENG');
  }
  return rulesEngine;
}

/** Weekday bank holidays from the GB/ENG rules: public days only (no Mother's Day), no weekend originals. */
export function ruleBasedHolidays(year: number): Holiday[] {
  const seen = new Set<DayNumber>();
  const out: Holiday[] = [];
  for (const entry of rules().getHolidays(year)) {
    if (entry.type !== 'public') continue;
    const date = parseIsoDate(entry.date.slice(0, 10));
    if (date === undefined || isoWeekday(date) > 5 || seen.has(date)) continue;
    seen.add(date);
    out.push({ date, name: entry.name, source: 'rules' });
  }
  return out.sort((a, b) => a.date - b.date);
}

export function officialHolidays(year: number): readonly Holiday[] | undefined {
  if (year < OFFICIAL_FIRST || year > OFFICIAL_LAST) return undefined;
  return officialByYear.get(year) ?? [];
}

export function englandAndWalesHolidays(overrides: HolidayOverrides = {}): HolidaySet {
  const added = new Map<DayNumber, string>();
  for (const entry of overrides.add ?? []) {
    const date = parseIsoDate(entry.date);
    if (date === undefined)
      throw new BridgeError('input_invalid', `holiday overrides: "${entry.date}" is not a date`);
    added.set(date, entry.name ?? 'Closed (override)');
  }
  const removed = new Set<DayNumber>();
  for (const text of overrides.remove ?? []) {
    const date = parseIsoDate(text);
    if (date === undefined)
      throw new BridgeError('input_invalid', `holiday overrides: "${text}" is not a date`);
    removed.add(date);
  }
  const cache = new Map<number, Holiday[]>();
  const overrideId =
    added.size + removed.size === 0
      ? ''
      : `+${[...added.keys()].sort().map(formatIsoDate).join(',')}-${[...removed].sort().map(formatIsoDate).join(',')}`;
  return {
    id: `england-and-wales${overrideId}`,
    holidaysInYear(year) {
      const hit = cache.get(year);
      if (hit) return hit;
      const base = officialHolidays(year) ?? rulesYear(year);
      const merged = new Map<DayNumber, Holiday>();
      for (const holiday of base) if (!removed.has(holiday.date)) merged.set(holiday.date, holiday);
      for (const [date, name] of added) {
        if (civilOf(date).year === year) merged.set(date, { date, name, source: 'override' });
      }
      const list = [...merged.values()].sort((a, b) => a.date - b.date);
      cache.set(year, list);
      return list;
    },
  };
}

function rulesYear(year: number): Holiday[] {
  if (year < RULES_YEARS.first || year > RULES_YEARS.last) {
    throw new BridgeError(
      'holidays_unknown_year',
      `no England & Wales holiday data for ${year}: the official list covers ${OFFICIAL_FIRST}-${OFFICIAL_LAST} and the rules ${RULES_YEARS.first}-${RULES_YEARS.last}; use an explicit holiday list for other years`,
    );
  }
  return ruleBasedHolidays(year);
}

/** Says where a year's built-in holidays come from, for the CLI and the explanation. */
export function englandAndWalesCoverage(year: number): 'official' | 'rules' | 'unknown' {
  if (year >= OFFICIAL_FIRST && year <= OFFICIAL_LAST) return 'official';
  if (year >= RULES_YEARS.first && year <= RULES_YEARS.last) return 'rules';
  return 'unknown';
}
