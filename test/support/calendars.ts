import type { CalendarInput } from '../../bridge/src/domain/calendar/index.js';

export const LONDON: CalendarInput = {
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  hours: [['09:00', '17:30']],
  holidays: 'england-and-wales',
};

export const LONDON_LUNCH: CalendarInput = {
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  hours: [
    ['09:00', '12:30'],
    ['13:30', '17:30'],
  ],
  holidays: 'england-and-wales',
};

export const NEW_YORK: CalendarInput = {
  timeZone: 'America/New_York',
  workingDays: [1, 2, 3, 4, 5],
  hours: [['09:00', '17:30']],
  holidays: [],
};

export const LONDON_24_7: CalendarInput = { timeZone: 'Europe/London', alwaysOpen: true };

export const NIGHTS_00_04: CalendarInput = {
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  hours: [['00:00', '04:00']],
  holidays: [],
};
