import { describe, expect, it } from 'vitest';
import { CalendarLineEvaluator, rawObjectText } from '../../../bridge/src/cli/calendar-eval.js';
import { builtInHolidays, compileCalendar } from '../../../bridge/src/domain/calendar/index.js';
import { LONDON, LONDON_24_7 } from '../../support/calendars.js';

describe('rawObjectText (the calendar cache key)', () => {
  it('finds the object after the marker, with braces and escaped quotes inside strings', () => {
    const line = '{"op":"add","calendar":{"a":"}{\\"","b":{"c":1}},"start":"x"}';
    expect(rawObjectText(line, '"calendar":')).toBe('{"a":"}{\\"","b":{"c":1}}');
  });
  it('gives up on a missing, repeated or non-object value', () => {
    expect(rawObjectText('{"op":"add"}', '"calendar":')).toBeUndefined();
    expect(rawObjectText('{"calendar":"named"}', '"calendar":')).toBeUndefined();
    expect(rawObjectText('{"calendar":{},"x":{"calendar":{}}}', '"calendar":')).toBeUndefined();
  });
});

describe('CalendarLineEvaluator', () => {
  const evaluator = new CalendarLineEvaluator({
    registry: builtInHolidays(),
    named: new Map([['support', compileCalendar(LONDON)]]),
  });

  it('compiles a calendar once per distinct text and keeps answers apart', () => {
    const london = evaluator.evaluate(
      JSON.stringify({ op: 'add', calendar: LONDON, start: '2024-06-07T15:30:00Z', minutes: 120 }),
    );
    const always = evaluator.evaluate(
      JSON.stringify({ op: 'add', calendar: LONDON_24_7, start: '2024-06-07T15:30:00Z', minutes: 120 }),
    );
    expect(london).toEqual({ text: '{"result":"2024-06-10T09:00:00Z"}', failed: false });
    expect(always).toEqual({ text: '{"result":"2024-06-07T17:30:00Z"}', failed: false });
  });

  it('resolves named calendars and lists the known names when one is unknown', () => {
    expect(
      evaluator.evaluate('{"op":"isBusinessTime","calendar":"support","at":"2024-06-08T10:00:00Z"}').text,
    ).toBe('{"result":false}');
    expect(
      evaluator.evaluate('{"op":"isBusinessTime","calendar":"gold","at":"2024-06-08T10:00:00Z"}'),
    ).toEqual({
      text: '{"error":"unknown calendar \\"gold\\" (known: support)"}',
      failed: true,
    });
  });

  it('rejects impossible instants', () => {
    const answer = evaluator.evaluate(
      JSON.stringify({ op: 'add', calendar: LONDON, start: '2023-02-29T10:00:00Z', minutes: 1 }),
    );
    expect(answer.failed).toBe(true);
    expect(JSON.parse(answer.text).error).toContain('"start" must be an ISO-8601 instant');
  });
});
