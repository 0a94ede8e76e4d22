import { describe, expect, it } from 'vitest';
import { isSafeText } from '../../../bridge/src/domain/explanation/safe-text.js';
import type { Problem, ProblemCode } from '../../../bridge/src/domain/problems/problem.js';
import { problemText } from '../../../bridge/src/domain/problems/problem-text.js';

/** One example of every problem the domain raises (the Record makes a new code fail to compile here). */
const EXAMPLES: Record<ProblemCode, Problem> = {
  text: { code: 'text', text: 'Contract start 2026-02-30 is not a date (YYYY-MM-DD)' },
  change_log_unreadable: { code: 'change_log_unreadable', first: 'change log entry 2: no time', more: 1 },
  status_missing: { code: 'status_missing' },
  reported_at_missing: { code: 'reported_at_missing' },
  reported_at_future: { code: 'reported_at_future', at: Date.parse('2026-12-07T13:00:00Z') },
  no_status_history: { code: 'no_status_history', status: 'Open_Assigned' },
  log_starts_late: { code: 'log_starts_late', status: 'Open_Assigned' },
  downgrade_without_time: { code: 'downgrade_without_time' },
  log_disagrees: { code: 'log_disagrees', field: 'environment', logged: 'lab', current: null },
  value_not_in_list: { code: 'value_not_in_list', field: 'cause', value: 'moon' },
  severity_missing: { code: 'severity_missing' },
  pinned_elsewhere: { code: 'pinned_elsewhere', pinned: 'aaaa', used: 'bbbb' },
  plan_not_in_version: { code: 'plan_not_in_version', plan: 'gold', version: 'aaaa' },
  account_not_found: { code: 'account_not_found', accountId: 'a-1', of: 'case' },
  account_mismatch: { code: 'account_mismatch', accountId: 'a-2' },
  account_contract: { code: 'account_contract', inner: { code: 'contract_start_missing' } },
  plan_unknown: { code: 'plan_unknown', plan: 'gold', plans: ['essential', 'professional'] },
  contract_start_missing: { code: 'contract_start_missing' },
  reserved_hours_not_number: { code: 'reserved_hours_not_number', value: Number.NaN },
  reserved_hours_out_of_range: { code: 'reserved_hours_out_of_range', value: -5, max: 10_000 },
  phone_cover_invalid: { code: 'phone_cover_invalid', value: 'maybe' },
  cancelled_on_missing: { code: 'cancelled_on_missing' },
  refunded_without_cancel: { code: 'refunded_without_cancel' },
  refund_after_window: { code: 'refund_after_window', cancelledOn: '2023-07-01' },
  date_invalid: { code: 'date_invalid', module: 'Accounts', field: 'sla_paid_through_c', text: 'soon' },
  work_date_missing: { code: 'work_date_missing' },
  hours_missing: { code: 'hours_missing' },
  hours_not_number: { code: 'hours_not_number', value: Number.POSITIVE_INFINITY },
  hours_out_of_range: { code: 'hours_out_of_range', value: 30, max: 24 },
  category_missing: { code: 'category_missing' },
  category_unknown: { code: 'category_unknown', value: 'holiday' },
};

describe('every problem text, in en and es', () => {
  it.each(
    Object.values(EXAMPLES).flatMap((problem) => [
      [problem.code, 'en' as const, problem],
      [problem.code, 'es' as const, problem],
    ]),
  )(
    '%s (%s): safe for SuiteCRM, says what to do, names fields by their labels',
    (_code, language, problem) => {
      const text = problemText(problem, language);
      expect(isSafeText(text)).toBe(true);
      expect(text.length).toBeLessThanOrEqual(255 - 'not computed: '.length);
      // Field names (sla_..._c, work_date) never reach staff: the catalogue's labels do.
      expect(text).not.toMatch(/\bsla_[a-z_]+|\bwork_date\b|\bdata_problem\b/);
      if (problem.code !== 'text') expect(text).toContain(':');
    },
  );

  it('es uses the es_ES labels, en the en_us ones', () => {
    expect(problemText(EXAMPLES.reserved_hours_out_of_range, 'en')).toBe(
      'Reserved hours (override) is -5: enter 0 to 10,000 hours, or leave it empty for the plan’s hours',
    );
    expect(problemText(EXAMPLES.reserved_hours_out_of_range, 'es')).toBe(
      'Horas reservadas (excepción) es -5: indique de 0 a 10.000 horas, o déjelo vacío para usar las horas del plan',
    );
    expect(problemText(EXAMPLES.log_disagrees, 'en')).toContain(
      'ends with Environment Lab but the case has empty',
    );
    expect(problemText(EXAMPLES.date_invalid, 'es')).toBe(
      'Pagado hasta soon no es una fecha (AAAA-MM-DD): indique una fecha',
    );
  });
});
