import { describe, expect, it } from 'vitest';
import { changeLogEntriesFor } from '../../../bridge/src/catalogue/change-log.js';
import type { ChangeLogEntry } from '../../../bridge/src/catalogue/change-log-entry.js';
import { EMPTY_CASE_FIELDS } from '../../../bridge/src/domain/case/case-fields.js';
import type { CaseRecord } from '../../../bridge/src/domain/case/case-record.js';
import {
  CREATION_LAG_MS,
  CREATION_SKEW_MS,
  caseTracking,
  changeLogStartsAtCreation,
} from '../../../bridge/src/domain/case/case-tracking.js';
import { caseFrom, change, created, evaluateAt, london, PORTAL } from '../../support/domain-builders.js';

/**
 * Issue 13 §3: a case whose change log does not start at its creation existed before the
 * package was installed and is not tracked. What "starts at its creation" means follows what the
 * package's before_save hook writes on create (SupportSla_CaseSave::apply with an empty
 * fetched_row: every non-blank tracked field from blank, at the hook's time()), modelled by
 * `changeLogEntriesFor`; the case's date_entered is SugarBean::save's TimeDate "now"
 * (SuiteCRM data/SugarBean.php, include/TimeDate.php).
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A case as the hook logs its creation at `loggedAt`, with `date_entered` = `enteredAt`. */
function createdCase(options: {
  enteredAt: number;
  loggedAt: number;
  status?: string | null;
  actor?: ChangeLogEntry['actor'];
  userId?: string;
}): CaseRecord {
  const status = options.status === undefined ? 'Open_New' : options.status;
  const after = {
    status,
    sla_severity_c: '2',
    sla_environment_c: 'production',
    // The catalogue's defaults, set on every new bean (SugarBean::populateDefaultValues).
    sla_cause_c: 'unknown',
    sla_reportable_c: 'yes',
  };
  const log = changeLogEntriesFor({
    before: null,
    after,
    userId: options.userId ?? 'user-staff',
    actor: options.actor ?? 'person',
    at: options.loggedAt,
  });
  return {
    ...caseFrom({ createdAt: '2023-06-05 09:00', log }),
    status,
    dateEntered: options.enteredAt,
  };
}

const T = london('2023-06-05 09:00');

describe('the change log starts at the case creation', () => {
  it('a case created in New: status logged from blank to Open_New at date_entered', () => {
    const record = createdCase({ enteredAt: T + 17 * SECOND, loggedAt: T + 17 * SECOND });
    expect(record.changeLog[0]).toMatchObject({ field: 'status', from: null, to: 'Open_New' });
    expect(changeLogStartsAtCreation(record)).toBe(true);
    expect(caseTracking(record, 0)).toEqual({ tracked: true });
  });

  it('seconds, not minutes: the V8 API drops the seconds of date_entered, the log keeps them', () => {
    // Created at 09:00:59, the hook's time() already 09:01:00; date_entered read as 09:00.
    expect(changeLogStartsAtCreation(createdCase({ enteredAt: T, loggedAt: T + 60 * SECOND }))).toBe(true);
  });

  it.each([
    ['a few seconds before date_entered (a client set date_entered from a clock ahead)', -4 * SECOND],
    ['a few seconds after', 3 * SECOND],
    ['at the limit before', -CREATION_SKEW_MS],
    ['40 minutes after: an import whose request began earlier (TimeDate caches now)', 40 * MINUTE],
    ['an hour after: the repeated autumn hour read an hour early for a DST user', 60 * MINUTE + 30 * SECOND],
    ['at the limit after', CREATION_LAG_MS],
  ])('clock skew: first entry %s is the creation', (_label, offset) => {
    expect(changeLogStartsAtCreation(createdCase({ enteredAt: T, loggedAt: T + offset }))).toBe(true);
  });

  it.each([
    ['more than the skew before date_entered', -CREATION_SKEW_MS - SECOND],
    ['more than the lag after', CREATION_LAG_MS + SECOND],
  ])('first entry %s is not the creation', (_label, offset) => {
    expect(changeLogStartsAtCreation(createdCase({ enteredAt: T, loggedAt: T + offset }))).toBe(false);
  });

  it('a case created through the API by an integration after the install is tracked and computed', () => {
    const record = createdCase({ enteredAt: T, loggedAt: T + SECOND, actor: 'api', userId: PORTAL });
    expect(caseTracking(record, 0)).toEqual({ tracked: true });
    const result = evaluateAt(record, '2023-06-05 10:00');
    expect(result.tracked).toBe(true);
    expect(result.notTracked).toBeNull();
    expect(result.computed).toBe(true);
    expect(result.fields.sla_response_status_c).not.toBeNull();
  });

  it('a case created with no status is tracked: "Status is empty" tells staff, before and after the fix', () => {
    const record = createdCase({ enteredAt: T, loggedAt: T, status: null });
    expect(record.changeLog.map((entry) => entry.field)).toEqual([
      'severity',
      'environment',
      'cause',
      'reportable',
    ]);
    expect(caseTracking(record, 0)).toEqual({ tracked: true });
    const result = evaluateAt(record, '2023-06-05 10:00');
    expect(result.tracked).toBe(true);
    expect(result.fields.sla_data_problem_c).toBe('not computed: Status is empty: choose one');
    // Given a status later (logged from blank): still tracked, it does not go quiet.
    const fixed: CaseRecord = {
      ...record,
      status: 'Open_New',
      changeLog: [...record.changeLog, change('2023-06-05 09:40', 'status', null, 'Open_New')],
    };
    expect(caseTracking(fixed, 0)).toEqual({ tracked: true });
  });

  it('an entry that cannot be read: tracked, so the evaluation names the entry', () => {
    const record = {
      ...createdCase({ enteredAt: T, loggedAt: T }),
      changeLogProblems: ['change log entry 1: no time'],
    };
    expect(caseTracking(record, 0)).toEqual({ tracked: true });
    expect(evaluateAt(record, '2023-06-05 10:00').computed).toBe(false);
  });

  it('no date_entered: judged on the log alone', () => {
    expect(
      changeLogStartsAtCreation({ ...createdCase({ enteredAt: T, loggedAt: T }), dateEntered: null }),
    ).toBe(true);
  });
});

describe('cases that existed before the package was installed', () => {
  const preInstall = (status: string, log: ChangeLogEntry[]): CaseRecord => ({
    ...caseFrom({ createdAt: '2023-06-05 09:00', log }),
    status,
    severity: log.find((entry) => entry.field === 'severity')?.to ?? null,
    environment: null,
    cause: null,
    reportable: null,
  });

  it.each(['Open_New', 'Open_Assigned', 'Closed_Closed'])(
    'an empty change log (status %s): the hook never saw the creation',
    (status) => {
      expect(caseTracking(preInstall(status, []), 0)).toEqual({
        tracked: false,
        reason: 'created_before_install',
      });
    },
  );

  it('first edit after the install moves it New -> Assigned: the log starts from Open_New', () => {
    const record = preInstall('Open_Assigned', [
      change('2023-06-05 09:20', 'status', 'Open_New', 'Open_Assigned'),
    ]);
    expect(caseTracking(record, 0)).toEqual({ tracked: false, reason: 'created_before_install' });
  });

  it('first edit minutes after its creation fills in the new Severity field, from blank', () => {
    // The lab's demo cases: created 12:30, package installed, Severity chosen at 12:53. The
    // entry is from blank and close to date_entered, but the status has no history from blank.
    const record = preInstall('Open_Assigned', [change('2023-06-05 09:23', 'severity', null, '2')]);
    expect(caseTracking(record, 0)).toEqual({ tracked: false, reason: 'created_before_install' });
  });

  it('created with no status before the install, given one hours later: far from date_entered', () => {
    const record = preInstall('Open_New', [change('2023-06-05 12:30', 'status', null, 'Open_New')]);
    expect(caseTracking(record, 0)).toEqual({ tracked: false, reason: 'created_before_install' });
  });

  it('is never "not computed", bad data or not: nothing is written to it', () => {
    // Its severity disagrees with the log, which would be a data problem on a tracked case.
    const record = {
      ...preInstall('Open_Assigned', [change('2023-06-05 09:23', 'severity', null, '2')]),
      severity: '3',
    };
    const result = evaluateAt(record, '2023-06-05 10:00');
    expect(result).toMatchObject({ tracked: false, notTracked: 'created_before_install', computed: true });
    expect(result.fields.sla_data_problem_c).toBeNull();
    expect(result.fields.sla_coverage_c).toBe('not_tracked');
    expect(result.events).toEqual([]);
    expect(result.nextTransitionAt).toBeNull();
  });

  it('the tracking start comes first: reported before it, that is the reason given', () => {
    const record = preInstall('Open_New', []);
    expect(caseTracking(record, london('2023-06-06 00:00'))).toEqual({
      tracked: false,
      reason: 'before_tracking_start',
    });
    const tracked = caseFrom({ createdAt: '2023-06-05 09:00', log: created('2023-06-05 09:00') });
    expect(caseTracking(tracked, london('2023-06-06 00:00'))).toEqual({
      tracked: false,
      reason: 'before_tracking_start',
    });
    expect(evaluateAt(tracked, '2023-06-06 10:00', { trackingStart: '2023-06-06 00:00' }).notTracked).toBe(
      'before_tracking_start',
    );
  });
});

describe('what the sync writes to an untracked case (issue 16 §2: decided in the domain)', () => {
  /** Issue 13 §3's case: Open_Assigned with no status history, from before the install. */
  const older = (): CaseRecord => ({
    ...caseFrom({ createdAt: '2023-06-05 09:00', log: [change('2023-06-05 09:23', 'severity', null, '2')] }),
    status: 'Open_Assigned',
    inputStamp: 'stamp-7',
  });
  const pin = {
    policyVersion: 'v-old',
    firstEvaluatedAt: london('2023-06-05 09:00'),
    coverage: 'covered' as const,
    planId: 'professional',
    severity1AlwaysOpen: false,
    restatements: [],
  };

  it('created before the install, SuiteCRM holding values an earlier bridge wrote: blanked once', () => {
    const result = evaluateAt(older(), '2023-06-05 10:00', { holdsBridgeValues: true, pinned: pin });
    expect(result).toMatchObject({ tracked: false, notTracked: 'created_before_install', writable: true });
    // Every bridge field blank (not even "not tracked" in Coverage), the stamp echoed.
    expect(result.fields).toEqual({ ...EMPTY_CASE_FIELDS, sla_input_seen_c: 'stamp-7' });
    expect(result.nextTransitionAt).toBeNull();
    expect(result.events).toEqual([]);
    expect(result.pinned).toBe(pin);
  });

  it('once blank (or on a fresh install), nothing is written to it', () => {
    for (const holds of [false, undefined]) {
      const result = evaluateAt(older(), '2023-06-05 10:00', {
        ...(holds === undefined ? {} : { holdsBridgeValues: holds }),
      });
      expect(result).toMatchObject({ tracked: false, writable: false, nextTransitionAt: null, events: [] });
    }
  });

  it('reported before the tracking start: never written, whatever SuiteCRM holds', () => {
    const record = caseFrom({ createdAt: '2023-06-05 09:00', log: created('2023-06-05 09:00') });
    const result = evaluateAt(record, '2023-06-06 10:00', {
      trackingStart: '2023-06-06 00:00',
      holdsBridgeValues: true,
    });
    expect(result).toMatchObject({ notTracked: 'before_tracking_start', writable: false });
  });

  it('untracked comes first: unreadable fields and a lost pinned policy do not make it "not computed"', () => {
    const record = { ...older(), parseProblems: ['Severity (as reported) "9" is not in its list'] };
    for (const holds of [true, false]) {
      const result = evaluateAt(record, '2023-06-05 10:00', {
        holdsBridgeValues: holds,
        pinned: pin,
        pinnedPolicyMissing: 'v-old',
      });
      expect(result).toMatchObject({ tracked: false, computed: true, writable: holds });
      expect(result.fields.sla_data_problem_c).toBeNull();
      expect(result.fields.sla_response_status_c).toBeNull();
    }
  });

  it('a tracked case is written', () => {
    const record = caseFrom({ createdAt: '2023-06-05 09:00', log: created('2023-06-05 09:00') });
    expect(evaluateAt(record, '2023-06-05 10:00')).toMatchObject({ tracked: true, writable: true });
    expect(evaluateAt({ ...record, status: null }, '2023-06-05 10:00')).toMatchObject({
      tracked: true,
      computed: false,
      writable: true,
    });
  });
});
