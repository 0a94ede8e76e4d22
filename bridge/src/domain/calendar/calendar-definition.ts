import { IANAZone } from 'luxon';
import { z } from 'zod';
import { BridgeError } from '../../errors/bridge-error.js';
import { formatIssues } from '../../errors/zod-issues.js';
import { parseIsoDate } from '../../iso/day-number.js';

/**
 * A calendar is data: the same object the calendar CLI, the policy file and the SLA domain use.
 *   { "timeZone": "Europe/London", "workingDays": [1,2,3,4,5],
 *     "hours": [["09:00","17:30"]], "holidays": "england-and-wales" }
 *   { "timeZone": "Europe/London", "alwaysOpen": true }
 */
export const BUILT_IN_HOLIDAY_SETS = ['england-and-wales'] as const;
export type BuiltInHolidaySet = (typeof BUILT_IN_HOLIDAY_SETS)[number];

const WALL_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

const timeZone = z
  .string({ error: 'must be an IANA time zone name such as "Europe/London"' })
  .refine((name) => IANAZone.isValidZone(name), {
    error: (issue) =>
      `unknown time zone ${JSON.stringify(issue.input)} (use an IANA name such as "Europe/London")`,
  });

const wallTime = z.string({ error: 'must be a time "HH:MM"' }).refine((text) => WALL_TIME.test(text), {
  error: (issue) => `${JSON.stringify(issue.input)} is not a time of day (HH:MM from 00:00 to 24:00)`,
});

const isoDate = z
  .string({ error: 'must be a date "YYYY-MM-DD"' })
  .refine((text) => parseIsoDate(text) !== undefined, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a real date (YYYY-MM-DD)`,
  });

export const alwaysOpenCalendar = z.strictObject({
  timeZone,
  alwaysOpen: z.literal(true),
});

export const businessHoursCalendar = z
  .strictObject({
    timeZone,
    alwaysOpen: z.literal(false).optional(),
    workingDays: z
      .array(
        z
          .int()
          .min(1, 'ISO weekdays run 1 (Monday) to 7 (Sunday)')
          .max(7, 'ISO weekdays run 1 (Monday) to 7 (Sunday)'),
      )
      .min(1, 'needs at least one working day')
      .default([1, 2, 3, 4, 5]),
    hours: z.array(z.tuple([wallTime, wallTime])).min(1, 'needs at least one opening interval'),
    holidays: z.union([z.enum(BUILT_IN_HOLIDAY_SETS), z.array(isoDate)], {
      error: `must be "england-and-wales" or a complete list of "YYYY-MM-DD" dates`,
    }),
  })
  .superRefine((calendar, ctx) => {
    const minutes = calendar.hours.map(([open, close]) => [wallMinutes(open), wallMinutes(close)] as const);
    minutes.forEach(([open, close], index) => {
      if (open === 1440) {
        ctx.addIssue({
          code: 'custom',
          path: ['hours', index, 0],
          message: '24:00 can only close an interval',
        });
      } else if (close <= open) {
        ctx.addIssue({
          code: 'custom',
          path: ['hours', index],
          message: `opens at ${calendar.hours[index]?.[0]} but closes at ${calendar.hours[index]?.[1]}; an interval must close after it opens (split overnight hours into two intervals)`,
        });
      }
    });
    const order = minutes.map((pair, index) => ({ pair, index })).sort((a, b) => a.pair[0] - b.pair[0]);
    for (let k = 1; k < order.length; k++) {
      const before = order[k - 1];
      const after = order[k];
      if (before && after && after.pair[0] < before.pair[1]) {
        ctx.addIssue({
          code: 'custom',
          path: ['hours', after.index],
          message: `overlaps hours[${before.index}]`,
        });
      }
    }
  });

export type AlwaysOpenCalendar = z.infer<typeof alwaysOpenCalendar>;
export type BusinessHoursCalendar = z.infer<typeof businessHoursCalendar>;
export type CalendarDefinition = AlwaysOpenCalendar | BusinessHoursCalendar;
/** What a person writes (workingDays may be left out). */
export type CalendarInput = z.input<typeof alwaysOpenCalendar> | z.input<typeof businessHoursCalendar>;

/** The zod schema, for embedding in the policy schema. */
export const calendarSchema = z.custom<unknown>().transform((value, ctx): CalendarDefinition => {
  const schema = isAlwaysOpenInput(value) ? alwaysOpenCalendar : businessHoursCalendar;
  const result = schema.safeParse(value);
  if (result.success) return canonicalCalendar(result.data);
  for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message });
  return z.NEVER;
});

function isAlwaysOpenInput(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { alwaysOpen?: unknown }).alwaysOpen === true
  );
}

export function wallMinutes(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** Sorted, de-duplicated form: two calendars that mean the same thing compare equal. */
export function canonicalCalendar(calendar: CalendarDefinition): CalendarDefinition {
  if ('alwaysOpen' in calendar && calendar.alwaysOpen === true) {
    return { timeZone: calendar.timeZone, alwaysOpen: true };
  }
  const hoursCalendar = calendar as BusinessHoursCalendar;
  return {
    timeZone: hoursCalendar.timeZone,
    workingDays: [...new Set(hoursCalendar.workingDays)].sort((a, b) => a - b),
    hours: [...hoursCalendar.hours].sort((a, b) => wallMinutes(a[0]) - wallMinutes(b[0])),
    holidays: Array.isArray(hoursCalendar.holidays)
      ? [...new Set(hoursCalendar.holidays)].sort()
      : hoursCalendar.holidays,
  };
}

export function isAlwaysOpen(calendar: CalendarDefinition): calendar is AlwaysOpenCalendar {
  return 'alwaysOpen' in calendar && calendar.alwaysOpen === true;
}

/** Parses and validates a calendar; every mistake is named by its path in one error. */
export function parseCalendar(value: unknown, where = 'calendar'): CalendarDefinition {
  const result = calendarSchema.safeParse(value);
  if (result.success) return result.data;
  throw new BridgeError('calendar_invalid', `invalid calendar: ${formatIssues(result.error.issues, where)}`, {
    details: { issues: result.error.issues.map((issue) => ({ path: issue.path, message: issue.message })) },
  });
}

export function canonicalKey(calendar: CalendarDefinition): string {
  return JSON.stringify(canonicalCalendar(calendar));
}
