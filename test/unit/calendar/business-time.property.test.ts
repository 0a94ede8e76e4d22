import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  builtInHolidays,
  businessMinutesBetween,
  type CalendarInput,
  compileCalendar,
  isBusinessTime,
  nextBusinessTime,
  parseCalendar,
} from '../../../bridge/src/domain/calendar/index.js';
import { formatIsoDate } from '../../../bridge/src/iso/day-number.js';
import { MinuteOracle } from '../../support/business-time-oracle.js';

// The engine against the minute-stepping oracle on random calendars, instants, spans and pauses.
const ZONES = [
  'Europe/London',
  'America/New_York',
  'Asia/Kolkata', // +05:30, no DST
  'Australia/Lord_Howe', // 30-minute DST shift
  'Pacific/Auckland', // southern hemisphere DST
  'America/Santiago', // DST changes at local midnight
  'UTC',
];

const MIN_2015 = Date.UTC(2015, 0, 1) / 60_000;
const MIN_2029 = Date.UTC(2029, 5, 1) / 60_000;
// DST change instants (UTC minutes) in the zones above, to land starts near them often.
const TRANSITIONS = [
  '2024-03-31T01:00Z',
  '2024-10-27T01:00Z',
  '2024-03-10T07:00Z',
  '2024-11-03T06:00Z',
  '2024-04-06T15:00Z',
  '2024-10-05T15:30Z',
  '2024-04-06T14:00Z',
  '2024-09-07T04:00Z',
  '2024-04-07T03:00Z',
  '2023-12-24T12:00Z',
].map((text) => Date.parse(text.replace('Z', ':00Z')) / 60_000);

const wall = (minutes: number): string =>
  minutes === 1440
    ? '24:00'
    : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const hoursArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 })
  .map((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      pairs.push([wall(sorted[i] as number), wall(sorted[i + 1] as number)]);
    return pairs;
  });

const holidaysArb = fc.oneof(
  fc.constant('england-and-wales' as const),
  fc.uniqueArray(
    fc
      .integer({ min: Date.UTC(2015, 0, 1) / 86_400_000, max: Date.UTC(2029, 11, 31) / 86_400_000 })
      .map(formatIsoDate),
    { maxLength: 40 },
  ),
);

const calendarArb: fc.Arbitrary<CalendarInput> = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constantFrom(...ZONES).map((timeZone) => ({ timeZone, alwaysOpen: true as const })),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      timeZone: fc.constantFrom(...ZONES),
      workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      hours: hoursArb,
      holidays: holidaysArb,
    }),
  },
);

const startArb = fc.oneof(
  fc.integer({ min: MIN_2015, max: MIN_2029 }),
  fc
    .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -4 * 1440, max: 2 * 1440 }))
    .map(([t, d]) => t + d),
);

const pausesArb = (start: number) =>
  fc.array(
    fc
      .tuple(fc.integer({ min: -600, max: 6000 }), fc.integer({ min: 0, max: 900 }))
      .map(([offset, length]) => [start + offset, start + offset + length] as const),
    { maxLength: 4 },
  );

const ms = (minute: number) => minute * 60_000;
const ORACLE_LIMIT = 15_000; // minutes the oracle may step through per check

function setup(input: CalendarInput) {
  const engine = compileCalendar(input);
  const oracle = new MinuteOracle(parseCalendar(input), builtInHolidays());
  return { engine, oracle };
}

describe('business-time engine = minute-stepping oracle', { timeout: 180_000 }, () => {
  it('add agrees with the oracle (with pauses)', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb.chain((start) => fc.tuple(fc.constant(start), pausesArb(start))),
        fc.integer({ min: 0, max: 1500 }),
        (input, [start, pauses], n) => {
          const { engine, oracle } = setup(input);
          const result =
            addBusinessMinutes(
              ms(start),
              n,
              engine,
              pauses.map(([a, b]) => [ms(a), ms(b)] as const),
            ) / 60_000;
          if (result - start <= ORACLE_LIMIT) {
            expect(result).toBe(oracle.add(start, n, pauses, ORACLE_LIMIT));
          } else {
            // Sparse calendar: the oracle must at least agree that the deadline lies beyond its window.
            expect(oracle.between(start, start + ORACLE_LIMIT, pauses)).toBeLessThan(n);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('between agrees with the oracle (with pauses), both ways round', () => {
    fc.assert(
      fc.property(
        calendarArb,
        startArb.chain((start) => fc.tuple(fc.constant(start), pausesArb(start))),
        fc.integer({ min: -3000, max: 12_000 }),
        (input, [start, pauses], span) => {
          const { engine, oracle } = setup(input);
          const pairs = pauses.map(([a, b]) => [ms(a), ms(b)] as const);
          expect(businessMinutesBetween(ms(start), ms(start + span), engine, pairs)).toBe(
            oracle.between(start, start + span, pauses),
          );
        },
      ),
      { numRuns: 120 },
    );
  });

  it('isBusinessTime and nextBusinessTime agree with the oracle', () => {
    fc.assert(
      fc.property(calendarArb, startArb, (input, start) => {
        const { engine, oracle } = setup(input);
        expect(isBusinessTime(ms(start), engine)).toBe(oracle.isBusinessMinute(start));
        const next = nextBusinessTime(ms(start), engine) / 60_000;
        expect(next).toBeGreaterThanOrEqual(start);
        if (next - start <= ORACLE_LIMIT) {
          expect(oracle.isBusinessMinute(next)).toBe(true);
          expect(oracle.between(start, next)).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// At least an hour a week, so ten weeks of business minutes stay within the supported years.
const denseEnoughArb = calendarArb.filter(
  (input) =>
    'alwaysOpen' in input ||
    input.hours.reduce((sum, [open, close]) => sum + toMinutes(close) - toMinutes(open), 0) >= 60,
);
function toMinutes(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

describe('engine invariants at scale (no oracle)', { timeout: 180_000 }, () => {
  it('between(s, add(s, n)) == n, and the minute before the deadline counts', () => {
    fc.assert(
      fc.property(
        denseEnoughArb,
        startArb.chain((start) => fc.tuple(fc.constant(start), pausesArb(start))),
        fc.integer({ min: 1, max: 100_800 }), // up to 10 weeks of minutes
        (input, [start, pauses], n) => {
          const engine = compileCalendar(input);
          const pairs = pauses.map(([a, b]) => [ms(a), ms(b)] as const);
          const due = addBusinessMinutes(ms(start), n, engine, pairs);
          expect(businessMinutesBetween(ms(start), due, engine, pairs)).toBe(n);
          const lastMinute = due - 60_000;
          expect(isBusinessTime(lastMinute, engine)).toBe(true);
          expect(pairs.some(([a, b]) => lastMinute >= a && lastMinute < b)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('between is antisymmetric and additive', () => {
    fc.assert(
      fc.property(
        denseEnoughArb,
        startArb,
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        (input, a, x, y) => {
          const engine = compileCalendar(input);
          const b = a + x;
          const c = b + y;
          const ab = businessMinutesBetween(ms(a), ms(b), engine);
          expect(businessMinutesBetween(ms(b), ms(a), engine)).toBe(0 - ab);
          expect(businessMinutesBetween(ms(a), ms(c), engine)).toBe(
            ab + businessMinutesBetween(ms(b), ms(c), engine),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
