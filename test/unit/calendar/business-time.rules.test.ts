import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  compileCalendar,
  isBusinessTime,
  nextBusinessTime,
} from '../../../bridge/src/domain/calendar/index.js';
import { LONDON, LONDON_24_7, LONDON_LUNCH, NEW_YORK, NIGHTS_00_04 } from '../../support/calendars.js';
import { at, iso } from '../../support/instants.js';

// Named cases for every rule of docs/business-time.md. Instants are UTC; comments give London/NY wall time.
const london = compileCalendar(LONDON);
const lunch = compileCalendar(LONDON_LUNCH);
const newYork = compileCalendar(NEW_YORK);
const always = compileCalendar(LONDON_24_7);
const nights = compileCalendar(NIGHTS_00_04);

const add = (calendar = london, start: string, minutes: number, pauses?: Array<[string, string]>) =>
  iso(
    addBusinessMinutes(
      at(start),
      minutes,
      calendar,
      pauses?.map(([a, b]) => [at(a), at(b)] as const),
    ),
  );
const between = (calendar = london, from: string, to: string, pauses?: Array<[string, string]>) =>
  businessMinutesBetween(
    at(from),
    at(to),
    calendar,
    pauses?.map(([a, b]) => [at(a), at(b)] as const),
  );

describe('1.4 half-open intervals', () => {
  it('counts 09:00 and 17:29 as business time but not 08:59 or 17:30', () => {
    expect(isBusinessTime(at('2024-06-05T08:00Z'), london)).toBe(true); // 09:00 BST
    expect(isBusinessTime(at('2024-06-05T16:29Z'), london)).toBe(true); // 17:29 BST
    expect(isBusinessTime(at('2024-06-05T07:59Z'), london)).toBe(false); // 08:59 BST
    expect(isBusinessTime(at('2024-06-05T16:30Z'), london)).toBe(false); // 17:30 BST
  });
  it('has 510 minutes in a London business day', () => {
    expect(between(london, '2024-06-05T00:00Z', '2024-06-06T00:00Z')).toBe(510);
  });
});

describe('1.5 business dates are local dates', () => {
  it('looks a holiday up by the local date, not the UTC date', () => {
    const evenings = compileCalendar({
      timeZone: 'America/New_York',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      hours: [['18:00', '24:00']],
      holidays: ['2024-07-04'],
    });
    // 4 July 20:00-24:00 EDT is 5 July 00:00-04:00 UTC: closed, because locally it is still the 4th.
    expect(between(evenings, '2024-07-05T00:00Z', '2024-07-05T04:00Z')).toBe(0);
    // 5 July 18:00-24:00 EDT is open.
    expect(between(evenings, '2024-07-05T22:00Z', '2024-07-06T04:00Z')).toBe(360);
  });
  it('treats an explicit empty list as complete, for any year', () => {
    expect(add(newYork, '2150-01-01T12:00Z', 60)).toBe('2150-01-01T15:00Z'); // 10:00 EST
  });
});

describe('1.6 24/7/365 counts every real minute', () => {
  it('has 1380 minutes on the spring-forward Sunday and 1500 on the autumn one', () => {
    expect(between(always, '2024-03-31T00:00Z', '2024-03-31T23:00Z')).toBe(1380);
    expect(between(always, '2024-10-26T23:00Z', '2024-10-28T00:00Z')).toBe(1500);
  });
  it('puts 24 business hours after Sat 12:00 GMT at Sun 13:00 BST', () => {
    expect(add(always, '2024-03-30T12:00Z', 1440)).toBe('2024-03-31T12:00Z');
  });
  it('ignores weekends and holidays', () => {
    expect(add(always, '2026-12-24T17:00Z', 3 * 1440)).toBe('2026-12-27T17:00Z');
  });
});

describe('1.7 DST gaps and repeated hours', () => {
  it('counts 180 minutes on 31 Mar 2024 and 300 on 27 Oct 2024 for a 00:00-04:00 calendar', () => {
    expect(between(nights, '2024-03-31T00:00Z', '2024-03-31T23:00Z')).toBe(180);
    expect(between(nights, '2024-10-26T23:00Z', '2024-10-28T00:00Z')).toBe(300);
  });
  it('never counts a local time that does not exist', () => {
    // 01:00-02:00 London does not exist on 31 Mar 2024.
    const gap = compileCalendar({ ...NIGHTS_00_04, hours: [['01:00', '02:00']] });
    expect(between(gap, '2024-03-31T00:00Z', '2024-03-31T23:00Z')).toBe(0);
  });
  it('counts a repeated local hour twice', () => {
    const repeated = compileCalendar({ ...NIGHTS_00_04, hours: [['01:00', '02:00']] });
    expect(between(repeated, '2024-10-26T23:00Z', '2024-10-28T00:00Z')).toBe(120);
  });
});

describe('DST with business hours', () => {
  it('London spring: Thu 28 Mar 2024 16:00 GMT + 2h crosses Easter and the clock change', () => {
    // 90 minutes on Thursday; Good Friday, the weekend and Easter Monday are closed; 30 minutes on Tuesday.
    expect(add(london, '2024-03-28T16:00Z', 120)).toBe('2024-04-02T08:30Z'); // 09:30 BST
  });
  it('London autumn: Fri 25 Oct 2024 17:00 BST + 1h lands Mon 09:30 GMT', () => {
    expect(add(london, '2024-10-25T16:00Z', 60)).toBe('2024-10-28T09:30Z');
  });
  it('New York spring: Fri 8 Mar 2024 16:00 EST + 2h lands Mon 09:30 EDT', () => {
    expect(add(newYork, '2024-03-08T21:00Z', 120)).toBe('2024-03-11T13:30Z');
  });
  it('New York autumn: Fri 1 Nov 2024 17:00 EDT + 1h lands Mon 09:30 EST', () => {
    expect(add(newYork, '2024-11-01T21:00Z', 60)).toBe('2024-11-04T14:30Z');
  });
  it('counts a full London week the same across the change', () => {
    expect(between(london, '2024-03-25T00:00Z', '2024-04-08T00:00Z')).toBe(8 * 510); // two weeks minus Good Friday, Easter Monday
  });
});

describe('2.2 a deadline at closing time stays there', () => {
  it('Fri 16:30 + 60 is Fri 17:30, not Mon 09:00', () => {
    expect(add(london, '2024-06-07T15:30Z', 60)).toBe('2024-06-07T16:30Z');
  });
  it('stays at the start of a lunch break', () => {
    expect(add(lunch, '2024-06-05T10:30Z', 60)).toBe('2024-06-05T11:30Z'); // 11:30 + 60 = 12:30 BST
    expect(add(lunch, '2024-06-05T10:30Z', 61)).toBe('2024-06-05T12:31Z'); // 13:31 BST
  });
  it('from exactly opening time, a full day ends at closing time', () => {
    expect(add(london, '2024-06-05T08:00Z', 510)).toBe('2024-06-05T16:30Z');
  });
  it('from exactly closing time, counting starts at the next opening', () => {
    expect(add(london, '2024-06-05T16:30Z', 510)).toBe('2024-06-06T16:30Z');
  });
});

describe('2.3 a start outside hours begins at the next opening', () => {
  it('Sat 10:00 + 60 is Mon 10:00', () => {
    expect(add(london, '2024-06-08T09:00Z', 60)).toBe('2024-06-10T09:00Z');
  });
  it('Wed 17:30 + 1 is Thu 09:01', () => {
    expect(add(london, '2024-06-05T16:30Z', 1)).toBe('2024-06-06T08:01Z');
  });
  it('08:59 + 1 is 09:01', () => {
    expect(add(london, '2024-06-05T07:59Z', 1)).toBe('2024-06-05T08:01Z');
  });
  it('nextBusinessTime rolls Fri 17:30 to Mon 09:00 and leaves business time alone', () => {
    expect(iso(nextBusinessTime(at('2024-06-07T16:30Z'), london))).toBe('2024-06-10T08:00Z');
    expect(iso(nextBusinessTime(at('2024-06-07T10:00Z'), london))).toBe('2024-06-07T10:00Z');
  });
});

describe('2.4 and 2.5 zero and invalid spans', () => {
  it('returns the start unchanged for n = 0, even outside hours', () => {
    expect(add(london, '2024-06-08T09:00Z', 0)).toBe('2024-06-08T09:00Z');
  });
  it('rejects negative and fractional minutes', () => {
    expect(() => addBusinessMinutes(at('2024-06-05T08:00Z'), -1, london)).toThrow(/non-negative integer/);
    expect(() => addBusinessMinutes(at('2024-06-05T08:00Z'), 1.5, london)).toThrow(/non-negative integer/);
  });
});

describe('2.6 pauses', () => {
  it('does not count paused business minutes', () => {
    expect(add(london, '2024-06-05T08:00Z', 120, [['2024-06-05T08:30Z', '2024-06-05T09:00Z']])).toBe(
      '2024-06-05T10:30Z',
    );
    expect(
      between(london, '2024-06-05T08:00Z', '2024-06-05T11:00Z', [['2024-06-05T08:30Z', '2024-06-05T09:00Z']]),
    ).toBe(150);
  });
  it('counts overlapping pauses once', () => {
    const pauses: Array<[string, string]> = [
      ['2024-06-05T08:30Z', '2024-06-05T09:00Z'],
      ['2024-06-05T08:45Z', '2024-06-05T09:15Z'],
    ];
    expect(add(london, '2024-06-05T08:00Z', 120, pauses)).toBe('2024-06-05T10:45Z');
    expect(between(london, '2024-06-05T08:00Z', '2024-06-05T11:00Z', pauses)).toBe(135);
  });
  it('ignores pause time before the start and outside business hours', () => {
    const pauses: Array<[string, string]> = [
      ['2024-06-05T05:00Z', '2024-06-05T07:30Z'],
      ['2024-06-05T17:00Z', '2024-06-06T07:00Z'],
    ];
    expect(add(london, '2024-06-05T08:00Z', 600, pauses)).toBe(add(london, '2024-06-05T08:00Z', 600));
  });
  it('leaves a deadline exactly where a pause begins', () => {
    expect(add(london, '2024-06-05T08:00Z', 60, [['2024-06-05T09:00Z', '2024-06-05T10:00Z']])).toBe(
      '2024-06-05T09:00Z',
    );
  });
  it('resumes after a pause that spans closing time', () => {
    // 30 minutes on Wed, paused from 16:00 BST to Thu 10:00 BST, then 30 more.
    expect(add(london, '2024-06-05T14:30Z', 60, [['2024-06-05T15:00Z', '2024-06-06T09:00Z']])).toBe(
      '2024-06-06T09:30Z',
    );
  });
});

describe('3 between', () => {
  it('is antisymmetric and zero on an empty range', () => {
    expect(between(london, '2024-06-06T08:00Z', '2024-06-05T08:00Z')).toBe(-510);
    expect(between(london, '2024-06-05T08:00Z', '2024-06-05T08:00Z')).toBe(0);
  });
  it('counts across year ends', () => {
    // 2026-12-24..2027-01-05: 24, 29, 30, 31 Dec and 4 Jan are business days.
    expect(between(london, '2026-12-24T00:00Z', '2027-01-05T00:00Z')).toBe(5 * 510);
  });
});

describe('England & Wales bank holidays', () => {
  const skipsTo = (start: string, expected: string) => expect(add(london, start, 60)).toBe(expected);
  it('2020-05-08 VE Day moved the Early May holiday; 2020-05-04 is a working day', () => {
    skipsTo('2020-05-07T16:00Z', '2020-05-11T08:30Z');
    skipsTo('2020-05-01T16:00Z', '2020-05-04T08:30Z');
  });
  it('2022-06-02 and 2022-06-03 Platinum Jubilee; 2022-05-30 is a working day', () => {
    skipsTo('2022-06-01T16:00Z', '2022-06-06T08:30Z');
    skipsTo('2022-05-27T16:00Z', '2022-05-30T08:30Z');
  });
  it('2022-09-19 State Funeral', () => {
    skipsTo('2022-09-16T16:00Z', '2022-09-20T08:30Z');
  });
  it('2023-05-08 Coronation: Fri 5 May 16:45 + 4h is Tue 9 May 12:15', () => {
    expect(add(london, '2023-05-05T15:45Z', 240)).toBe('2023-05-09T11:15Z');
  });
  it('substitute days: Christmas 2021 and New Year 2022', () => {
    skipsTo('2021-12-24T17:00Z', '2021-12-29T09:30Z');
    skipsTo('2021-12-31T17:00Z', '2022-01-04T09:30Z');
  });
  it('Christmas to New Year 2026', () => {
    skipsTo('2026-12-24T17:00Z', '2026-12-29T09:30Z'); // 25th, substitute Boxing Day 28th
    skipsTo('2026-12-31T17:00Z', '2027-01-04T09:30Z'); // New Year's Day Friday
  });
});
