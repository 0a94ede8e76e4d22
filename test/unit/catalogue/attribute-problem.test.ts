import { describe, expect, it } from 'vitest';
import {
  describeAttributeProblem,
  parseAccountAttributes,
  parseCaseAttributes,
} from '../../../bridge/src/catalogue/index.js';

describe('describeAttributeProblem: an unreadable attribute in words', () => {
  it('names the field by its label, quotes the value and says what is wrong', () => {
    const { problems } = parseAccountAttributes({
      sla_contract_start_c: '2026-02-30',
      sla_reserved_hours_c: 'lots',
    });
    expect(problems.map((problem) => describeAttributeProblem('Accounts', problem))).toEqual([
      'Contract start "2026-02-30" is not a date (YYYY-MM-DD)',
      'Reserved hours (override) "lots" is not a number',
    ]);
  });

  it('quotes only the start of a huge value', () => {
    const { problems } = parseCaseAttributes({ sla_reported_at_c: `soon${'!'.repeat(1 << 20)}` });
    const text = describeAttributeProblem('Cases', problems[0] as (typeof problems)[number]);
    expect(text).toBe(`Reported at "soon${'!'.repeat(33)}..." is not a date and time with a UTC offset`);
  });

  it('labels the stock fields it reads, and says what came instead of text', () => {
    const { problems } = parseCaseAttributes({ date_entered: { date: 'x' } });
    expect(describeAttributeProblem('Cases', problems[0] as (typeof problems)[number])).toBe(
      'Date created: expected a string, got an object',
    );
  });
});
