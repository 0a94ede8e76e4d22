import { z } from 'zod';
import { parseIsoDate } from '../../iso/day-number.js';
import { type CalendarDefinition, calendarSchema } from '../calendar/index.js';
import { SEVERITIES } from '../severity/severity.js';

/**
 * The support policy file: named calendars, plans, and the settings left to each installation
 * (docs/sla-rules.md#the-policy-file). Its shape is part of the product's interface (`policy show --json` prints
 * it, `schemas/policy.schema.json` describes it), so fields are only ever added with defaults.
 * Everything a person reads back (labels, names) must survive SuiteCRM's HTML encoding
 * unchanged, hence the character rules below.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Time categories that may count against a plan; development and migration never do (the seed). */
export const COUNTABLE_CATEGORIES = ['support', 'consulting'] as const;
export const NEVER_COUNTED_CATEGORIES = ['development', 'migration'] as const;
export const TIME_CATEGORIES = [...COUNTABLE_CATEGORIES, ...NEVER_COUNTED_CATEGORIES] as const;
export type TimeCategory = (typeof TIME_CATEGORIES)[number];

/** Dropdown keys SuiteCRM's Account plan list already uses: blank (no contract) and free support. */
const RESERVED_PLAN_IDS = new Set(['', 'free']);
const UNSAFE_CHARACTERS = /[&<>"']/;

export const DEFAULT_CALENDARS: Record<string, CalendarDefinition> = {
  'london-business-hours': {
    timeZone: 'Europe/London',
    workingDays: [1, 2, 3, 4, 5],
    hours: [['09:00', '17:30']],
    holidays: 'england-and-wales',
  },
  'london-24x7': { timeZone: 'Europe/London', alwaysOpen: true },
};
export const DEFAULT_ALWAYS_OPEN_CALENDAR = 'london-24x7';
export const DEFAULT_AT_RISK_SHARE = 0.75;

const safeText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`)
    .refine((text) => !UNSAFE_CHARACTERS.test(text), {
      error: `${what} must not contain & < > " or ' (SuiteCRM would store them HTML-encoded)`,
    });

const calendarName = z
  .string({ error: 'a calendar name must be text' })
  .regex(
    /^[a-z0-9][a-z0-9_.-]{0,63}$/,
    'a calendar name uses lower-case letters, digits, "-", "_" and "." (at most 64)',
  );

const share = (what: string) =>
  z
    .number({ error: `${what} must be a number between 0 and 1, such as 0.75` })
    .gt(0, `${what} must be more than 0`)
    .lt(1, `${what} must be less than 1`);

const minutes = z
  .int({ error: 'must be a whole number of business minutes' })
  .min(1, 'must be at least 1 business minute')
  .max(10_000_000, 'must be at most 10,000,000 business minutes');

/** One target per severity 1-4, in business minutes of the plan's calendar. */
const severityMinutes = z.strictObject(
  { '1': minutes, '2': minutes, '3': minutes, '4': minutes },
  { error: 'must give business minutes for each severity: { "1": n, "2": n, "3": n, "4": n }' },
);

const planId = z
  .string({ error: 'a plan id must be text' })
  .regex(
    /^[a-z][a-z0-9_]{0,49}$/,
    'a plan id is a dropdown key: lower-case letter first, then letters, digits or "_" (at most 50)',
  )
  .refine((id) => !RESERVED_PLAN_IDS.has(id), {
    error: (issue) =>
      `plan id ${JSON.stringify(issue.input)} is reserved (blank = no contract, free = free support)`,
  });

const reservedHours = z
  .number({ error: 'reservedHours must be a number of hours' })
  .positive('reservedHours must be more than 0')
  .max(99_999_999.99, 'reservedHours must fit SuiteCRM decimal(10,2)')
  .refine((hours) => Math.abs(Math.round(hours * 100) - hours * 100) < 1e-6, {
    error: 'reservedHours has at most 2 decimals (SuiteCRM stores hundredths)',
  });

export const planSchema = z.strictObject({
  id: planId.describe('The Account plan dropdown key (sla_plan_c).'),
  label: safeText('label', 100).describe('The plan name people see.'),
  calendar: calendarName.describe('The named calendar the plan clocks run on.'),
  reservedHours: reservedHours.describe(
    'Support hours reserved per 12-month term (an account may override).',
  ),
  severity1AlwaysOpen: z
    .boolean({ error: 'severity1AlwaysOpen must be true or false' })
    .default(false)
    .describe('24/7 phone cover: Severity 1 clocks run on the alwaysOpenCalendar (an account may override).'),
  responseMinutes: severityMinutes.describe('Response target per severity, in business minutes.'),
  resolutionMinutes: severityMinutes
    .optional()
    .describe('Resolution target per severity, in business minutes; leave out for no resolution clock.'),
  atRiskShare: share('atRiskShare')
    .default(DEFAULT_AT_RISK_SHARE)
    .describe('Share of a target after which the case is at risk.'),
});

const suiteCrmId = z
  .string({ error: 'a SuiteCRM user id must be text' })
  .regex(/^[A-Za-z0-9_-]{1,36}$/, 'a SuiteCRM user id has 1-36 letters, digits, "-" or "_"');

const isoDate = z
  .string({ error: 'must be a date "YYYY-MM-DD"' })
  .refine((text) => parseIsoDate(text) !== undefined, {
    error: (issue) => `${JSON.stringify(issue.input)} is not a real date (YYYY-MM-DD)`,
  });

const holidayOverrides = z.strictObject({
  add: z
    .array(z.strictObject({ date: isoDate, name: safeText('a holiday name', 100).optional() }))
    .default([]),
  remove: z.array(isoDate).default([]),
});

const priorityKey = z
  .string({ error: 'a priority must be a SuiteCRM priority key such as "P1"' })
  .regex(/^[A-Za-z0-9_ -]{1,100}$/, 'a priority must be a SuiteCRM priority key such as "P1"');

const prioritySchema = z.strictObject({
  followsSeverity: z.boolean({ error: 'followsSeverity must be true or false' }).default(false),
  map: z
    .strictObject(
      { '1': priorityKey, '2': priorityKey, '3': priorityKey, '4': priorityKey },
      { error: 'map must give a priority key for each severity: { "1": "P1", ... }' },
    )
    .default({ '1': 'P1', '2': 'P2', '3': 'P3', '4': 'P3' }),
});

const countedCategory = z.enum(COUNTABLE_CATEGORIES, {
  error: (issue) =>
    (NEVER_COUNTED_CATEGORIES as readonly unknown[]).includes(issue.input)
      ? `${JSON.stringify(issue.input)} never counts against a plan (development and migration are out of scope)`
      : `unknown time category ${JSON.stringify(issue.input)} (use ${COUNTABLE_CATEGORIES.join(' or ')})`,
});

export const policySchema = z
  .strictObject({
    $schema: z.string().optional().describe('Editors may point this at policy.schema.json; it is ignored.'),
    language: z
      .enum(LANGUAGES, { error: 'language must be "en" or "es"' })
      .default('en')
      .describe('Language of the explanations and severity notes the bridge writes.'),
    calendars: z
      .record(calendarName, calendarSchema, { error: 'calendars must be an object of named calendars' })
      .default(DEFAULT_CALENDARS)
      .describe('Named calendars (business hours or 24/7); a list given here is complete.'),
    alwaysOpenCalendar: calendarName
      .default(DEFAULT_ALWAYS_OPEN_CALENDAR)
      .describe('The 24/7 calendar Severity 1 runs on for accounts with 24/7 phone cover.'),
    // Optional with no default: a policy written without it keeps its version (the hash of the
    // effective policy), so cases pinned to it stay pinned.
    calendarLabels: z
      .record(calendarName, safeText('a calendar label', 100), {
        error: 'calendarLabels must be an object of calendar names and labels',
      })
      .optional()
      .describe(
        'The calendar names the explanations show, in the policy language, e.g. { "london-business-hours": "London business hours" }; the shipped calendars have defaults.',
      ),
    plans: z
      .array(planSchema, { error: 'plans must be a list of plans' })
      .min(1, 'needs at least one plan')
      .describe('The dedicated support plans; their ids are the Account plan dropdown keys.'),
    priority: prioritySchema
      .default({ followsSeverity: false, map: { '1': 'P1', '2': 'P2', '3': 'P3', '4': 'P3' } })
      .describe("Whether SuiteCRM's own priority field follows the effective severity, and how."),
    integrationUsers: z
      .array(suiteCrmId)
      .default([])
      .describe('SuiteCRM user ids (a portal, an email gateway) whose saves never acknowledge a case.'),
    countedCategories: z
      .array(countedCategory)
      .min(1, 'at least one category must count against the plan')
      .default(['support', 'consulting'])
      .describe('Time categories that consume reserved hours (development and migration never do).'),
    renewalNoticeDays: z
      .array(z.int('notice days are whole days').min(1, 'at least 1 day').max(365, 'at most 365 days'))
      .min(1, 'give at least one notice (days before the term ends)')
      .default([60, 30, 7])
      .describe(
        'Days before a term ends on which a renewal is due (the longest starts the renewal-due state).',
      ),
    hourWarningShares: z
      .array(share('a warning share'))
      .min(1, 'give one or two shares: warning, then critical')
      .max(2, 'give one or two shares: warning, then critical')
      .default([0.75, 0.9])
      .describe('Shares of the reserved hours at which hours turn to warning, then critical.'),
    paymentRequired: z
      .boolean({ error: 'paymentRequired must be true or false' })
      .default(false)
      .describe(
        'Whether a term must be paid (paid-through on or after its last day) before cases are covered.',
      ),
    holidayOverrides: holidayOverrides
      .default({ add: [], remove: [] })
      .describe('Extra closed days (add) and bank holidays worked (remove) for the england-and-wales set.'),
  })
  // Cross-field rules run even when some fields are wrong, so one pass names every mistake;
  // they read the partly parsed value defensively.
  .superRefine((policy, ctx) => crossFieldIssues(policy as unknown, ctx), {
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  .transform(({ $schema: _editorHint, ...policy }) => ({
    ...policy,
    // Set-like lists in one order, so the same policy always has the same version.
    integrationUsers: [...new Set(policy.integrationUsers)].sort(),
    countedCategories: COUNTABLE_CATEGORIES.filter((category) => policy.countedCategories.includes(category)),
    renewalNoticeDays: [...policy.renewalNoticeDays].sort((a, b) => b - a),
    holidayOverrides: {
      add: [...policy.holidayOverrides.add].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
      remove: [...new Set(policy.holidayOverrides.remove)].sort(),
    },
  }));

/** What a person writes. */
export type PolicyInput = z.input<typeof policySchema>;
/** The effective policy: every default filled in. */
export type Policy = z.output<typeof policySchema>;
export type PlanDefinition = z.output<typeof planSchema>;
export type SeverityTargets = PlanDefinition['responseMinutes'];

type IssueSink = { addIssue(issue: { code: 'custom'; path: PropertyKey[]; message: string }): void };

const isTarget = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 1;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function crossFieldIssues(value: unknown, ctx: IssueSink): void {
  if (!isRecord(value)) return;
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const calendars = isRecord(value.calendars) ? value.calendars : DEFAULT_CALENDARS;
  const calendarNames = Object.keys(calendars);
  const plans = Array.isArray(value.plans) ? value.plans : [];
  const firstIndex = new Map<string, number>();
  plans.forEach((plan: unknown, index) => {
    if (!isRecord(plan)) return;
    if (typeof plan.id === 'string') {
      const earlier = firstIndex.get(plan.id);
      if (earlier === undefined) firstIndex.set(plan.id, index);
      else issue(['plans', index, 'id'], `duplicate plan id "${plan.id}" (also plans[${earlier}])`);
    }
    if (typeof plan.calendar === 'string' && !(plan.calendar in calendars)) {
      issue(
        ['plans', index, 'calendar'],
        `unknown calendar "${plan.calendar}" (defined: ${calendarNames.join(', ') || 'none'})`,
      );
    }
    const response = plan.responseMinutes;
    const resolution = plan.resolutionMinutes;
    if (isRecord(response) && isRecord(resolution)) {
      for (const severity of SEVERITIES) {
        const responseTarget = response[severity];
        const resolutionTarget = resolution[severity];
        // Only between valid targets: a target below 1 minute is already a mistake of its own.
        if (isTarget(responseTarget) && isTarget(resolutionTarget) && resolutionTarget < responseTarget) {
          issue(
            ['plans', index, 'resolutionMinutes', severity],
            `the resolution target (${resolutionTarget}) is shorter than the response target (${responseTarget})`,
          );
        }
      }
    }
  });
  if (isRecord(value.calendarLabels)) {
    for (const name of Object.keys(value.calendarLabels)) {
      if (!(name in calendars)) {
        issue(
          ['calendarLabels', name],
          `unknown calendar "${name}" (defined: ${calendarNames.join(', ') || 'none'})`,
        );
      }
    }
  }
  const alwaysOpenName =
    typeof value.alwaysOpenCalendar === 'string' ? value.alwaysOpenCalendar : DEFAULT_ALWAYS_OPEN_CALENDAR;
  const alwaysOpen = calendars[alwaysOpenName];
  if (alwaysOpen === undefined) {
    issue(
      ['alwaysOpenCalendar'],
      `unknown calendar "${alwaysOpenName}": 24/7 cover needs a calendar with "alwaysOpen": true (defined: ${calendarNames.join(', ') || 'none'})`,
    );
  } else if (isRecord(alwaysOpen) && alwaysOpen.alwaysOpen !== true) {
    issue(['alwaysOpenCalendar'], `calendar "${alwaysOpenName}" is not a 24/7 calendar ("alwaysOpen": true)`);
  }
  duplicates(value.renewalNoticeDays, (index, item) =>
    issue(['renewalNoticeDays', index], `${String(item)} days is listed twice`),
  );
  duplicates(value.countedCategories, (index, item) =>
    issue(['countedCategories', index], `"${String(item)}" is listed twice`),
  );
  if (Array.isArray(value.hourWarningShares)) {
    value.hourWarningShares.forEach((share: unknown, index) => {
      const before: unknown = (value.hourWarningShares as unknown[])[index - 1];
      if (typeof share === 'number' && typeof before === 'number' && share <= before) {
        issue(
          ['hourWarningShares', index],
          `the critical share (${share}) must be larger than the warning share (${before})`,
        );
      }
    });
  }
  const overrides = isRecord(value.holidayOverrides) ? value.holidayOverrides : {};
  const removed = new Set(Array.isArray(overrides.remove) ? overrides.remove : []);
  if (Array.isArray(overrides.add)) {
    overrides.add.forEach((entry: unknown, index) => {
      if (isRecord(entry) && removed.has(entry.date)) {
        issue(['holidayOverrides', 'add', index, 'date'], `${String(entry.date)} is both added and removed`);
      }
    });
  }
}

function duplicates(list: unknown, report: (index: number, item: unknown) => void): void {
  if (!Array.isArray(list)) return;
  const seen = new Set<unknown>();
  list.forEach((item: unknown, index) => {
    if (seen.has(item)) report(index, item);
    seen.add(item);
  });
}
