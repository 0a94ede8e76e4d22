import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../bridge/src/domain/index.js';
import { DEFAULT_POLICY_DOCUMENT } from '../../../bridge/src/domain/policy/default-policy.js';
import { caseFrom, change, created, evaluateAt, timeEntry } from '../../support/domain-builders.js';

/**
 * Finding 4 (SuiteCRM 7.14.6): a case showed "Hours logged 0.00" right above a 30.00 h time
 * entry, with no hint why. The entry is not counted (more than a day's hours); the case's
 * explanation now names it by subject, work date and hours, with the entry's own reason.
 */
const record = () =>
  caseFrom({ createdAt: '2023-06-05 09:00', log: created('2023-06-05 09:00', { severity: '3' }) });
const overnight = () =>
  timeEntry({ subject: 'Overnight data repair', workDate: '2023-06-05', hours: 30, category: 'support' });

describe('a case says which of its time entries Hours logged leaves out', () => {
  it('names the entry and its problem beside Hours logged 0', () => {
    const result = evaluateAt(record(), '2023-06-05 10:00', { timeEntries: [overnight()] });
    expect(result.fields.sla_hours_logged_c).toBe(0);
    expect(result.fields.sla_explanation_c).toContain(
      'Hours logged does not count: Overnight data repair, 2023-06-05, 30 h (Hours is 30: enter more than 0 and at most 24; an entry is one day’s work, so log longer work as one entry per work date).',
    );
  });

  it('counts the good entries and names only the bad ones; entries of other cases are not named', () => {
    const good = timeEntry({ subject: 'Call', workDate: '2023-06-05', hours: 1.5 });
    const other = timeEntry({ caseId: 'case-2', subject: 'Elsewhere', workDate: '2023-06-05', hours: 40 });
    const result = evaluateAt(record(), '2023-06-05 10:00', { timeEntries: [good, overnight(), other] });
    expect(result.fields.sla_hours_logged_c).toBe(1.5);
    expect(result.fields.sla_explanation_c).toContain('Overnight data repair');
    expect(result.fields.sla_explanation_c).not.toContain('Elsewhere');
    expect(result.fields.sla_explanation_c).not.toContain('Call,');
  });

  it('says nothing when every entry counts', () => {
    const result = evaluateAt(record(), '2023-06-05 10:00', {
      timeEntries: [timeEntry({ subject: 'Call', workDate: '2023-06-05', hours: 2 })],
    });
    expect(result.fields.sla_explanation_c).not.toContain('does not count');
  });

  it('in Spanish, and on a withdrawn case too', () => {
    const spanish = loadPolicy({ ...(structuredClone(DEFAULT_POLICY_DOCUMENT) as object), language: 'es' });
    const es = evaluateAt(record(), '2023-06-05 10:00', { timeEntries: [overnight()], policy: spanish });
    expect(es.fields.sla_explanation_c).toContain(
      'Horas registradas no incluye: Overnight data repair, 2023-06-05, 30 h (Horas es 30:',
    );
    const withdrawn = caseFrom({
      createdAt: '2023-06-05 09:00',
      log: [
        ...created('2023-06-05 09:00', { severity: null }),
        change('2023-06-05 09:30', 'status', 'Open_New', 'Closed_Duplicate'),
      ],
    });
    const result = evaluateAt(withdrawn, '2023-06-05 10:00', { timeEntries: [overnight()] });
    expect(result.fields.sla_coverage_c).toBe('withdrawn');
    expect(result.fields.sla_explanation_c).toContain('Hours logged does not count: Overnight data repair');
  });
});
