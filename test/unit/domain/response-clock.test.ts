import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../bridge/src/domain/policy/compiled-policy.js';
import { DEFAULT_POLICY_DOCUMENT } from '../../../bridge/src/domain/policy/default-policy.js';
import {
  account,
  BRIDGE,
  caseFrom,
  change,
  created,
  evaluateAt,
  london,
  londonText,
  PORTAL,
} from '../../support/domain-builders.js';

/** Fields of interest, with instants as London text. */
function response(result: ReturnType<typeof evaluateAt>) {
  return {
    status: result.fields.sla_response_status_c,
    due: londonText(result.fields.sla_response_due_c),
    acknowledged: londonText(result.fields.sla_acknowledged_at_c),
    minutes: result.fields.sla_response_minutes_c,
  };
}

describe('response clock', () => {
  it('reproduces the Coronation example: Fri 16:45 + 4 business hours = Tue 12:15', () => {
    const record = caseFrom({
      createdAt: '2023-05-05 16:45',
      log: created('2023-05-05 16:45', { severity: '2' }),
    });
    const result = evaluateAt(record, '2023-05-09 10:00');
    expect(response(result)).toEqual({
      status: 'pending',
      due: '2023-05-09 12:15',
      acknowledged: null,
      minutes: null,
    });
    // At risk at 75% of 240 = 180 business minutes: 45 on Friday + 135 on Tuesday.
    expect(londonText(result.nextTransitionAt)).toBe('2023-05-09 11:15');
    expect(result.fields.sla_explanation_c).toContain(
      'Reported Fri 5 May 2023 16:45; 45 minutes on Fri 5 May; Mon 8 May closed (Bank holiday for the coronation of King Charles III); 195 minutes on Tue 9 May; due Tue 9 May 2023 12:15.',
    );
  });

  it.each([
    // now, status, next transition
    ['2023-06-02 17:29', 'at_risk', '2023-06-02 17:31'],
    ['2023-06-02 17:30', 'at_risk', '2023-06-02 17:31'],
    ['2023-06-02 17:30:59', 'at_risk', '2023-06-02 17:31'],
    ['2023-06-02 17:31', 'breached', null],
    ['2023-06-05 09:01', 'breached', null],
  ])(
    'a case due Friday 17:30 is breached at Friday 17:31, not Monday 09:01 (now %s: %s)',
    (now, status, next) => {
      const record = caseFrom({
        createdAt: '2023-06-02 13:30',
        log: created('2023-06-02 13:30', { severity: '2' }),
      });
      const result = evaluateAt(record, now);
      expect(response(result).due).toBe('2023-06-02 17:30');
      expect(result.fields.sla_response_status_c).toBe(status);
      const nextText = londonText(result.nextTransitionAt);
      if (next === null) expect(nextText === null || nextText > '2023-06-02 17:31').toBe(true);
      else expect(nextText).toBe(next);
    },
  );

  it.each([
    // acknowledged at (London, with seconds), expected status and business minutes
    ['2023-06-02 13:30:00', 'met', 0],
    ['2023-06-02 16:00:00', 'met', 150],
    ['2023-06-02 17:30:59', 'met', 240], // floored to 17:30: at the due minute is met
    ['2023-06-02 17:31:00', 'met_late', 240],
    ['2023-06-05 09:05:00', 'met_late', 245],
  ])(
    'met means acknowledged, floored to the minute, at or before the due minute (ack %s: %s)',
    (ackAt, status, minutes) => {
      const log = [
        ...created('2023-06-02 13:30', { severity: '2' }),
        change(ackAt, 'status', 'Open_New', 'Open_Assigned'),
      ];
      const result = evaluateAt(caseFrom({ createdAt: '2023-06-02 13:30', log }), '2023-06-06 12:00');
      expect(response(result)).toMatchObject({ status, due: '2023-06-02 17:30', minutes });
      expect(response(result).acknowledged).toBe(ackAt.slice(0, 16));
    },
  );

  it('floors the report to the minute: 13:30:59 counts from 13:30', () => {
    const record = caseFrom({
      createdAt: '2023-06-02 13:30:59',
      log: created('2023-06-02 13:30:59', { severity: '2' }),
    });
    expect(response(evaluateAt(record, '2023-06-02 14:00')).due).toBe('2023-06-02 17:30');
  });

  it('starts at reported-at, which staff may set before the creation time', () => {
    const record = caseFrom({
      createdAt: '2023-06-02 15:00',
      reportedAt: '2023-06-02 13:30',
      log: created('2023-06-02 15:00', { severity: '2' }),
    });
    // 240 minutes from 13:30: at risk after 180, at 16:30.
    expect(response(evaluateAt(record, '2023-06-02 16:29'))).toMatchObject({
      status: 'pending',
      due: '2023-06-02 17:30',
    });
    expect(response(evaluateAt(record, '2023-06-02 16:30'))).toMatchObject({
      status: 'at_risk',
      due: '2023-06-02 17:30',
    });
  });

  it('at risk at the business instant where the at-risk share elapsed, rounded up to a whole minute', () => {
    const document = structuredClone(DEFAULT_POLICY_DOCUMENT) as { plans: Array<Record<string, unknown>> };
    const plan = document.plans.find((candidate) => candidate.id === 'professional') as Record<
      string,
      unknown
    >;
    plan.responseMinutes = { '1': 10, '2': 7, '3': 510, '4': 1530 };
    plan.resolutionMinutes = undefined;
    plan.atRiskShare = 0.7;
    const policy = loadPolicy(document);
    // Severity 2, 7 minutes: 0.7 * 7 = 4.9, rounded up to 5 minutes after 09:00.
    const record = caseFrom({
      createdAt: '2023-06-05 09:00',
      log: created('2023-06-05 09:00', { severity: '2' }),
    });
    expect(evaluateAt(record, '2023-06-05 09:04', { policy }).fields.sla_response_status_c).toBe('pending');
    expect(evaluateAt(record, '2023-06-05 09:05', { policy }).fields.sla_response_status_c).toBe('at_risk');
    expect(londonText(evaluateAt(record, '2023-06-05 09:04', { policy }).nextTransitionAt)).toBe(
      '2023-06-05 09:05',
    );
  });

  it('runs a 24/7 Severity 1 across a weekend and the spring DST change in real minutes', () => {
    // Enterprise: Severity 1 on 24/7 cover, 60 minutes. 00:30 GMT on 31 March 2024 + 60 real
    // minutes is 02:30 BST (01:00-02:00 local does not exist that night).
    const record = caseFrom({
      createdAt: '2024-03-31 00:30',
      log: created('2024-03-31 00:30', { severity: '1' }),
    });
    const enterprise = account({ plan: 'enterprise', contractStart: '2024-01-01' });
    // 02:00 BST is 01:00 UTC, 30 real minutes after the report; at risk after 45, at 02:15 BST.
    expect(response(evaluateAt(record, '2024-03-31 02:00', { account: enterprise })).status).toBe('pending');
    const result = evaluateAt(record, '2024-03-31 02:15', { account: enterprise });
    expect(response(result)).toMatchObject({ status: 'at_risk', due: '2024-03-31 02:30' });
    expect(result.fields.sla_response_due_c).toBe(Date.parse('2024-03-31T01:30:00Z'));
    // The same case on the business-hours Professional plan waits for Monday (Easter Monday 1 April is a bank holiday).
    const businessHours = evaluateAt(record, '2024-03-31 02:00', {
      account: account({ contractStart: '2024-01-01' }),
    });
    expect(response(businessHours).due).toBe('2024-04-02 11:00');
  });

  it('follows the account override of 24/7 cover in either direction', () => {
    const record = caseFrom({
      createdAt: '2024-03-30 12:00',
      log: created('2024-03-30 12:00', { severity: '1' }),
    });
    const withCover = account({ plan: 'professional', contractStart: '2024-01-01', phoneCover: 'yes' });
    expect(response(evaluateAt(record, '2024-03-30 12:10', { account: withCover })).due).toBe(
      '2024-03-30 14:00',
    );
    const withoutCover = account({ plan: 'enterprise', contractStart: '2024-01-01', phoneCover: 'no' });
    expect(response(evaluateAt(record, '2024-03-30 12:10', { account: withoutCover })).due).toBe(
      '2024-04-02 10:00',
    );
  });

  it('keeps the target of the reported severity after caps: a later upgrade or downgrade never changes it', () => {
    const log = [
      ...created('2023-06-05 09:00', { severity: '3' }),
      change('2023-06-05 09:30', 'severity', '3', '1'),
    ];
    const result = evaluateAt(caseFrom({ createdAt: '2023-06-05 09:00', log }), '2023-06-05 10:00');
    expect(result.fields.sla_effective_severity_c).toBe('1');
    expect(response(result).due).toBe('2023-06-05 17:30'); // Severity 3: 510 minutes
    expect(result.fields.sla_severity_note_c).toContain('response target keeps Severity 3');
  });

  it('a downgrade after a breach leaves the response breached', () => {
    const log = [
      ...created('2023-06-05 09:00', { severity: '1' }),
      change('2023-06-05 12:00', 'downgrade_to', null, '3'),
    ];
    const record = caseFrom({
      createdAt: '2023-06-05 09:00',
      log,
      downgradeReason: 'Customer unavailable for two days.',
    });
    const result = evaluateAt(record, '2023-06-05 12:30');
    expect(result.fields.sla_effective_severity_c).toBe('3');
    expect(response(result)).toMatchObject({ status: 'breached', due: '2023-06-05 11:00' });
    expect(result.fields.sla_severity_note_c).toBe(
      'Downgraded to 3 on Mon 5 Jun 2023 12:00: Customer unavailable for two days.',
    );
    const types = result.events.map((event) => `${event.clock ?? ''}.${event.type}@${londonText(event.at)}`);
    expect(types).toEqual([
      '.reported@2023-06-05 09:00',
      'response.at_risk@2023-06-05 10:30',
      'response.breached@2023-06-05 11:01',
      '.downgraded@2023-06-05 12:00',
    ]);
  });

  it.each([
    ['a person in the web UI', 'person', 'user-7', '2023-06-05 10:00'],
    ['another API user (a script acting for staff)', 'api', 'user-script', '2023-06-05 10:00'],
    ['the bridge itself', 'api', BRIDGE, null],
    ['an integration user of the policy', 'api', PORTAL, null],
    ['an API request with no user', 'api', null, null],
    ['a scheduler job', 'cron', 'user-7', null],
    ['a workflow', 'workflow', 'user-7', null],
    ['an import', 'import', 'user-7', null],
  ] as const)('a save out of New by %s acknowledges: %s', (_who, actor, userId, expected) => {
    const document = structuredClone(DEFAULT_POLICY_DOCUMENT) as Record<string, unknown>;
    document.integrationUsers = [PORTAL];
    const policy = loadPolicy(document);
    const log = [
      ...created('2023-06-05 09:00', { severity: '3' }),
      change('2023-06-05 10:00', 'status', 'Open_New', 'Open_Assigned', actor, userId),
    ];
    const result = evaluateAt(caseFrom({ createdAt: '2023-06-05 09:00', log }), '2023-06-05 11:00', {
      policy,
    });
    expect(londonText(result.fields.sla_acknowledged_at_c)).toBe(expected);
  });

  it('a person creating a case directly in another open status acknowledges it at creation', () => {
    const log = created('2023-06-05 09:00', { status: 'Open_Assigned', severity: '2' });
    const result = evaluateAt(caseFrom({ createdAt: '2023-06-05 09:00', log }), '2023-06-05 09:10');
    expect(response(result)).toMatchObject({ status: 'met', acknowledged: '2023-06-05 09:00', minutes: 0 });
  });

  it('a case a portal created in another status waits for the first person who changes its status', () => {
    const log = [
      ...created('2023-06-05 09:00', {
        status: 'Open_Assigned',
        severity: '2',
        actor: 'api',
        userId: PORTAL,
      }),
      change('2023-06-05 09:50', 'severity', '2', '3', 'person'),
      change('2023-06-05 10:15', 'status', 'Open_Assigned', 'Open_Pending Input', 'person'),
    ];
    const document = structuredClone(DEFAULT_POLICY_DOCUMENT) as Record<string, unknown>;
    document.integrationUsers = [PORTAL];
    const result = evaluateAt(caseFrom({ createdAt: '2023-06-05 09:00', log }), '2023-06-05 11:00', {
      policy: loadPolicy(document),
    });
    expect(response(result)).toMatchObject({ status: 'met', acknowledged: '2023-06-05 10:15', minutes: 75 });
  });

  it('the response clock ignores pauses', () => {
    const log = [
      ...created('2023-06-05 09:00', { severity: '2' }),
      change('2023-06-05 09:10', 'status', 'Open_New', 'Open_Pending Input', 'cron'),
    ];
    const result = evaluateAt(caseFrom({ createdAt: '2023-06-05 09:00', log }), '2023-06-05 13:01');
    expect(response(result)).toMatchObject({ status: 'breached', due: '2023-06-05 13:00' });
    expect(result.fields.sla_resolution_status_c).toBe('paused');
  });
});

it('london() helper reads wall-clock times in BST and GMT', () => {
  expect(london('2023-06-01 12:00')).toBe(Date.parse('2023-06-01T11:00:00Z'));
  expect(london('2023-12-01 12:00')).toBe(Date.parse('2023-12-01T12:00:00Z'));
});
