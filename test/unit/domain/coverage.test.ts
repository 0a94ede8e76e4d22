import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../../bridge/src/domain/contract/account-record.js';
import { loadPolicy } from '../../../bridge/src/domain/policy/compiled-policy.js';
import { DEFAULT_POLICY_DOCUMENT } from '../../../bridge/src/domain/policy/default-policy.js';
import {
  account,
  caseFrom,
  change,
  created,
  evaluateAt,
  london,
  type timeEntry,
  work,
} from '../../support/domain-builders.js';

const REPORTED = '2023-06-05 09:00';
const NOW = '2023-06-05 10:00';

function newCase(values: Parameters<typeof created>[1] = {}, accountId: string | null = 'account-1') {
  return caseFrom({ createdAt: REPORTED, log: created(REPORTED, { severity: '2', ...values }), accountId });
}

const paymentRequired = (() => {
  const document = structuredClone(DEFAULT_POLICY_DOCUMENT) as Record<string, unknown>;
  document.paymentRequired = true;
  return loadPolicy(document);
})();

describe('coverage: decided for the report date, reasons in order', () => {
  it.each<[string, Partial<AccountRecord> | null, string]>([
    ['an active dedicated plan', {}, 'covered'],
    ['no plan (blank)', { plan: '' }, 'no_contract'],
    ['free support', { plan: 'free' }, 'free_support'],
    ['a contract starting after the report', { contractStart: '2023-06-06' }, 'not_started'],
    [
      'a contract that lapsed after cancellation',
      { contractStart: '2022-01-01', willNotRenew: true, cancelledOn: '2022-03-01' },
      'ended',
    ],
    [
      'a contract refunded (ended early)',
      { contractStart: '2023-01-01', willNotRenew: true, cancelledOn: '2023-05-01', refunded: true },
      'ended',
    ],
    [
      'a cancelled contract still running its term',
      { contractStart: '2023-01-01', willNotRenew: true, cancelledOn: '2023-05-01' },
      'covered',
    ],
    ['the first day of the term', { contractStart: '2023-06-05' }, 'covered'],
  ])('%s: %s', (_label, overrides, expected) => {
    const result = evaluateAt(newCase(), NOW, { account: overrides === null ? null : account(overrides) });
    expect(result.fields.sla_coverage_c).toBe(expected);
    expect(result.fields.sla_response_status_c).toBe(expected === 'covered' ? 'pending' : 'not_covered');
  });

  it('a case with no account has no contract', () => {
    const result = evaluateAt(newCase({}, null), NOW, { account: null });
    expect(result.fields.sla_coverage_c).toBe('no_contract');
  });

  it.each([
    ['misuse', 'customer misuse (a)'],
    ['no_material_effect', 'no material effect on operation (b)'],
    ['unsupported_modification', 'a modification not contemplated by the agreement (c)'],
    ['update_not_applied', 'an update supplied was not applied (d)'],
  ])('the non-reportable reason %s carries no SLA', (reason, words) => {
    const result = evaluateAt(newCase({ reportable: reason }), NOW);
    expect(result.fields.sla_coverage_c).toBe('not_reportable');
    expect(result.fields.sla_response_status_c).toBe('not_covered');
    expect(result.fields.sla_resolution_status_c).toBe('not_covered');
    expect(result.fields.sla_response_due_c).toBeNull();
    expect(result.fields.sla_explanation_c).toContain(`No SLA: not a reportable incident (${words}).`);
  });

  it('payment: a term is paid when paid-through is on or after its last day', () => {
    const on = (paidThrough: string | null) =>
      evaluateAt(newCase(), NOW, { account: account({ paidThrough }), policy: paymentRequired }).fields
        .sla_coverage_c;
    expect(on(null)).toBe('not_paid');
    expect(on('2023-12-30')).toBe('not_paid');
    expect(on('2023-12-31')).toBe('covered');
    // Not checked unless the policy requires it.
    expect(
      evaluateAt(newCase(), NOW, { account: account({ paidThrough: null }) }).fields.sla_coverage_c,
    ).toBe('covered');
  });

  it('hours: used up before the report day means hours exhausted (entries of other terms and categories do not count)', () => {
    const entries = (hours: number, extra: ReturnType<typeof timeEntry>[] = []) => [
      ...work({ workDate: '2023-03-01', hours, caseId: 'other' }),
      ...extra,
    ];
    const coverage = (list: ReturnType<typeof timeEntry>[]) =>
      evaluateAt(newCase(), NOW, { timeEntries: list }).fields.sla_coverage_c;
    expect(coverage(entries(99.99))).toBe('covered');
    expect(coverage(entries(100))).toBe('hours_exhausted');
    expect(coverage(entries(60, work({ workDate: '2023-04-01', hours: 50, category: 'development' })))).toBe(
      'covered',
    );
    expect(coverage(entries(60, work({ workDate: '2022-12-31', hours: 50 })))).toBe('covered');
    // Work logged on the report day itself does not decide coverage (it may be the case's own work).
    expect(coverage(entries(60, work({ workDate: '2023-06-05', hours: 50 })))).toBe('covered');
    // An account override of the reserved hours replaces the plan's.
    expect(
      evaluateAt(newCase(), NOW, { account: account({ reservedHours: 200 }), timeEntries: entries(150) })
        .fields.sla_coverage_c,
    ).toBe('covered');
  });

  it('precedence: no contract before not reportable, not reportable before hours exhausted', () => {
    expect(
      evaluateAt(newCase({ reportable: 'misuse' }), NOW, { account: account({ plan: '' }) }).fields
        .sla_coverage_c,
    ).toBe('no_contract');
    expect(
      evaluateAt(newCase({ reportable: 'misuse' }), NOW, {
        timeEntries: work({ workDate: '2023-03-01', hours: 100 }),
      }).fields.sla_coverage_c,
    ).toBe('not_reportable');
    expect(
      evaluateAt(newCase(), NOW, {
        account: account({ contractStart: '2023-06-06' }),
        policy: paymentRequired,
      }).fields.sla_coverage_c,
    ).toBe('not_started');
  });

  it('withdrawn: closed from New as a duplicate or rejected, before any acknowledgement', () => {
    const log = [
      ...created(REPORTED, { severity: '2' }),
      change('2023-06-05 09:30', 'status', 'Open_New', 'Closed_Duplicate'),
    ];
    const result = evaluateAt(caseFrom({ createdAt: REPORTED, log }), NOW, {
      account: account({ plan: '' }),
    });
    expect(result.fields).toMatchObject({
      sla_coverage_c: 'withdrawn',
      sla_response_status_c: 'withdrawn',
      sla_resolution_status_c: 'withdrawn',
      sla_response_due_c: null,
      sla_acknowledged_at_c: null,
    });
  });

  it('withdrawn even when the severity was never filled in', () => {
    const log = [
      ...created(REPORTED, { severity: null }),
      change('2023-06-05 09:30', 'status', 'Open_New', 'Closed_Rejected'),
    ];
    const result = evaluateAt(caseFrom({ createdAt: REPORTED, log }), NOW);
    expect(result.computed).toBe(true);
    expect(result.fields.sla_coverage_c).toBe('withdrawn');
  });

  it('a withdrawn case wakes the bridge at a reopen already logged for later (found by the property test)', () => {
    const log = [
      ...created(REPORTED, { severity: null }),
      change('2023-06-05 09:01', 'status', 'Open_New', 'Closed_Duplicate'),
      change('2023-06-05 09:02', 'status', 'Closed_Duplicate', 'Open_New'),
    ];
    const result = evaluateAt(caseFrom({ createdAt: REPORTED, log }), '2023-06-05 09:01');
    expect(result.fields.sla_coverage_c).toBe('withdrawn');
    expect(result.nextTransitionAt).toBe(london('2023-06-05 09:02'));
  });

  it('a withdrawn case reopened by a person is acknowledged then, and its clock runs from the report', () => {
    const log = [
      ...created(REPORTED, { severity: '2' }),
      change('2023-06-05 09:30', 'status', 'Open_New', 'Closed_Rejected'),
      change('2023-06-05 14:00', 'status', 'Closed_Rejected', 'Open_Assigned'),
    ];
    const record = caseFrom({ createdAt: REPORTED, log });
    expect(evaluateAt(record, '2023-06-05 12:00').fields.sla_coverage_c).toBe('withdrawn');
    const reopened = evaluateAt(record, '2023-06-05 15:00');
    expect(reopened.fields).toMatchObject({ sla_coverage_c: 'covered', sla_response_status_c: 'met_late' });
  });

  it('not tracked: reported before the tracking start, never written', () => {
    const result = evaluateAt(newCase(), NOW, { trackingStart: '2023-06-06 00:00' });
    expect(result.tracked).toBe(false);
    expect(result.fields.sla_coverage_c).toBe('not_tracked');
    expect(result.events).toEqual([]);
    expect(evaluateAt(newCase(), NOW, { trackingStart: '2023-06-05 00:00' }).tracked).toBe(true);
  });
});

describe('coverage is decided once (pinned)', () => {
  it('later account data does not change a decided case', () => {
    const first = evaluateAt(newCase(), NOW, { account: account({ plan: '' }) });
    expect(first.fields.sla_coverage_c).toBe('no_contract');
    expect(first.pinned).toMatchObject({ coverage: 'no_contract', planId: null, restatements: [] });
    // The contract is typed in late: the case keeps its decision.
    const later = evaluateAt(newCase(), '2023-06-05 11:00', { pinned: first.pinned });
    expect(later.fields.sla_coverage_c).toBe('no_contract');
    expect(later.pinned).toEqual(first.pinned);
  });

  it('a restatement decides again, records when, and emits a restated event', () => {
    const first = evaluateAt(newCase(), NOW, { account: account({ plan: '' }) });
    const restated = evaluateAt(newCase(), '2023-06-05 11:00', { pinned: first.pinned, restate: true });
    expect(restated.fields.sla_coverage_c).toBe('covered');
    expect(restated.pinned?.restatements).toHaveLength(1);
    expect(restated.pinned?.restatements[0]).toMatchObject({
      fromCoverage: 'no_contract',
      toCoverage: 'covered',
    });
    expect(restated.events.filter((event) => event.type === 'restated')).toHaveLength(1);
    // Restating again with nothing new records nothing.
    const again = evaluateAt(newCase(), '2023-06-05 12:00', { pinned: restated.pinned, restate: true });
    expect(again.pinned).toEqual(restated.pinned);
  });

  it('a case keeps the policy version of its first evaluation; another version is refused without a restatement', () => {
    const first = evaluateAt(newCase(), NOW);
    const document = structuredClone(DEFAULT_POLICY_DOCUMENT) as { plans: Array<{ reservedHours: number }> };
    (document.plans[1] as { reservedHours: number }).reservedHours = 120;
    const newer = loadPolicy(document);
    expect(newer.version).not.toBe(first.pinned?.policyVersion);
    const refused = evaluateAt(newCase(), '2023-06-05 11:00', { pinned: first.pinned, policy: newer });
    expect(refused.computed).toBe(false);
    expect(refused.fields.sla_data_problem_c).toMatch(/^not computed: the case is pinned to policy version/);
    const restated = evaluateAt(newCase(), '2023-06-05 11:00', {
      pinned: first.pinned,
      policy: newer,
      restate: true,
    });
    expect(restated.fields.sla_policy_version_c).toBe(newer.version);
    expect(restated.pinned?.restatements[0]).toMatchObject({
      fromCoverage: 'covered',
      toCoverage: 'covered',
    });
  });

  it('marking a case not reportable later applies from that moment (the case itself, not the account)', () => {
    const log = [
      ...created(REPORTED, { severity: '2' }),
      change('2023-06-05 09:45', 'reportable', 'yes', 'misuse'),
    ];
    const result = evaluateAt(caseFrom({ createdAt: REPORTED, log }), NOW);
    expect(result.fields.sla_coverage_c).toBe('not_reportable');
    const before = evaluateAt(caseFrom({ createdAt: REPORTED, log }), '2023-06-05 09:40');
    expect(before.fields.sla_coverage_c).toBe('covered');
  });
});
