import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../bridge/src/domain/index.js';
import { DEFAULT_POLICY_DOCUMENT } from '../../../bridge/src/domain/policy/default-policy.js';
import { caseFrom, created, evaluateAt, london } from '../../support/domain-builders.js';

/**
 * Finding 2 (SuiteCRM 7.14.6): a case whose Reported at was moved to 13:00 by the edit view's
 * quarter-hour widget was "not computed: reported at is in the future" at 12:57 and had no next
 * transition, so no sync looked at it again. A problem time heals carries its instant.
 */
const spanish = loadPolicy({ ...(structuredClone(DEFAULT_POLICY_DOCUMENT) as object), language: 'es' });
const phoneCase = () =>
  caseFrom({
    createdAt: '2026-12-07 12:53',
    reportedAt: '2026-12-07 13:00',
    log: created('2026-12-07 12:53', { severity: '1' }),
  });

describe('a problem that heals with time is looked at again at that instant', () => {
  it('a Reported at in the future: not computed now, next transition at the reported-at minute', () => {
    const before = evaluateAt(phoneCase(), '2026-12-07 12:57');
    expect(before.computed).toBe(false);
    expect(before.tracked).toBe(true);
    expect(before.fields.sla_data_problem_c).toBe(
      'not computed: Reported at (Mon 7 Dec 2026 13:00 Europe/London time) is in the future: the SLA starts then; if the customer reported the problem earlier, correct Reported at',
    );
    expect(before.nextTransitionAt).toBe(london('2026-12-07 13:00'));
    // At that instant the case computes, as the sync's due pass will find.
    const then = evaluateAt(phoneCase(), '2026-12-07 13:00');
    expect(then.computed).toBe(true);
    expect(then.fields.sla_data_problem_c).toBeNull();
    expect(then.fields.sla_response_status_c).toBe('pending');
  });

  it('a change logged for earlier than the reported-at minute comes first', () => {
    const record = caseFrom({
      createdAt: '2026-12-07 12:53',
      reportedAt: '2026-12-07 14:00',
      // Clock skew: the hook logged a status change a few minutes ahead of the bridge's clock.
      log: [
        ...created('2026-12-07 12:53', { severity: '2' }),
        {
          at: london('2026-12-07 13:10'),
          field: 'status',
          from: 'Open_New',
          to: 'Open_Assigned',
          actor: 'person',
          userId: 'user-staff',
        },
      ],
    });
    expect(evaluateAt(record, '2026-12-07 13:00').nextTransitionAt).toBe(london('2026-12-07 13:10'));
  });

  it('problems only an edit fixes have no next transition', () => {
    const record = caseFrom({
      createdAt: '2026-12-07 12:53',
      log: created('2026-12-07 12:53', { severity: null }),
    });
    const result = evaluateAt(record, '2026-12-07 13:00');
    expect(result.fields.sla_data_problem_c).toBe(
      'not computed: Severity (as reported) is empty: choose one to start the SLA clock',
    );
    expect(result.nextTransitionAt).toBeNull();
  });
});

describe('problem texts are in the site language (the policy language)', () => {
  it('es: the field labels of the es_ES language file and what to do', () => {
    const result = evaluateAt(phoneCase(), '2026-12-07 12:57', { policy: spanish });
    expect(result.fields.sla_data_problem_c).toBe(
      'not computed: Notificado el (lun 7 dic 2026 13:00, hora de Europe/London) está en el futuro: el SLA empieza entonces; si el cliente lo notificó antes, corrija Notificado el',
    );
    const blank = caseFrom({
      createdAt: '2026-12-07 12:53',
      log: created('2026-12-07 12:53', { severity: null }),
    });
    expect(evaluateAt(blank, '2026-12-07 13:00', { policy: spanish }).fields.sla_data_problem_c).toBe(
      'not computed: Gravedad (notificada) está vacía: elija una para iniciar el reloj del SLA',
    );
  });
});
