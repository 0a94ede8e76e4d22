import { describe, expect, it } from 'vitest';
import {
  officialHolidays,
  ruleBasedHolidays,
} from '../../../bridge/src/domain/calendar/england-wales-holidays.js';
import {
  addBusinessMinutes,
  compileCalendar,
  createHolidayRegistry,
  nonWorkingDays,
  OFFICIAL_YEARS,
} from '../../../bridge/src/domain/calendar/index.js';
import { formatIsoDate } from '../../../bridge/src/iso/day-number.js';
import { LONDON } from '../../support/calendars.js';
import { at, iso } from '../../support/instants.js';

describe('the built-in England & Wales set', () => {
  it('covers 2015-2030 from the official list', () => {
    expect(OFFICIAL_YEARS).toEqual({ first: 2015, last: 2030 });
    expect(officialHolidays(2022)?.map((h) => formatIsoDate(h.date))).toEqual([
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ]);
  });

  it("agrees with date-holidays' GB/ENG rules on every weekday 2015-2030", () => {
    for (let year = 2015; year <= 2030; year++) {
      const official = (officialHolidays(year) ?? []).map((h) => formatIsoDate(h.date));
      const rules = ruleBasedHolidays(year).map((h) => formatIsoDate(h.date));
      expect(rules, String(year)).toEqual(official);
    }
  });

  it('drops weekend originals and non-bank days from the rules', () => {
    const names = ruleBasedHolidays(2033).map((h) => h.name);
    expect(names).not.toContain("Mother's Day");
    expect(names.some((name) => name.includes('Easter Sunday'))).toBe(false);
    // 2033-01-01 is a Saturday: only the Monday substitute is a non-working weekday.
    expect(ruleBasedHolidays(2033).map((h) => formatIsoDate(h.date))).toContain('2033-01-03');
    expect(ruleBasedHolidays(2033).map((h) => formatIsoDate(h.date))).not.toContain('2033-01-01');
  });

  it('marks years outside the official list as coming from the rules', () => {
    const days = nonWorkingDays(2035, compileCalendar(LONDON));
    expect(days.length).toBeGreaterThanOrEqual(8);
    expect(new Set(days.map((d) => d.source))).toEqual(new Set(['rules']));
  });

  it('refuses a year no source covers instead of treating it as holiday-free', () => {
    const london = compileCalendar(LONDON);
    expect(() => addBusinessMinutes(at('2150-06-01T08:00Z'), 60, london)).toThrow(
      /no England & Wales holiday data for 2150/,
    );
  });

  it('lists projected days as projected', () => {
    const days = nonWorkingDays(2029, compileCalendar(LONDON));
    expect(days.every((d) => d.source === 'projected')).toBe(true);
    expect(nonWorkingDays(2026, compileCalendar(LONDON)).every((d) => d.source === 'official')).toBe(true);
  });
});

describe('admin overrides', () => {
  const registry = createHolidayRegistry({
    englandAndWales: { add: [{ date: '2026-12-24', name: 'Christmas Eve closure' }], remove: ['2026-12-28'] },
  });
  const london = compileCalendar(LONDON, registry);

  it('closes added days and opens removed ones', () => {
    // Wed 23 Dec 17:00 + 1h: 24th closed (override), 25th Christmas, weekend, 28th now open.
    expect(iso(addBusinessMinutes(at('2026-12-23T17:00Z'), 60, london))).toBe('2026-12-28T09:30Z');
  });

  it('names the added day and drops the removed one', () => {
    const days = nonWorkingDays(2026, london);
    expect(days.find((d) => d.date === '2026-12-24')).toMatchObject({
      name: 'Christmas Eve closure',
      source: 'override',
    });
    expect(days.find((d) => d.date === '2026-12-28')).toBeUndefined();
  });

  it('never shares compiled tables with the plain built-in set', () => {
    expect(compileCalendar(LONDON)).not.toBe(london);
    expect(iso(addBusinessMinutes(at('2026-12-23T17:00Z'), 60, compileCalendar(LONDON)))).toBe(
      '2026-12-24T09:30Z',
    );
  });
});
