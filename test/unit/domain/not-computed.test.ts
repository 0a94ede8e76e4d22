import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../bridge/src/domain/case/case-record.js';
import { NOT_COMPUTED_PREFIX, notComputedText } from '../../../bridge/src/domain/data-problem.js';
import { evaluateAccount } from '../../../bridge/src/domain/evaluate-account.js';
import { evaluateTimeEntry } from '../../../bridge/src/domain/evaluate-time-entry.js';
import { loadPolicy } from '../../../bridge/src/domain/policy/compiled-policy.js';
import { DEFAULT_POLICY_DOCUMENT, defaultPolicy } from '../../../bridge/src/domain/policy/default-policy.js';
import {
  account,
  caseFrom,
  change,
  created,
  evaluateAt,
  london,
  timeEntry,
} from '../../support/domain-builders.js';

const base = () =>
  caseFrom({ createdAt: '2023-06-05 09:00', log: created('2023-06-05 09:00', { severity: '2' }) });

describe('bad data never throws: "not computed: reason"', () => {
  it.each<[string, (record: CaseRecord) => CaseRecord, string]>([
    [
      'severity missing',
      (record) => ({
        ...caseFrom({ createdAt: '2023-06-05 09:00', log: created('2023-06-05 09:00', { severity: null }) }),
        id: record.id,
      }),
      'Severity (as reported) is empty: choose one to start the SLA clock',
    ],
    [
      'a severity that is not 1-4',
      (record) => ({
        ...record,
        severity: '9',
        changeLog: record.changeLog.map((entry) =>
          entry.field === 'severity' ? { ...entry, to: '9' } : entry,
        ),
      }),
      'Severity (as reported) is 9, which is not in its list: choose one of 1 - Critical, 2 - Major, 3 - Minor, 4 - Question or cosmetic',
    ],
    [
      'an unknown environment',
      (record) => ({
        ...record,
        environment: 'moon',
        changeLog: record.changeLog.map((entry) =>
          entry.field === 'environment' ? { ...entry, to: 'moon' } : entry,
        ),
      }),
      'Environment is moon, which is not in its list: choose one of Production, Pre-production (UAT completed), UAT, Lab, Demo, Unknown',
    ],
    ['no status', (record) => ({ ...record, status: null }), 'Status is empty: choose one'],
    [
      'no reported-at and no creation time',
      (record) => ({ ...record, reportedAt: null, dateEntered: null }),
      'Reported at is empty and the case has no creation time: enter when the customer reported the problem',
    ],
    [
      'an unreadable change log',
      (record) => ({
        ...record,
        changeLogProblems: ['change log entry 3: no time', 'change log entry 4: bad field'],
      }),
      'SLA change log entry 3: no time (and 1 more): the field was edited outside SuiteCRM; ask an administrator to restore it',
    ],
    [
      'a change the log does not show',
      (record) => ({ ...record, severity: '3' }),
      'the SLA change log ends with Severity (as reported) 2 - Major but the case has 3 - Minor: it was changed outside SuiteCRM (an import or a database edit); change it in SuiteCRM so the change is logged',
    ],
    [
      'a downgrade with no time',
      (record) => ({ ...record, downgradeTo: '3' }),
      'Downgrade to severity is set but Downgraded at is empty: choose Downgrade to severity again and save',
    ],
  ])('%s', (_label, mutate, reason) => {
    const result = evaluateAt(mutate(base()), '2023-06-05 10:00');
    expect(result.computed).toBe(false);
    expect(result.fields).toMatchObject({
      sla_response_status_c: 'not_computed',
      sla_resolution_status_c: 'not_computed',
      sla_data_problem_c: `not computed: ${reason}`,
      sla_response_due_c: null,
      sla_explanation_c: null,
    });
    expect(result.events).toEqual([]);
    expect(result.nextTransitionAt).toBeNull();
  });

  it.each([
    [
      'the account was not found',
      null,
      'the case’s account (account-1) is not in SuiteCRM: choose the account again',
    ],
    [
      'the account has no contract start',
      account({ contractStart: null }),
      'the account’s contract cannot be computed: Contract start is empty: enter the day the contract started',
    ],
    [
      'the account has a plan the policy does not know',
      account({ plan: 'gold' }),
      'the account’s contract cannot be computed: Support plan gold is not in the support policy (plans: essential, professional, enterprise): choose a plan from the list',
    ],
  ])('%s', (_label, record, reason) => {
    const result = evaluateAt(base(), '2023-06-05 10:00', { account: record });
    expect(result.fields.sla_data_problem_c).toBe(`not computed: ${reason}`);
    // Not pinned: coverage is decided once the data can be read.
    expect(result.pinned).toBeNull();
  });

  it('a status the log has no history of is no "not computed": the case predates the package', () => {
    // Issue 13 §3: such a case (Open_Assigned, no status entry) existed before the hook was
    // installed. It used to say "not computed: the change log has no status history"; it is now
    // not tracked, so nothing is written to it (case-tracking.test.ts has the rule itself).
    const record = {
      ...base(),
      status: 'Open_Assigned',
      changeLog: base().changeLog.filter((entry) => entry.field !== 'status'),
    };
    const result = evaluateAt(record, '2023-06-05 10:00');
    expect(result.tracked).toBe(false);
    expect(result.notTracked).toBe('created_before_install');
    expect(result.fields.sla_data_problem_c).toBeNull();
  });

  it('bad data on a case reported before the tracking start is still not tracked (never written)', () => {
    const record = { ...base(), severity: '3' }; // the log says 2
    expect(evaluateAt(record, '2023-06-05 10:00', { trackingStart: '2023-06-06 00:00' }).tracked).toBe(false);
    expect(evaluateAt(record, '2023-06-05 10:00', { trackingStart: '2023-06-05 00:00' }).tracked).toBe(true);
  });

  it('a bad value corrected later counts as blank while it was in force: the case computes again', () => {
    const typo = caseFrom({
      createdAt: '2023-06-05 09:00',
      log: [
        ...created('2023-06-05 09:00', { severity: '7', environment: 'moon' }),
        change('2023-06-05 09:20', 'severity', '7', '2'),
        change('2023-06-05 09:30', 'environment', 'moon', 'production'),
      ],
    });
    const blankFirst = caseFrom({
      createdAt: '2023-06-05 09:00',
      log: [
        ...created('2023-06-05 09:00', { severity: null, environment: 'unknown' }),
        change('2023-06-05 09:20', 'severity', null, '2'),
        change('2023-06-05 09:30', 'environment', 'unknown', 'production'),
      ],
    });
    const fixed = evaluateAt(typo, '2023-06-05 10:00');
    expect(fixed.computed).toBe(true);
    expect(fixed.fields.sla_data_problem_c).toBeNull();
    expect(fixed.fields.sla_effective_severity_c).toBe('2');
    // The same answer as a severity left blank and filled in at the correction.
    const blank = evaluateAt(blankFirst, '2023-06-05 10:00');
    expect(fixed.fields.sla_response_due_c).toBe(blank.fields.sla_response_due_c);
    expect(fixed.fields.sla_resolution_due_c).toBe(blank.fields.sla_resolution_due_c);
    // While the current value is wrong, the case says so.
    const stillWrong = caseFrom({
      createdAt: '2023-06-05 09:00',
      log: [...typo.changeLog, change('2023-06-05 09:40', 'severity', '2', '8')],
    });
    expect(evaluateAt(stillWrong, '2023-06-05 10:00').fields.sla_data_problem_c).toBe(
      'not computed: Severity (as reported) is 8, which is not in its list: choose one of 1 - Critical, 2 - Major, 3 - Minor, 4 - Question or cosmetic',
    );
  });

  it('an account whose fields SuiteCRM sent unreadable is named on its cases', () => {
    const result = evaluateAt(base(), '2023-06-05 10:00', {
      account: account({ parseProblems: ['Contract start "2023-02-30" is not a date (YYYY-MM-DD)'] }),
    });
    expect(result.fields.sla_data_problem_c).toBe(
      'not computed: the account’s contract cannot be computed: Contract start 2023-02-30 is not a date (YYYY-MM-DD)',
    );
  });

  it('keeps the pin it was given when the data goes bad later', () => {
    const first = evaluateAt(base(), '2023-06-05 10:00');
    const bad = evaluateAt({ ...base(), status: null }, '2023-06-05 11:00', { pinned: first.pinned });
    expect(bad.pinned).toEqual(first.pinned);
  });

  it('a changed severity in the log is taken from its time, not from the poll', () => {
    const log = [
      ...created('2023-06-05 09:00', { severity: '2' }),
      change('2023-06-05 09:30', 'severity', '2', '4'),
    ];
    const result = evaluateAt(caseFrom({ createdAt: '2023-06-05 09:00', log }), '2023-06-05 10:00');
    expect(result.computed).toBe(true);
    expect(result.fields.sla_effective_severity_c).toBe('4');
  });
});

describe('with the change log as the hook writes it', () => {
  it('evaluates the parsed text exactly like the entries, and a bad entry makes the case not computed', async () => {
    const { formatChangeLog, parseChangeLog, describeChangeLogProblem } = await import(
      '../../../bridge/src/catalogue/change-log.js'
    );
    const record = base();
    const text = formatChangeLog(record.changeLog);
    const parsed = parseChangeLog(text);
    expect(parsed.problems).toEqual([]);
    const fromText = { ...record, changeLog: parsed.entries };
    expect(evaluateAt(fromText, '2023-06-05 10:00')).toEqual(evaluateAt(record, '2023-06-05 10:00'));
    const broken = parseChangeLog(`${text};2023-06-05T09:30:00Z|status|Open_New|Open_Assigned|u1|robot`);
    const result = evaluateAt(
      {
        ...record,
        changeLog: broken.entries,
        changeLogProblems: broken.problems.map(describeChangeLogProblem),
      },
      '2023-06-05 10:00',
    );
    expect(result.fields.sla_data_problem_c).toMatch(/^not computed: SLA change log entry \d+: /);
  });
});

/**
 * What sync/evaluate-record.ts wrote for unreadable fields before issue 16 §2 moved the gate into
 * the domain: notComputedText of the joined problems, its prefix cut, then the same again.
 */
function syncTextBefore(problems: readonly string[]): string {
  const text = notComputedText(problems.join('; '));
  return notComputedText(
    text.startsWith(NOT_COMPUTED_PREFIX) ? text.slice(NOT_COMPUTED_PREFIX.length) : text,
  );
}

describe('decided before the evaluation (issue 16 §2)', () => {
  const pin = {
    policyVersion: '0123abcd4567ef89',
    firstEvaluatedAt: london('2023-06-05 09:00'),
    coverage: 'covered' as const,
    planId: 'professional',
    severity1AlwaysOpen: false,
    restatements: [],
  };
  const unreadable = ['Severity (as reported) "9x" is not in its list', 'Reported at "soon" is not a date'];

  it('fields SuiteCRM sent unreadable: the case says which, before any other problem or a lost policy', () => {
    // Its status is missing too, and its pinned policy is gone: the unreadable fields are named.
    const record = { ...base(), status: null, inputStamp: 'stamp-3', parseProblems: unreadable };
    const result = evaluateAt(record, '2023-06-05 10:00', {
      pinned: pin,
      pinnedPolicyMissing: pin.policyVersion,
    });
    expect(result).toMatchObject({ tracked: true, notTracked: null, writable: true, computed: false });
    expect(result.fields).toMatchObject({
      sla_data_problem_c:
        'not computed: Severity (as reported) 9x is not in its list; Reported at soon is not a date',
      sla_response_status_c: 'not_computed',
      sla_resolution_status_c: 'not_computed',
      sla_response_due_c: null,
      sla_input_seen_c: 'stamp-3',
    });
    expect(result.fields.sla_data_problem_c).toBe(syncTextBefore(unreadable));
    expect(result.pinned).toBe(pin);
    expect(result.nextTransitionAt).toBeNull();
    expect(result.events).toEqual([]);
  });

  it.each([
    ['quotes and HTML', ['Name "<b>R&D</b>" isn\'t  read', '  Cause "x"  ']],
    ['a text longer than the field', [`Description "${'x'.repeat(300)}" is too long`]],
  ])('the text is byte for byte what the sync wrote (%s)', (_label, problems) => {
    const result = evaluateAt({ ...base(), parseProblems: problems }, '2023-06-05 10:00');
    expect(result.fields.sla_data_problem_c).toBe(syncTextBefore(problems));
    expect(result.fields.sla_data_problem_c?.length).toBeLessThanOrEqual(255);
  });

  it('a pinned policy version the store lost: not computed, in English, the pin kept', () => {
    for (const policy of [
      defaultPolicy(),
      loadPolicy({ ...(structuredClone(DEFAULT_POLICY_DOCUMENT) as object), language: 'es' }),
    ]) {
      const result = evaluateAt({ ...base(), inputStamp: 'stamp-4' }, '2023-06-05 10:00', {
        policy,
        pinned: pin,
        pinnedPolicyMissing: pin.policyVersion,
      });
      expect(result).toMatchObject({ tracked: true, writable: true, computed: false, pinned: pin });
      expect(result.fields).toMatchObject({
        sla_data_problem_c:
          'not computed: policy version 0123abcd4567ef89 is not in the bridge’s store (restate the case)',
        sla_response_status_c: 'not_computed',
        sla_resolution_status_c: 'not_computed',
        sla_policy_version_c: null,
        sla_input_seen_c: 'stamp-4',
      });
      // What the sync wrote: its own "not computed: ..." string, cut and made safe again.
      expect(result.fields.sla_data_problem_c).toBe(
        notComputedText("policy version 0123abcd4567ef89 is not in the bridge's store (restate the case)"),
      );
      expect(result.nextTransitionAt).toBeNull();
      expect(result.events).toEqual([]);
    }
  });

  it('a time entry with fields SuiteCRM sent unreadable says which, before its account is looked up', () => {
    const problems = ['Hours "abc" is not a number'];
    const result = evaluateTimeEntry({
      entry: timeEntry({ parseProblems: problems }),
      account: null,
      policy: defaultPolicy(),
    });
    expect(result).toEqual({
      computed: false,
      fields: {
        term_start: null,
        counts_against_plan: false,
        data_problem: 'not computed: Hours abc is not a number',
      },
    });
    expect(result.fields.data_problem).toBe(syncTextBefore(problems));
  });

  it('an account with fields SuiteCRM sent unreadable: not computed, no terms, nothing scheduled', () => {
    const problems = ['Contract start "2023-02-30" is not a date (YYYY-MM-DD)', 'Reserved hours "lots"'];
    const result = evaluateAccount({
      account: account({ parseProblems: problems }),
      timeEntries: [timeEntry()],
      policy: defaultPolicy(),
      context: { now: london('2023-06-05 10:00') },
    });
    expect(result).toMatchObject({ computed: false, nextTransitionAt: null, events: [], terms: [] });
    expect(result.fields).toMatchObject({
      sla_contract_state_c: 'not_computed',
      sla_term_start_c: null,
      sla_data_problem_c:
        'not computed: Contract start 2023-02-30 is not a date (YYYY-MM-DD); Reserved hours lots',
    });
    expect(result.fields.sla_data_problem_c).toBe(syncTextBefore(problems));
  });
});
