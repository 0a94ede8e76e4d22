import { describe, expect, it } from 'vitest';
import {
  account,
  caseFrom,
  change,
  created,
  evaluateAt,
  londonText,
  timeEntry,
} from '../../support/domain-builders.js';

function resolution(result: ReturnType<typeof evaluateAt>) {
  return {
    status: result.fields.sla_resolution_status_c,
    due: londonText(result.fields.sla_resolution_due_c),
    paused: result.fields.sla_paused_minutes_c,
  };
}

// Professional: Severity 2 resolution 2550 business minutes (5 London business days).
// Week of Monday 5 June 2023: no bank holidays.
const MONDAY = '2023-06-05';

describe('resolution clock', () => {
  it('runs from reported-at in business minutes of the plan', () => {
    const record = caseFrom({
      createdAt: `${MONDAY} 09:00`,
      log: created(`${MONDAY} 09:00`, { severity: '2' }),
    });
    expect(resolution(evaluateAt(record, `${MONDAY} 12:00`))).toEqual({
      status: 'pending',
      due: '2023-06-09 17:30',
      paused: 0,
    });
  });

  it('pauses while Pending Input: status paused, no due time, and the due moves by the paused business time', () => {
    const log = [
      ...created(`${MONDAY} 09:00`, { severity: '2' }),
      change(`${MONDAY} 10:00`, 'status', 'Open_New', 'Open_Pending Input'),
      change('2023-06-06 10:00', 'status', 'Open_Pending Input', 'Open_Assigned'),
    ];
    const record = caseFrom({ createdAt: `${MONDAY} 09:00`, log });
    expect(resolution(evaluateAt(record, `${MONDAY} 15:00`))).toEqual({
      status: 'paused',
      due: null,
      paused: 0, // a pause is counted when it ends: no field changes while it runs
    });
    // Paused 450 minutes on Monday and 60 on Tuesday: one business day later than without the pause.
    expect(resolution(evaluateAt(record, '2023-06-06 11:00'))).toEqual({
      status: 'pending',
      due: '2023-06-12 17:30',
      paused: 510,
    });
    const events = evaluateAt(record, '2023-06-06 11:00').events.map(
      (event) => `${event.type}@${londonText(event.at)}`,
    );
    expect(events).toContain(`paused@${MONDAY} 10:00`);
    expect(events).toContain('resumed@2023-06-06 10:00');
  });

  it('time closed before a reopen does not count; the last close ends the clock', () => {
    const log = [
      ...created(`${MONDAY} 09:00`, { severity: '2', status: 'Open_Assigned' }),
      change(`${MONDAY} 12:00`, 'status', 'Open_Assigned', 'Closed_Closed'),
      change('2023-06-07 09:00', 'status', 'Closed_Closed', 'Open_Assigned'),
    ];
    const record = caseFrom({ createdAt: `${MONDAY} 09:00`, log });
    expect(resolution(evaluateAt(record, '2023-06-06 09:00'))).toMatchObject({
      status: 'met',
      due: '2023-06-09 17:30',
    });
    // Reopened: 180 minutes consumed on Monday, 2370 left from Wednesday 09:00 = Tuesday 13 June 14:30.
    const reopened = evaluateAt(record, '2023-06-07 10:00');
    expect(resolution(reopened)).toMatchObject({ status: 'pending', due: '2023-06-13 14:30' });
    const types = reopened.events.map(
      (event) => `${event.clock ?? ''}.${event.type}@${londonText(event.at)}`,
    );
    expect(types).toContain(`resolution.met@${MONDAY} 12:00`);
    expect(types).toContain('resolution.resumed@2023-06-07 09:00');
    const log2 = [...log, change('2023-06-14 09:00', 'status', 'Open_Assigned', 'Closed_Closed')];
    const late = evaluateAt(caseFrom({ createdAt: `${MONDAY} 09:00`, log: log2 }), '2023-06-15 09:00');
    expect(resolution(late)).toMatchObject({ status: 'met_late', due: '2023-06-13 14:30' });
  });

  it('a case closed as rejected after acknowledgement is not applicable, never breached', () => {
    const log = [
      ...created(`${MONDAY} 09:00`, { severity: '2' }),
      change(`${MONDAY} 09:30`, 'status', 'Open_New', 'Open_Assigned'),
      change('2023-06-20 09:00', 'status', 'Open_Assigned', 'Closed_Rejected'),
    ];
    const result = evaluateAt(caseFrom({ createdAt: `${MONDAY} 09:00`, log }), '2023-06-21 09:00');
    expect(result.fields.sla_coverage_c).toBe('covered');
    expect(result.fields.sla_response_status_c).toBe('met');
    expect(resolution(result)).toMatchObject({ status: 'not_applicable', due: null });
  });

  it('splits into severity segments: minutes consumed stay consumed', () => {
    // Severity 3 (5100) for 4 hours, then upgraded to 2 (2550): 240 consumed, 2310 left from 13:00.
    const log = [
      ...created(`${MONDAY} 09:00`, { severity: '3' }),
      change(`${MONDAY} 13:00`, 'severity', '3', '2'),
    ];
    const result = evaluateAt(caseFrom({ createdAt: `${MONDAY} 09:00`, log }), `${MONDAY} 14:00`);
    // 2310 = 270 on Monday + 4 days of 510 → Friday 17:30.
    expect(resolution(result)).toMatchObject({ status: 'pending', due: '2023-06-09 17:30' });
  });

  it('an upgrade past the new target is due at once and breached a minute later', () => {
    // Severity 4 (10200) for two business days (1020 consumed), then Severity 1 (1020): due at the change.
    const log = [
      ...created(`${MONDAY} 09:00`, { severity: '4' }),
      change('2023-06-07 09:00', 'severity', '4', '1'),
    ];
    const record = caseFrom({ createdAt: `${MONDAY} 09:00`, log });
    expect(resolution(evaluateAt(record, '2023-06-07 09:00'))).toMatchObject({
      status: 'at_risk',
      due: '2023-06-07 09:00',
    });
    expect(resolution(evaluateAt(record, '2023-06-07 09:01'))).toMatchObject({
      status: 'breached',
      due: '2023-06-07 09:00',
    });
  });

  it('a downgrade after a resolution breach leaves it breached (and closing then is met late)', () => {
    // Enterprise Severity 1: resolution 480 minutes on 24/7 cover from Saturday 10:00.
    const enterprise = account({ plan: 'enterprise', contractStart: '2023-01-01' });
    const log = [
      ...created('2023-06-03 10:00', { severity: '1', status: 'Open_Assigned' }),
      change('2023-06-03 20:00', 'downgrade_to', null, '2'),
      change('2023-06-05 12:00', 'status', 'Open_Assigned', 'Closed_Closed'),
    ];
    const record = caseFrom({ createdAt: '2023-06-03 10:00', log, downgradeReason: 'No customer resources' });
    expect(resolution(evaluateAt(record, '2023-06-03 18:00', { account: enterprise }))).toMatchObject({
      status: 'at_risk',
      due: '2023-06-03 18:00',
    });
    expect(resolution(evaluateAt(record, '2023-06-03 18:01', { account: enterprise })).status).toBe(
      'breached',
    );
    const after = evaluateAt(record, '2023-06-04 09:00', { account: enterprise });
    expect(after.fields.sla_effective_severity_c).toBe('2');
    expect(resolution(after)).toMatchObject({ status: 'breached', due: '2023-06-03 18:00' });
    const closed = evaluateAt(record, '2023-06-05 13:00', { account: enterprise });
    expect(resolution(closed)).toMatchObject({ status: 'met_late', due: '2023-06-03 18:00' });
  });

  it('stops with hours exhausted when the plan hours run out during an open case; the response is unchanged', () => {
    const log = [
      ...created(`${MONDAY} 09:00`, { severity: '2' }),
      change(`${MONDAY} 09:20`, 'status', 'Open_New', 'Open_Assigned'),
    ];
    const record = caseFrom({ createdAt: `${MONDAY} 09:00`, log });
    const small = account({ reservedHours: 10 });
    const entries = [
      timeEntry({ workDate: '2023-05-01', hours: 6 }),
      timeEntry({ workDate: '2023-06-06', hours: 4 }), // reaches 10 of 10 on Tuesday
    ];
    const before = evaluateAt(record, `${MONDAY} 16:00`, { account: small, timeEntries: entries });
    expect(before.fields.sla_coverage_c).toBe('covered');
    expect(resolution(before).status).toBe('pending');
    expect(londonText(before.nextTransitionAt)).toBe('2023-06-06 00:00');
    const after = evaluateAt(record, '2023-06-06 10:00', { account: small, timeEntries: entries });
    expect(resolution(after)).toMatchObject({ status: 'hours_exhausted', due: null });
    expect(after.fields.sla_response_status_c).toBe('met');
    expect(after.fields.sla_hours_logged_c).toBe(10);
    expect(after.events.map((event) => event.type)).toContain('hours_exhausted');
  });

  it('has no resolution clock on a plan without resolution targets', () => {
    const record = caseFrom({
      createdAt: `${MONDAY} 09:00`,
      log: created(`${MONDAY} 09:00`, { severity: '2' }),
    });
    const result = evaluateAt(record, `${MONDAY} 10:00`, { account: account({ plan: 'essential' }) });
    expect(result.fields.sla_response_due_c).not.toBeNull();
    expect(resolution(result)).toEqual({ status: null, due: null, paused: 0 });
    expect(result.fields.sla_explanation_c).toContain('The plan sets no resolution target.');
  });
});

describe('Severity 1 on 24/7 cover', () => {
  it('runs the resolution clock in real minutes across a weekend night with the clocks going forward', () => {
    // Enterprise Severity 1 resolution: 480 minutes round the clock. Saturday 30 March 2024 22:00
    // GMT + 480 real minutes = Sunday 06:00 UTC = 07:00 BST.
    const enterprise = account({ plan: 'enterprise', contractStart: '2024-01-01' });
    const log = created('2024-03-30 22:00', { severity: '1', status: 'Open_Assigned' });
    const result = evaluateAt(caseFrom({ createdAt: '2024-03-30 22:00', log }), '2024-03-31 03:00', {
      account: enterprise,
    });
    expect(resolution(result)).toMatchObject({ status: 'pending', due: '2024-03-31 07:00' });
    expect(result.fields.sla_resolution_due_c).toBe(Date.parse('2024-03-31T06:00:00Z'));
    // Downgraded to 2, the rest of the target runs on business hours (Easter Monday is a bank holiday).
    const downgraded = [...log, change('2024-03-31 03:00', 'downgrade_to', null, '2')];
    const later = evaluateAt(
      caseFrom({ createdAt: '2024-03-30 22:00', log: downgraded }),
      '2024-03-31 04:00',
      {
        account: enterprise,
      },
    );
    // 240 real minutes consumed (22:00 GMT to 03:00 BST); 1530 - 240 = 1290 business minutes from Tuesday
    // 09:00: 510 on Tuesday, 510 on Wednesday, 270 on Thursday.
    expect(resolution(later)).toMatchObject({ status: 'pending', due: '2024-04-04 13:30' });
  });
});
