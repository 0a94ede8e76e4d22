import { describe, expect, it } from 'vitest';
import { canonicalKey, parseCalendar } from '../../../bridge/src/domain/calendar/index.js';
import { BridgeError } from '../../../bridge/src/errors/bridge-error.js';

function rejection(value: unknown): BridgeError {
  try {
    parseCalendar(value);
  } catch (error) {
    if (error instanceof BridgeError) return error;
    throw error;
  }
  throw new Error('calendar was accepted');
}

const base = {
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  hours: [['09:00', '17:30']],
  holidays: 'england-and-wales',
};

describe('calendar validation names the field of every mistake', () => {
  it.each([
    [
      'unknown zone',
      { ...base, timeZone: 'Europe/Atlantis' },
      'calendar.timeZone: unknown time zone "Europe/Atlantis"',
    ],
    ['25:00', { ...base, hours: [['09:00', '25:00']] }, 'calendar.hours[0][1]: "25:00" is not a time of day'],
    [
      '9:00 without a leading zero',
      { ...base, hours: [['9:00', '17:30']] },
      'calendar.hours[0][0]: "9:00" is not a time of day',
    ],
    [
      '24:00 as an opening',
      { ...base, hours: [['24:00', '24:00']] },
      'calendar.hours[0][0]: 24:00 can only close an interval',
    ],
    [
      'reversed interval',
      { ...base, hours: [['17:30', '09:00']] },
      'calendar.hours[0]: opens at 17:30 but closes at 09:00',
    ],
    [
      'empty interval',
      { ...base, hours: [['09:00', '09:00']] },
      'calendar.hours[0]: opens at 09:00 but closes at 09:00',
    ],
    [
      'overlapping intervals',
      {
        ...base,
        hours: [
          ['13:00', '17:30'],
          ['09:00', '13:30'],
        ],
      },
      'calendar.hours[0]: overlaps hours[1]',
    ],
    [
      'weekday 8',
      { ...base, workingDays: [1, 8] },
      'calendar.workingDays[1]: ISO weekdays run 1 (Monday) to 7 (Sunday)',
    ],
    ['no working days', { ...base, workingDays: [] }, 'calendar.workingDays: needs at least one working day'],
    ['no hours', { ...base, hours: [] }, 'calendar.hours: needs at least one opening interval'],
    [
      'bad holiday date',
      { ...base, holidays: ['2023-02-29'] },
      'calendar.holidays[0]: "2023-02-29" is not a real date',
    ],
    [
      'unknown holiday set',
      { ...base, holidays: 'scotland' },
      'calendar.holidays: must be "england-and-wales"',
    ],
    ['unknown key', { ...base, openOnSundays: true }, 'calendar: Unrecognized key: "openOnSundays"'],
    [
      'alwaysOpen with hours',
      { timeZone: 'UTC', alwaysOpen: true, hours: [] },
      'calendar: Unrecognized key: "hours"',
    ],
    ['missing zone', { hours: [['09:00', '17:30']], holidays: [] }, 'calendar.timeZone:'],
  ])('%s', (_name, value, message) => {
    const error = rejection(value);
    expect(error.code).toBe('calendar_invalid');
    expect(error.message).toContain(message);
  });

  it('reports every mistake at once', () => {
    const error = rejection({
      timeZone: 'Nowhere/City',
      workingDays: [0],
      hours: [['25:00', '26:00']],
      holidays: ['x'],
    });
    for (const path of [
      'calendar.timeZone',
      'calendar.workingDays[0]',
      'calendar.hours[0][0]',
      'calendar.hours[0][1]',
      'calendar.holidays[0]',
    ]) {
      expect(error.message).toContain(path);
    }
  });

  it('accepts touching intervals, 24:00 closes and the 24/7 form', () => {
    expect(() =>
      parseCalendar({
        ...base,
        hours: [
          ['00:00', '12:00'],
          ['12:00', '24:00'],
        ],
      }),
    ).not.toThrow();
    expect(parseCalendar({ timeZone: 'America/New_York', alwaysOpen: true })).toEqual({
      timeZone: 'America/New_York',
      alwaysOpen: true,
    });
  });

  it('defaults working days to Monday-Friday', () => {
    const { workingDays: _omitted, ...withoutDays } = base;
    expect(parseCalendar(withoutDays)).toMatchObject({ workingDays: [1, 2, 3, 4, 5] });
  });

  it('gives equal calendars written differently the same canonical key', () => {
    const a = parseCalendar({
      ...base,
      workingDays: [5, 4, 3, 2, 1],
      hours: [
        ['13:30', '17:30'],
        ['09:00', '12:30'],
      ],
      holidays: ['2024-01-02', '2024-01-01'],
    });
    const b = parseCalendar({
      holidays: ['2024-01-01', '2024-01-02', '2024-01-01'],
      hours: [
        ['09:00', '12:30'],
        ['13:30', '17:30'],
      ],
      timeZone: 'Europe/London',
      workingDays: [1, 2, 3, 4, 5],
    });
    expect(canonicalKey(a)).toBe(canonicalKey(b));
  });
});
