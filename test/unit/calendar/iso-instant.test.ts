import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from '../../../bridge/src/domain/calendar/index.js';

describe('parseInstant', () => {
  it.each([
    ['2024-06-05T08:00:00Z', Date.UTC(2024, 5, 5, 8)],
    ['2024-06-05T08:00Z', Date.UTC(2024, 5, 5, 8)],
    ['2024-06-05T08:00:00.123Z', Date.UTC(2024, 5, 5, 8, 0, 0, 123)],
    ['2024-06-05T09:00:00+01:00', Date.UTC(2024, 5, 5, 8)],
    ['2024-06-05T03:30:00-04:30', Date.UTC(2024, 5, 5, 8)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('%s', (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
    expect(parseInstant(text)).toBe(Date.parse(text));
  });

  it.each([
    '2024-06-05',
    '2024-06-05T08:00:00', // no offset: ambiguous
    '2024-06-05 08:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-06-05T24:00:00Z',
    '2024-06-05T08:60:00Z',
    '2024-06-05T08:00:00+0100',
    '2024-06-05T08:00:00Zjunk',
    '',
  ])('rejects %j', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe('formatInstant', () => {
  it('writes UTC with whole seconds and Z', () => {
    expect(formatInstant(Date.UTC(2024, 5, 5, 16, 30))).toBe('2024-06-05T16:30:00Z');
  });
});
