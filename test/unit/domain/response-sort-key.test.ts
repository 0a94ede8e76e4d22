import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../bridge/src/catalogue/catalogue.js';
import { RESPONSE_SORT_BLANK, responseSortKey } from '../../../bridge/src/domain/case/response-sort-key.js';

/** The Cases list's sort key for Response due (docs/staff-view.md#sorting-by-response-due). */
describe('responseSortKey', () => {
  it('is the due instant in UTC, in the database datetime form', () => {
    expect(responseSortKey(Date.parse('2026-12-07T13:53:27.999Z'))).toBe('2026-12-07 13:53:27');
    expect(responseSortKey(Date.parse('2027-01-01T00:00:00Z'))).toBe('2027-01-01 00:00:00');
  });

  it('is a value after every real due time when there is none, never blank', () => {
    expect(responseSortKey(null)).toBe(RESPONSE_SORT_BLANK);
    expect(responseSortKey(Date.parse('9999-12-31T23:59:58Z')) < RESPONSE_SORT_BLANK).toBe(true);
  });

  it('sorts as text exactly as the due times sort, blanks last', () => {
    const dues = [
      null,
      Date.parse('2026-12-07T09:05:00Z'),
      Date.parse('2026-12-06T23:59:59Z'),
      null,
      Date.parse('2026-12-07T10:00:00Z'),
      Date.parse('2099-01-01T00:00:00Z'),
    ];
    const byKey = [...dues].sort((a, b) => (responseSortKey(a) < responseSortKey(b) ? -1 : 1));
    const numeric = dues.filter((due): due is number => due !== null).sort((a, b) => a - b);
    expect(byKey).toEqual([...numeric, null, null]);
  });

  it('fits the catalogue field, whose default is the same blank value', () => {
    const field = CATALOGUE.fields.find((f) => f.module === 'Cases' && f.name === 'sla_response_sort_c');
    expect(field?.writer).toBe('bridge');
    expect(field?.default).toBe(RESPONSE_SORT_BLANK);
    expect(RESPONSE_SORT_BLANK.length).toBe(field?.len);
  });
});
