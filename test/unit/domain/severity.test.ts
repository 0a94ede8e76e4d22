import { describe, expect, it } from 'vitest';
import { effectiveSeverity } from '../../../bridge/src/domain/severity/effective-severity.js';
import type { Cause, Environment, Severity } from '../../../bridge/src/domain/severity/severity.js';
import { caseFrom, change, created, evaluateAt, londonText } from '../../support/domain-builders.js';

describe('effective severity (the seed caps, then a downgrade)', () => {
  it.each<[Severity, Environment, Cause, Severity | null, Severity]>([
    // Severity 1 is allowed on production and pre-production that completed UAT...
    ['1', 'production', 'product', null, '1'],
    ['1', 'pre_production', 'product', null, '1'],
    // ...and never on UAT, lab or demo systems: capped to 2.
    ['1', 'uat', 'product', null, '2'],
    ['1', 'lab', 'product', null, '2'],
    ['1', 'demo', 'unknown', null, '2'],
    // An unknown environment is not capped.
    ['1', 'unknown', 'unknown', null, '1'],
    // Customer or third-party software caps 1-2 to 3.
    ['1', 'production', 'customer_software', null, '3'],
    ['2', 'production', 'third_party_software', null, '3'],
    ['1', 'lab', 'third_party_software', null, '3'],
    ['3', 'production', 'customer_software', null, '3'],
    ['4', 'lab', 'customer_software', null, '4'],
    ['2', 'lab', 'product', null, '2'],
    // A downgrade lowers further and never raises.
    ['1', 'production', 'product', '2', '2'],
    ['1', 'lab', 'product', '4', '4'],
    ['2', 'production', 'customer_software', '2', '3'],
    ['3', 'production', 'product', '1', '3'],
  ])(
    'Severity %s on %s, cause %s, downgrade %s → %s',
    (severity, environment, cause, downgradeTo, expected) => {
      expect(effectiveSeverity({ severity, environment, cause, downgradeTo }).effective).toBe(expected);
    },
  );

  it.each([
    [
      { severity: '1', environment: 'lab' },
      'Reported as Severity 1, capped to 2: Severity 1 needs production or a pre-production system that completed UAT (environment: lab).',
    ],
    [
      { severity: '2', environment: 'production', cause: 'customer_software' },
      'Reported as Severity 2, capped to 3: problems in customer or third-party software are never Severity 1 or 2.',
    ],
    [{ severity: '1', environment: 'unknown' }, 'Severity 1 accepted; environment not confirmed.'],
    [{ severity: '1', environment: 'production' }, null],
    [{ severity: '3', environment: 'unknown' }, null],
  ])('explains the effective severity in words on the case (%j)', (values, note) => {
    const record = caseFrom({ createdAt: '2023-06-05 09:00', log: created('2023-06-05 09:00', values) });
    expect(evaluateAt(record, '2023-06-05 09:05').fields.sla_severity_note_c).toBe(note);
  });

  it('notes the caps in Spanish when the policy says so', async () => {
    const { loadPolicy } = await import('../../../bridge/src/domain/policy/compiled-policy.js');
    const { DEFAULT_POLICY_DOCUMENT } = await import('../../../bridge/src/domain/policy/default-policy.js');
    const document = { ...(DEFAULT_POLICY_DOCUMENT as object), language: 'es' };
    const record = caseFrom({
      createdAt: '2023-06-05 09:00',
      log: created('2023-06-05 09:00', { severity: '1', environment: 'demo' }),
    });
    expect(
      evaluateAt(record, '2023-06-05 09:05', { policy: loadPolicy(document) }).fields.sla_severity_note_c,
    ).toBe(
      'Notificado con gravedad 1, limitada a 2: la gravedad 1 exige producción o un sistema de preproducción con la UAT completada (entorno: demostración).',
    );
  });

  it('caps the response target: Severity 1 on a lab system gets the Severity 2 target', () => {
    const record = caseFrom({
      createdAt: '2023-06-05 09:00',
      log: created('2023-06-05 09:00', { severity: '1', environment: 'lab' }),
    });
    const result = evaluateAt(record, '2023-06-05 09:05');
    expect(result.fields.sla_effective_severity_c).toBe('2');
    expect(londonText(result.fields.sla_response_due_c)).toBe('2023-06-05 13:00'); // 240, not 120
    expect(result.events.map((event) => event.type)).toContain('severity_capped');
  });

  it('a cap discovered after the report changes the effective severity but not the response target', () => {
    const log = [
      ...created('2023-06-05 09:00', { severity: '1', environment: 'unknown' }),
      change('2023-06-05 09:20', 'environment', 'unknown', 'demo'),
    ];
    const result = evaluateAt(caseFrom({ createdAt: '2023-06-05 09:00', log }), '2023-06-05 09:30');
    expect(result.fields.sla_effective_severity_c).toBe('2');
    expect(londonText(result.fields.sla_response_due_c)).toBe('2023-06-05 11:00');
    const capped = result.events.filter((event) => event.type === 'severity_capped');
    expect(capped.map((event) => londonText(event.at))).toEqual(['2023-06-05 09:20']);
  });

  it('takes the downgrade time from the hook stamp when the log does not show it', () => {
    const record = {
      ...caseFrom({ createdAt: '2023-06-05 09:00', log: created('2023-06-05 09:00', { severity: '1' }) }),
      downgradeTo: '3',
      downgradeReason: 'Customer & partner said "wait"',
      downgradedAt: Date.parse('2023-06-05T09:30:00Z'),
    };
    const result = evaluateAt(record, '2023-06-05 11:00');
    expect(result.fields.sla_effective_severity_c).toBe('3');
    // Staff text is made safe for SuiteCRM's HTML encoding.
    expect(result.fields.sla_severity_note_c).toBe(
      'Downgraded to 3 on Mon 5 Jun 2023 10:30: Customer + partner said wait.',
    );
  });
});

describe("SuiteCRM's priority", () => {
  it('follows the effective severity only when the policy says so', async () => {
    const { loadPolicy } = await import('../../../bridge/src/domain/policy/compiled-policy.js');
    const { DEFAULT_POLICY_DOCUMENT } = await import('../../../bridge/src/domain/policy/default-policy.js');
    const record = caseFrom({
      createdAt: '2023-06-05 09:00',
      log: created('2023-06-05 09:00', { severity: '1', environment: 'lab' }),
    });
    expect(evaluateAt(record, '2023-06-05 09:05').fields).not.toHaveProperty('priority');
    const following = loadPolicy({
      ...(DEFAULT_POLICY_DOCUMENT as object),
      priority: { followsSeverity: true, map: { 1: 'P1', 2: 'P2', 3: 'P3', 4: 'P3' } },
    });
    expect(evaluateAt(record, '2023-06-05 09:05', { policy: following }).fields.priority).toBe('P2');
  });
});
