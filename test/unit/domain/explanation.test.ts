import { describe, expect, it } from 'vitest';
import { isSafeText } from '../../../bridge/src/domain/explanation/safe-text.js';
import { loadPolicy } from '../../../bridge/src/domain/policy/compiled-policy.js';
import { DEFAULT_POLICY_DOCUMENT } from '../../../bridge/src/domain/policy/default-policy.js';
import { account, caseFrom, change, created, evaluateAt } from '../../support/domain-builders.js';

const spanish = loadPolicy({ ...(DEFAULT_POLICY_DOCUMENT as object), language: 'es' });
const coronation = () =>
  caseFrom({
    createdAt: '2023-05-05 16:45',
    log: [
      ...created('2023-05-05 16:45', { severity: '2' }),
      change('2023-05-09 12:40', 'status', 'Open_New', 'Open_Assigned'),
    ],
  });

describe('the explanation a support engineer can check by hand', () => {
  it('English: the Coronation example, acknowledged late', () => {
    expect(evaluateAt(coronation(), '2023-05-10 09:00').fields.sla_explanation_c).toBe(
      'Covered by the Professional plan. Severity 2. ' +
        'Response: Severity 2, target 4 business hours (London business hours). ' +
        'Reported Fri 5 May 2023 16:45; 45 minutes on Fri 5 May; Mon 8 May closed (Bank holiday for the coronation of King Charles III); 195 minutes on Tue 9 May; due Tue 9 May 2023 12:15. ' +
        'Acknowledged Tue 9 May 2023 12:40 after 265 business minutes (4 h 25 min): met late (breached at Tue 9 May 2023 12:16). ' +
        'Resolution: Severity 2, target 5 business days (London business hours). Due Mon 15 May 2023 16:45. ' +
        'Times are Europe/London time.',
    );
  });

  it('Spanish: the same case', () => {
    expect(evaluateAt(coronation(), '2023-05-10 09:00', { policy: spanish }).fields.sla_explanation_c).toBe(
      'Cubierto por el plan Professional. Gravedad 2. ' +
        'Respuesta: gravedad 2, objetivo 4 horas laborables (horario laboral de Londres). ' +
        'Notificado vie 5 may 2023 16:45; 45 minutos el vie 5 may; lun 8 may cerrado (Bank holiday for the coronation of King Charles III); 195 minutos el mar 9 may; vence mar 9 may 2023 12:15. ' +
        'Confirmado mar 9 may 2023 12:40 tras 265 minutos laborables (4 h 25 min): cumplido con retraso (incumplido el mar 9 may 2023 12:16). ' +
        'Resolución: gravedad 2, objetivo 5 días laborables (horario laboral de Londres). Vence lun 15 may 2023 16:45. ' +
        'Horas en Europe/London.',
    );
  });

  it('groups long runs of full days and names every closed working day', () => {
    // Severity 4 on Essential: 2550 minutes = 5 business days from Thursday 21 December 2023.
    const record = caseFrom({
      createdAt: '2023-12-21 09:00',
      log: created('2023-12-21 09:00', { severity: '4' }),
    });
    const text = evaluateAt(record, '2023-12-21 10:00', { account: account({ plan: 'essential' }) }).fields
      .sla_explanation_c;
    expect(text).toContain(
      'Reported Thu 21 Dec 2023 09:00; 510 minutes on Thu 21 Dec; 510 minutes on Fri 22 Dec; ' +
        'Mon 25 Dec closed (Christmas Day); Tue 26 Dec closed (Boxing Day); ' +
        '510 minutes on each of 3 days from Wed 27 Dec to Fri 29 Dec; due Fri 29 Dec 2023 17:30.',
    );
    // At risk after ceil(0.75 * 2550) = 1913 minutes: 4 days (2040) minus 127 → Thu 28 Dec 15:23.
    expect(text).toContain('at risk from Thu 28 Dec 2023 15:23.');
  });

  it('says why there is no SLA, in one sentence', () => {
    const record = caseFrom({
      createdAt: '2023-06-05 09:00',
      log: created('2023-06-05 09:00', { severity: '1' }),
    });
    expect(
      evaluateAt(record, '2023-06-05 09:10', { account: account({ plan: 'free' }) }).fields.sla_explanation_c,
    ).toBe(
      'No SLA: the account has free support only (the forum). Severity 1. Times are Europe/London time.',
    );
    expect(
      evaluateAt(record, '2023-06-05 09:10', { account: account({ plan: 'free' }), policy: spanish }).fields
        .sla_explanation_c,
    ).toBe('Sin SLA: la cuenta solo tiene soporte gratuito (el foro). Gravedad 1. Horas en Europe/London.');
  });

  it('uses only characters SuiteCRM stores unchanged, whatever staff typed', () => {
    const log = [
      ...created('2023-06-05 09:00', { severity: '1' }),
      change('2023-06-05 09:20', 'downgrade_to', null, '3'),
    ];
    const record = caseFrom({
      createdAt: '2023-06-05 09:00',
      log,
      downgradeReason: `<script>alert("x")</script> R&D's "lab" test`,
    });
    for (const policy of [undefined, spanish]) {
      const fields = evaluateAt(record, '2023-06-05 10:00', policy ? { policy } : {}).fields;
      for (const text of [fields.sla_explanation_c, fields.sla_severity_note_c]) {
        expect(text).not.toBeNull();
        expect(isSafeText(text ?? '')).toBe(true);
      }
      expect(fields.sla_severity_note_c).toContain('(script)alert(x)(/script) R+D’s lab test');
    }
  });
});
