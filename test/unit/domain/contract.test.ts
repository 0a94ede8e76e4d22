import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../../bridge/src/domain/contract/account-record.js';
import { termIndexOf, termStart } from '../../../bridge/src/domain/contract/contract-terms.js';
import { evaluateAccount } from '../../../bridge/src/domain/evaluate-account.js';
import { evaluateTimeEntry } from '../../../bridge/src/domain/evaluate-time-entry.js';
import type { TimeEntryRecord } from '../../../bridge/src/domain/hours/time-entry-record.js';
import { loadPolicy } from '../../../bridge/src/domain/policy/compiled-policy.js';
import { DEFAULT_POLICY_DOCUMENT, defaultPolicy } from '../../../bridge/src/domain/policy/default-policy.js';
import { formatIsoDate, parseIsoDate } from '../../../bridge/src/iso/day-number.js';
import { account, london, londonText, timeEntry, work } from '../../support/domain-builders.js';

function evaluate(
  overrides: Partial<AccountRecord>,
  now: string,
  entries: TimeEntryRecord[] = [],
  policy = defaultPolicy(),
) {
  return evaluateAccount({
    account: account(overrides),
    timeEntries: entries,
    policy,
    context: { now: london(now) },
  });
}

const day = (text: string) => parseIsoDate(text) as number;

describe('contract terms', () => {
  it.each([
    // start, day, term start
    ['2024-02-29', '2025-02-27', '2024-02-29'],
    ['2024-02-29', '2025-02-28', '2025-02-28'],
    ['2024-02-29', '2027-03-01', '2027-02-28'],
    ['2024-02-29', '2028-02-28', '2027-02-28'],
    ['2024-02-29', '2028-02-29', '2028-02-29'],
    ['2023-01-31', '2024-01-31', '2024-01-31'],
    ['2023-06-01', '2023-05-31', '2022-06-01'],
  ])(
    'a contract started %s: %s is in the term starting %s (29 February never drifts)',
    (start, date, expected) => {
      const term = termIndexOf(day(start), day(date));
      expect(formatIsoDate(termStart(day(start), term))).toBe(expected);
    },
  );

  it('29 February start: terms and their last days', () => {
    expect(evaluate({ contractStart: '2024-02-29' }, '2025-03-15 12:00').fields).toMatchObject({
      sla_term_start_c: '2025-02-28',
      sla_term_end_c: '2026-02-27',
      sla_next_renewal_c: '2026-02-28',
      sla_refund_window_end_c: '2025-08-28',
    });
    expect(evaluate({ contractStart: '2024-02-29' }, '2028-03-01 12:00').fields).toMatchObject({
      sla_term_start_c: '2028-02-29',
      sla_term_end_c: '2029-02-27',
    });
  });

  it('terms roll at 00:00 Europe/London, in summer time too', () => {
    const before = evaluate({ contractStart: '2023-06-01' }, '2024-05-31 23:59');
    expect(before.fields.sla_term_start_c).toBe('2023-06-01');
    expect(londonText(before.nextTransitionAt)).toBe('2024-06-01 00:00');
    expect(before.nextTransitionAt).toBe(Date.parse('2024-05-31T23:00:00Z'));
    const after = evaluate({ contractStart: '2023-06-01' }, '2024-06-01 00:00');
    expect(after.fields).toMatchObject({ sla_term_start_c: '2024-06-01', sla_contract_state_c: 'active' });
    expect(after.events.map((event) => `${event.type}@${londonText(event.at)}`)).toContain(
      'renewed@2024-06-01 00:00',
    );
  });
});

describe('contract state', () => {
  it.each([
    [{ plan: '' }, 'none'],
    [{ plan: null }, 'none'],
    [{ plan: 'free' }, 'free'],
    [{ contractStart: '2023-07-01' }, 'not_started'],
    [{}, 'active'],
    [{ contractStart: '2022-08-01' }, 'renewal_due'], // term ends 31 July: 60 days' notice from 2 June
    [{ willNotRenew: true, cancelledOn: '2023-03-10' }, 'ending'],
    [{ contractStart: '2022-01-01', willNotRenew: true, cancelledOn: '2022-03-10' }, 'lapsed'],
    [{ willNotRenew: true, cancelledOn: '2023-03-10', refunded: true }, 'ended_early'],
  ] as Array<[Partial<AccountRecord>, string]>)('%j on 5 June 2023: %s', (overrides, state) => {
    expect(evaluate(overrides, '2023-06-05 12:00').fields.sla_contract_state_c).toBe(state);
  });

  it('no contract and free support leave every other field blank', () => {
    for (const plan of ['', 'free']) {
      const result = evaluate({ plan }, '2023-06-05 12:00');
      expect(result.fields).toMatchObject({
        sla_term_start_c: null,
        sla_hours_used_c: null,
        sla_next_renewal_c: null,
        sla_data_problem_c: null,
      });
      expect(result.nextTransitionAt).toBeNull();
    }
  });

  it('renewal due from the longest notice, a renewal_due event at each notice, then renewed', () => {
    const start = { contractStart: '2023-01-01' };
    expect(evaluate(start, '2023-11-01 23:59').fields.sla_contract_state_c).toBe('active');
    expect(londonText(evaluate(start, '2023-11-01 23:59').nextTransitionAt)).toBe('2023-11-02 00:00');
    expect(evaluate(start, '2023-11-02 00:00').fields).toMatchObject({
      sla_contract_state_c: 'renewal_due',
      sla_next_renewal_c: '2024-01-01',
    });
    const events = evaluate(start, '2024-01-02 12:00').events.map(
      (event) => `${event.type}@${londonText(event.at)}`,
    );
    expect(events).toEqual([
      'renewal_due@2023-11-02 00:00',
      'renewal_due@2023-12-02 00:00',
      'renewal_due@2023-12-25 00:00',
      'renewed@2024-01-01 00:00',
    ]);
  });

  it('auto-renew versus cancellation: a cancelled contract runs to its term end, then lapses', () => {
    const cancelled = { contractStart: '2023-01-01', willNotRenew: true, cancelledOn: '2023-11-20' };
    expect(evaluate(cancelled, '2023-12-31 12:00').fields).toMatchObject({
      sla_contract_state_c: 'ending',
      sla_term_end_c: '2023-12-31',
      sla_next_renewal_c: null,
    });
    const lapsed = evaluate(cancelled, '2024-01-01 00:00');
    expect(lapsed.fields).toMatchObject({
      sla_contract_state_c: 'lapsed',
      sla_term_start_c: '2023-01-01',
      sla_term_end_c: '2023-12-31',
      sla_refund_window_end_c: null,
    });
    expect(lapsed.nextTransitionAt).toBeNull();
    // The 60-day notice went out before the cancellation; the later ones did not, and it never renewed.
    expect(lapsed.events.map((event) => `${event.type}@${londonText(event.at)}`)).toEqual([
      'renewal_due@2023-11-02 00:00',
      'lapsed@2024-01-01 00:00',
    ]);
    // Without the cancellation it renews.
    expect(evaluate({ contractStart: '2023-01-01' }, '2024-01-01 00:00').fields.sla_contract_state_c).toBe(
      'active',
    );
  });

  it.each([
    // cancelled on, refunded allowed?
    ['2023-01-01', true],
    ['2023-06-30', true], // the last day of the first 6 months
    ['2023-07-01', false], // no refund once 6 months of the term have passed
  ])('the 6-month refund line: refunded on %s → allowed %s', (cancelledOn, allowed) => {
    const result = evaluate(
      { contractStart: '2023-01-01', willNotRenew: true, cancelledOn, refunded: true },
      '2023-08-01 12:00',
    );
    if (allowed) {
      expect(result.fields).toMatchObject({ sla_contract_state_c: 'ended_early', sla_data_problem_c: null });
    } else {
      expect(result.computed).toBe(false);
      expect(result.fields.sla_data_problem_c).toMatch(
        /^not computed: Refunded is ticked, but Cancelled on \(2023-07-01\) is after the refund window/,
      );
    }
  });

  it('the refund window is the first 6 months of the current term, counted from the original start', () => {
    expect(evaluate({ contractStart: '2023-01-01' }, '2024-03-01 12:00').fields.sla_refund_window_end_c).toBe(
      '2024-06-30',
    );
    const refundedSecondTerm = evaluate(
      { contractStart: '2023-01-01', willNotRenew: true, cancelledOn: '2024-03-10', refunded: true },
      '2024-03-10 00:00',
    );
    expect(refundedSecondTerm.fields).toMatchObject({
      sla_contract_state_c: 'ended_early',
      sla_term_start_c: '2024-01-01',
      sla_term_end_c: '2024-03-09',
    });
    expect(refundedSecondTerm.events.map((event) => event.type)).toContain('ended_early');
  });

  it('when payment is required, an unpaid term is not started', () => {
    const document = { ...(DEFAULT_POLICY_DOCUMENT as object), paymentRequired: true };
    const policy = loadPolicy(document);
    expect(evaluate({ paidThrough: null }, '2023-06-05 12:00', [], policy).fields.sla_contract_state_c).toBe(
      'not_started',
    );
    expect(
      evaluate({ paidThrough: '2023-12-31' }, '2023-06-05 12:00', [], policy).fields.sla_contract_state_c,
    ).toBe('active');
    expect(
      evaluate({ paidThrough: '2023-12-31' }, '2024-01-05 12:00', [], policy).fields.sla_contract_state_c,
    ).toBe('not_started');
  });

  it.each([
    [{ plan: 'gold' }, 'Support plan gold is not in the support policy'],
    [{ contractStart: null }, 'Contract start is empty: enter the day the contract started'],
    [{ contractStart: '2023-02-30' }, 'Contract start 2023-02-30 is not a date (YYYY-MM-DD): enter a date'],
    [
      { willNotRenew: true, cancelledOn: null },
      'Will not renew (cancelled) is ticked but Cancelled on is empty: enter the day the customer cancelled',
    ],
    [
      { refunded: true },
      'Refunded is ticked but Will not renew (cancelled) is not: tick it and enter Cancelled on, or untick Refunded',
    ],
    [
      { phoneCover: 'maybe' },
      '24/7 phone cover (override) is maybe, which is not in its list: choose one of Inherit from plan, Yes, No',
    ],
    [
      { reservedHours: -5 },
      'Reserved hours (override) is -5: enter 0 to 10,000 hours, or leave it empty for the plan’s hours',
    ],
    [
      { reservedHours: 100_000 },
      'Reserved hours (override) is 100000: enter 0 to 10,000 hours, or leave it empty for the plan’s hours',
    ],
  ] as Array<[Partial<AccountRecord>, string]>)(
    'bad contract data is "not computed", never an exception: %j',
    (overrides, reason) => {
      const result = evaluate(overrides, '2023-06-05 12:00');
      expect(result.computed).toBe(false);
      expect(result.fields.sla_data_problem_c).toMatch(
        new RegExp(`^not computed: ${reason.replace(/[()]/g, '\\$&')}`),
      );
      // Finding 4: the contract state says "not computed", never blank (which reads as no contract).
      expect(result.fields.sla_contract_state_c).toBe('not_computed');
      expect(result.fields.sla_hours_remaining_c).toBeNull();
    },
  );
});

describe('hours per term', () => {
  const entries = (...hours: number[]) =>
    hours.flatMap((value, index) => work({ workDate: `2023-0${(index % 5) + 2}-10`, hours: value }));

  it.each([
    [[50], 50, 50, 'ok'],
    [[50, 24.99], 74.99, 25.01, 'ok'],
    [[50, 25], 75, 25, 'warning'],
    [[50, 40], 90, 10, 'critical'],
    [[50, 40, 10], 100, 0, 'exhausted'],
    [[50, 40, 10, 10], 110, -10, 'exhausted'],
  ])('%j hours of 100 reserved: used %d, remaining %d, %s', (hours, used, remaining, state) => {
    const result = evaluate({}, '2023-06-05 12:00', entries(...hours));
    expect(result.fields).toMatchObject({
      sla_hours_used_c: used,
      sla_hours_remaining_c: remaining,
      sla_hours_state_c: state,
    });
  });

  it('counts only the counted categories, in the current term, up to today', () => {
    const list = [
      timeEntry({ workDate: '2023-02-01', hours: 10, category: 'support' }),
      timeEntry({ workDate: '2023-02-02', hours: 5, category: 'consulting' }),
      ...work({ workDate: '2023-02-03', hours: 50, category: 'development' }),
      ...work({ workDate: '2023-02-04', hours: 50, category: 'migration' }),
      ...work({ workDate: '2022-12-31', hours: 50, category: 'support' }), // before the contract
      timeEntry({ workDate: '2023-06-20', hours: 7, category: 'support' }), // dated in the future
      timeEntry({ workDate: null, hours: 99 }), // bad: counted nowhere
    ];
    const result = evaluate({}, '2023-06-05 12:00', list);
    expect(result.fields.sla_hours_used_c).toBe(15);
    expect(londonText(result.nextTransitionAt)).toBe('2023-06-20 00:00');
    expect(evaluate({}, '2023-06-20 00:00', list).fields.sla_hours_used_c).toBe(22);
  });

  it('unused hours expire with the term: a new term starts from zero', () => {
    const list = work({ workDate: '2023-12-01', hours: 95 });
    expect(evaluate({}, '2023-12-31 12:00', list).fields.sla_hours_state_c).toBe('critical');
    expect(evaluate({}, '2024-01-01 12:00', list).fields).toMatchObject({
      sla_hours_used_c: 0,
      sla_hours_state_c: 'ok',
    });
  });

  it('records the day each hours level was reached', () => {
    const list = [
      ...work({ workDate: '2023-03-01', hours: 80 }),
      ...work({ workDate: '2023-04-01', hours: 20 }),
    ];
    const events = evaluate({}, '2023-06-05 12:00', list).events.map(
      (event) => `${event.type}@${londonText(event.at)}: ${event.cause}`,
    );
    expect(events).toEqual([
      'hours_warning@2023-03-01 00:00: term 1: 80 hours used of 100 (warning)',
      'hours_exhausted@2023-04-01 00:00: term 1: 100 hours used of 100',
    ]);
  });
});

describe('time entries', () => {
  const policy = defaultPolicy();
  const evaluateEntry = (entry: Partial<TimeEntryRecord>, overrides: Partial<AccountRecord> = {}) =>
    evaluateTimeEntry({ entry: timeEntry(entry), account: account(overrides), policy }).fields;

  it.each([
    [
      { workDate: '2023-03-01', category: 'support' },
      {},
      { term_start: '2023-01-01', counts_against_plan: true },
    ],
    [
      { workDate: '2024-03-01', category: 'consulting' },
      {},
      { term_start: '2024-01-01', counts_against_plan: true },
    ],
    [
      { workDate: '2023-03-01', category: 'development' },
      {},
      { term_start: '2023-01-01', counts_against_plan: false },
    ],
    [
      { workDate: '2023-03-01', category: 'migration' },
      {},
      { term_start: '2023-01-01', counts_against_plan: false },
    ],
    [{ workDate: '2022-12-31' }, {}, { term_start: null, counts_against_plan: false }],
    [{ workDate: '2023-03-01' }, { plan: 'free' }, { term_start: null, counts_against_plan: false }],
    [
      { workDate: '2024-01-01' },
      { willNotRenew: true, cancelledOn: '2023-05-01' },
      { term_start: null, counts_against_plan: false },
    ],
    [
      { workDate: '2023-05-01' },
      { willNotRenew: true, cancelledOn: '2023-05-01', refunded: true },
      { term_start: null, counts_against_plan: false },
    ],
  ] as Array<[Partial<TimeEntryRecord>, Partial<AccountRecord>, object]>)(
    '%j on %j',
    (entry, overrides, expected) => {
      expect(evaluateEntry(entry, overrides)).toEqual({ ...expected, data_problem: null });
    },
  );

  it.each([
    [{ workDate: null }, 'Work date is empty: enter the day the work was done'],
    [{ workDate: '2023-13-01' }, 'Work date 2023-13-01 is not a date (YYYY-MM-DD): enter a date'],
    [{ hours: null }, 'Hours is empty: enter the time spent'],
    [
      { hours: -1 },
      'Hours is -1: enter more than 0 and at most 24; an entry is one day’s work, so log longer work as one entry per work date',
    ],
    [
      { hours: 24.25 },
      'Hours is 24.25: enter more than 0 and at most 24; an entry is one day’s work, so log longer work as one entry per work date',
    ],
    [
      { category: 'holiday' },
      'Category is holiday, which is not in its list: choose one of Support, Consulting, Development, Migration',
    ],
  ] as Array<[Partial<TimeEntryRecord>, string]>)('bad entries say why: %j', (entry, reason) => {
    expect(evaluateEntry(entry)).toEqual({
      term_start: null,
      counts_against_plan: false,
      data_problem: `not computed: ${reason}`,
    });
  });
});
