import { describe, expect, it } from 'vitest';
import { isAlwaysOpen } from '../../../bridge/src/domain/calendar/index.js';
import { clockCalendar, loadPolicy } from '../../../bridge/src/domain/policy/compiled-policy.js';
import { DEFAULT_POLICY_DOCUMENT, defaultPolicy } from '../../../bridge/src/domain/policy/default-policy.js';
import { parsePolicy, policyIssues } from '../../../bridge/src/domain/policy/parse-policy.js';
import { isBridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { generate } from '../../../scripts/gen/policy-schema.gen.js';

type Doc = Record<string, unknown> & { plans: Array<Record<string, unknown>> };
const doc = (): Doc => structuredClone(DEFAULT_POLICY_DOCUMENT) as Doc;

describe('the default policy', () => {
  it('validates, with the three plans the Account dropdown is generated from', () => {
    expect(policyIssues(DEFAULT_POLICY_DOCUMENT)).toEqual([]);
    const policy = defaultPolicy();
    expect([...policy.plans.keys()]).toEqual(['essential', 'professional', 'enterprise']);
    expect(policy.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('has Severity 1 response targets of 1 to 4 business hours, and 24/7 cover on one plan', () => {
    const plans = defaultPolicy().document.plans;
    expect(plans.map((plan) => plan.responseMinutes['1'])).toEqual([240, 120, 60]);
    expect(plans.filter((plan) => plan.severity1AlwaysOpen).map((plan) => plan.id)).toEqual(['enterprise']);
  });

  it('runs Severity 1 on the 24/7 calendar only with 24/7 cover', () => {
    const policy = defaultPolicy();
    const enterprise = policy.plans.get('enterprise');
    if (!enterprise) throw new Error('no enterprise plan');
    expect(isAlwaysOpen(clockCalendar(policy, enterprise, '1', true).calendar.definition)).toBe(true);
    expect(clockCalendar(policy, enterprise, '1', false).name).toBe('london-business-hours');
    expect(clockCalendar(policy, enterprise, '2', true).name).toBe('london-business-hours');
  });

  it('fills in every default of a minimal policy', () => {
    const policy = parsePolicy({
      plans: [
        {
          id: 'basic',
          label: 'Basic',
          calendar: 'london-business-hours',
          reservedHours: 10,
          responseMinutes: { 1: 60, 2: 120, 3: 240, 4: 480 },
        },
      ],
    });
    expect(policy).toMatchObject({
      language: 'en',
      alwaysOpenCalendar: 'london-24x7',
      priority: { followsSeverity: false },
      integrationUsers: [],
      countedCategories: ['support', 'consulting'],
      renewalNoticeDays: [60, 30, 7],
      hourWarningShares: [0.75, 0.9],
      paymentRequired: false,
      holidayOverrides: { add: [], remove: [] },
    });
    expect(policy.plans[0]).toMatchObject({ severity1AlwaysOpen: false, atRiskShare: 0.75 });
    expect(Object.keys(policy.calendars)).toEqual(['london-business-hours', 'london-24x7']);
  });
});

describe('policy errors name the path of every mistake at once', () => {
  it('lists all the mistakes of one document', () => {
    const bad = doc();
    bad.language = 'fr';
    (bad.plans[0] as Record<string, unknown>).calendar = 'nowhere';
    (bad.plans[1] as Record<string, unknown>).id = 'essential';
    ((bad.plans[2] as Record<string, unknown>).responseMinutes as Record<string, unknown>)['2'] = -5;
    bad.hourWarningShares = [0.9, 0.75];
    bad.countedCategories = ['support', 'development'];
    try {
      parsePolicy(bad, 'policy.json');
      expect.unreachable();
    } catch (error) {
      expect(isBridgeError(error) && error.code).toBe('policy_invalid');
      const issues = (error as { details: { issues: Array<{ path: string; message: string }> } }).details
        .issues;
      expect(issues.map((issue) => issue.path).sort()).toEqual(
        [
          'policy.json.countedCategories[1]',
          'policy.json.hourWarningShares[1]',
          'policy.json.language',
          'policy.json.plans[0].calendar',
          'policy.json.plans[1].id',
          'policy.json.plans[2].responseMinutes.2',
        ].sort(),
      );
      expect((error as Error).message).toContain('policy.json.plans[0].calendar: unknown calendar "nowhere"');
    }
  });

  it.each<[string, (policy: Doc) => void, string, RegExp]>([
    [
      'an unknown field',
      (p) => {
        p.extra = 1;
      },
      '',
      /unrecognized key/i,
    ],
    [
      'a missing plan list',
      (p) => {
        p.plans = undefined as never;
      },
      'plans',
      /plans must be a list/,
    ],
    [
      'no plans',
      (p) => {
        p.plans = [];
      },
      'plans',
      /at least one plan/,
    ],
    [
      'a reserved plan id',
      (p) => {
        (p.plans[0] as Record<string, unknown>).id = 'free';
      },
      'plans[0].id',
      /reserved/,
    ],
    [
      'a plan id that is not a key',
      (p) => {
        (p.plans[0] as Record<string, unknown>).id = 'Gold Plan';
      },
      'plans[0].id',
      /dropdown key/,
    ],
    [
      'a label SuiteCRM would encode',
      (p) => {
        (p.plans[0] as Record<string, unknown>).label = 'Gold & Silver';
      },
      'plans[0].label',
      /must not contain/,
    ],
    [
      'a missing severity target',
      (p) => {
        (p.plans[0] as Record<string, unknown>).responseMinutes = { 1: 60, 2: 120, 3: 240 };
      },
      'plans[0].responseMinutes.4',
      /whole number/,
    ],
    [
      'fractional minutes',
      (p) => {
        (p.plans[0] as Record<string, unknown>).responseMinutes = { 1: 60.5, 2: 120, 3: 240, 4: 480 };
      },
      'plans[0].responseMinutes.1',
      /whole number/,
    ],
    [
      'an at-risk share of 1',
      (p) => {
        (p.plans[0] as Record<string, unknown>).atRiskShare = 1;
      },
      'plans[0].atRiskShare',
      /less than 1/,
    ],
    [
      'an at-risk share of 0',
      (p) => {
        (p.plans[0] as Record<string, unknown>).atRiskShare = 0;
      },
      'plans[0].atRiskShare',
      /more than 0/,
    ],
    [
      'a resolution shorter than the response',
      (p) => {
        (p.plans[1] as Record<string, unknown>).resolutionMinutes = { 1: 60, 2: 2550, 3: 5100, 4: 10200 };
      },
      'plans[1].resolutionMinutes.1',
      /shorter than the response target/,
    ],
    [
      'reserved hours with 3 decimals',
      (p) => {
        (p.plans[0] as Record<string, unknown>).reservedHours = 10.125;
      },
      'plans[0].reservedHours',
      /2 decimals/,
    ],
    [
      'a 24/7 calendar that is not 24/7',
      (p) => {
        p.alwaysOpenCalendar = 'london-business-hours';
      },
      'alwaysOpenCalendar',
      /not a 24\/7 calendar/,
    ],
    [
      'no 24/7 calendar',
      (p) => {
        p.calendars = {
          'london-business-hours': (p.calendars as Record<string, unknown>)['london-business-hours'],
        };
      },
      'alwaysOpenCalendar',
      /unknown calendar "london-24x7"/,
    ],
    [
      'a bad calendar',
      (p) => {
        (
          (p.calendars as Record<string, Record<string, unknown>>)['london-business-hours'] as Record<
            string,
            unknown
          >
        ).hours = [['17:30', '09:00']];
      },
      'calendars.london-business-hours.hours[0]',
      /must close after it opens/,
    ],
    [
      'a bad time zone',
      (p) => {
        (
          (p.calendars as Record<string, Record<string, unknown>>)['london-24x7'] as Record<string, unknown>
        ).timeZone = 'Mars/Base';
      },
      'calendars.london-24x7.timeZone',
      /unknown time zone/,
    ],
    [
      'migration counted',
      (p) => {
        p.countedCategories = ['migration'];
      },
      'countedCategories[0]',
      /never counts against a plan/,
    ],
    [
      'no counted category',
      (p) => {
        p.countedCategories = [];
      },
      'countedCategories',
      /at least one category/,
    ],
    [
      'a notice listed twice',
      (p) => {
        p.renewalNoticeDays = [30, 30];
      },
      'renewalNoticeDays[1]',
      /listed twice/,
    ],
    [
      'a notice of 0 days',
      (p) => {
        p.renewalNoticeDays = [0];
      },
      'renewalNoticeDays[0]',
      /at least 1 day/,
    ],
    [
      'three warning shares',
      (p) => {
        p.hourWarningShares = [0.5, 0.75, 0.9];
      },
      'hourWarningShares',
      /one or two shares/,
    ],
    [
      'a bad integration user',
      (p) => {
        p.integrationUsers = ['portal user!'];
      },
      'integrationUsers[0]',
      /SuiteCRM user id/,
    ],
    [
      'a holiday added and removed',
      (p) => {
        p.holidayOverrides = { add: [{ date: '2026-12-24' }], remove: ['2026-12-24'] };
      },
      'holidayOverrides.add[0].date',
      /both added and removed/,
    ],
    [
      'a holiday that is not a date',
      (p) => {
        p.holidayOverrides = { add: [{ date: '2026-02-30' }] };
      },
      'holidayOverrides.add[0].date',
      /not a real date/,
    ],
    [
      'an unknown language',
      (p) => {
        p.language = 'de';
      },
      'language',
      /"en" or "es"/,
    ],
  ])('%s', (_label, mutate, path, message) => {
    const bad = doc();
    mutate(bad);
    const issues = policyIssues(bad);
    const issue = issues.find((candidate) => candidate.path === (path || '(root)'));
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it('refuses a document that is not an object', () => {
    expect(policyIssues([])[0]?.path).toBe('(root)');
    expect(policyIssues(null)[0]?.path).toBe('(root)');
  });
});

describe('the policy version', () => {
  it('is the same for the same policy written differently (key order, defaults spelled out or not)', () => {
    const reordered = Object.fromEntries(Object.entries(doc()).reverse());
    expect(loadPolicy(reordered).version).toBe(defaultPolicy().version);
    const minimal = doc();
    delete minimal.priority;
    delete minimal.integrationUsers;
    delete minimal.$schema;
    minimal.renewalNoticeDays = [7, 60, 30];
    expect(loadPolicy(minimal).version).toBe(defaultPolicy().version);
  });

  it('changes with any target and with the holiday set in force', () => {
    const changed = doc();
    ((changed.plans[0] as Record<string, unknown>).responseMinutes as Record<string, number>)['4'] = 2551;
    expect(loadPolicy(changed).version).not.toBe(defaultPolicy().version);
    const closed = doc();
    closed.holidayOverrides = { add: [{ date: '2026-12-24', name: 'Christmas Eve closure' }], remove: [] };
    const withClosure = loadPolicy(closed);
    expect(withClosure.version).not.toBe(defaultPolicy().version);
    // The override is in force in the compiled calendars.
    const calendar = withClosure.calendars.get('london-business-hours');
    expect(
      calendar?.holidays?.holidaysInYear(2026).some((holiday) => holiday.name === 'Christmas Eve closure'),
    ).toBe(true);
  });
});

// Staleness of schemas/policy.schema.json is checked with every generator in test/unit/gen.
describe('schemas/policy.schema.json', () => {
  it('describes the policy fields with their defaults', () => {
    const schema = JSON.parse(generate()[0]?.content ?? '{}') as {
      properties: Record<string, { default?: unknown }>;
      required: string[];
    };
    expect(schema.required).toEqual(['plans']);
    expect(schema.properties.renewalNoticeDays?.default).toEqual([60, 30, 7]);
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['calendars', 'plans', 'hourWarningShares']),
    );
  });
});
