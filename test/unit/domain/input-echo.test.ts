import { describe, expect, it } from 'vitest';
import { caseInputEcho } from '../../../bridge/src/domain/case/input-echo.js';
import { caseFrom, change, created, evaluateAt } from '../../support/domain-builders.js';

/**
 * The bridge's echo of the SLA input stamp (docs/freshness.md#being-updated): every case the
 * bridge writes carries, beside the SLA fields, the stamp of the case as it was read, so the
 * views stop saying "SLA being updated" exactly when values computed from that save arrive.
 */
const STAMP = '2026-12-07 14:05:09#2';
const base = (inputStamp?: string | null) => ({
  ...caseFrom({ createdAt: '2023-06-05 09:00', log: created('2023-06-05 09:00', { severity: '2' }) }),
  ...(inputStamp === undefined ? {} : { inputStamp }),
});

describe('the echo of the SLA input stamp', () => {
  it('is the stamp read, on a computed case, and changes no other field', () => {
    const withStamp = evaluateAt(base(STAMP), '2023-06-05 10:00');
    const without = evaluateAt(base(), '2023-06-05 10:00');
    expect(withStamp.computed).toBe(true);
    expect(withStamp.fields.sla_response_status_c).toBe('pending');
    expect(withStamp.fields.sla_input_seen_c).toBe(STAMP);
    expect(without.fields.sla_input_seen_c).toBeNull();
    expect({ ...withStamp.fields, sla_input_seen_c: null }).toEqual(without.fields);
  });

  it('is written with "not computed" too, so bad data does not read as "being updated" for good', () => {
    const result = evaluateAt({ ...base(STAMP), status: null }, '2023-06-05 10:00');
    expect(result.computed).toBe(false);
    expect(result.fields.sla_response_status_c).toBe('not_computed');
    expect(result.fields.sla_input_seen_c).toBe(STAMP);
  });

  it('is written on a withdrawn case whose account cannot be read', () => {
    const record = {
      ...caseFrom({
        createdAt: '2023-06-05 09:00',
        log: [
          ...created('2023-06-05 09:00', { severity: '2' }),
          change('2023-06-05 09:30', 'status', 'Open_New', 'Closed_Duplicate'),
        ],
        accountId: 'gone',
      }),
      inputStamp: STAMP,
    };
    const result = evaluateAt(record, '2023-06-05 10:00', { account: null });
    expect(result.fields.sla_coverage_c).toBe('withdrawn');
    expect(result.fields.sla_input_seen_c).toBe(STAMP);
  });

  it('is not part of an untracked case (the sync never writes those)', () => {
    const result = evaluateAt(base(STAMP), '2023-06-05 10:00', { trackingStart: '2023-06-06 00:00' });
    expect(result.tracked).toBe(false);
    expect(result.fields.sla_input_seen_c).toBeNull();
  });

  it('is blank for a blank stamp', () => {
    expect(caseInputEcho({ inputStamp: '  ' })).toEqual({ sla_input_seen_c: null });
    expect(caseInputEcho({ inputStamp: null })).toEqual({ sla_input_seen_c: null });
    expect(caseInputEcho({})).toEqual({ sla_input_seen_c: null });
  });
});
