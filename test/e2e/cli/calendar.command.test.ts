import { describe, expect, it } from 'vitest';
import { LONDON, LONDON_24_7 } from '../../support/calendars.js';
import { runCli } from '../../support/run-cli.js';

const line = (value: unknown) => JSON.stringify(value);

describe('sla-bridge calendar eval', () => {
  it('answers one JSON line per input line, in order', async () => {
    const input = [
      line({ op: 'add', calendar: LONDON, start: '2024-06-05T08:00:00Z', minutes: 510 }),
      line({ op: 'between', calendar: LONDON, from: '2024-06-05T08:00:00Z', to: '2024-06-05T16:30:00Z' }),
      line({
        op: 'add',
        calendar: LONDON,
        start: '2024-06-05T08:00:00Z',
        minutes: 120,
        pauses: [['2024-06-05T08:30:00Z', '2024-06-05T09:00:00Z']],
      }),
      line({ op: 'isBusinessTime', calendar: LONDON_24_7, at: '2024-12-25T03:00:00Z' }),
      line({ op: 'nextBusinessTime', calendar: LONDON, at: '2024-06-07T16:30:00Z' }),
      line({ op: 'add', calendar: LONDON, start: '2024-06-05T09:00:00+01:00', minutes: 1 }),
    ].join('\n');
    const result = await runCli(['calendar', 'eval'], { input: `${input}\n` });
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      '{"result":"2024-06-05T16:30:00Z"}',
      '{"result":510}',
      '{"result":"2024-06-05T10:30:00Z"}',
      '{"result":true}',
      '{"result":"2024-06-10T08:00:00Z"}',
      '{"result":"2024-06-05T08:01:00Z"}',
    ]);
    expect(result.stderr).toBe('');
  });

  it('answers a bad line with an error, goes on, and exits 1', async () => {
    const input = [
      'not json',
      line({ op: 'add', calendar: LONDON, start: '2024-06-05T08:00:00Z', minutes: -5 }),
      line({
        op: 'add',
        calendar: { ...LONDON, timeZone: 'Mars/Olympus' },
        start: '2024-06-05T08:00:00Z',
        minutes: 5,
      }),
      line({ op: 'add', calendar: LONDON, start: '2024-06-05 08:00', minutes: 5 }),
      line({ op: 'multiply', calendar: LONDON }),
      line({ op: 'add', calendar: LONDON, start: '2024-06-05T08:00:00Z', minutes: 5, minute: 5 }),
      line({
        op: 'between',
        calendar: LONDON,
        from: '2024-06-05T08:00:00Z',
        to: '2024-06-05T09:00:00Z',
        pauses: [['2024-06-05T09:00:00Z', '2024-06-05T08:00:00Z']],
      }),
      line({ op: 'add', calendar: 'standard', start: '2024-06-05T08:00:00Z', minutes: 5 }),
      '',
      line({ op: 'add', calendar: LONDON, start: '2024-06-05T08:00:00Z', minutes: 30 }),
    ].join('\n');
    const result = await runCli(['calendar', 'eval'], { input });
    expect(result.status).toBe(1);
    const answers = result.stdout
      .trimEnd()
      .split('\n')
      .map((text) => JSON.parse(text) as { error?: string; result?: unknown });
    expect(answers).toHaveLength(10);
    expect(answers[0]?.error).toBe('not valid JSON');
    expect(answers[1]?.error).toMatch(/"minutes" must be a non-negative whole number/);
    expect(answers[2]?.error).toMatch(/calendar.timeZone: unknown time zone "Mars\/Olympus"/);
    expect(answers[3]?.error).toMatch(/"start" must be an ISO-8601 instant/);
    expect(answers[4]?.error).toMatch(/"op" must be one of/);
    expect(answers[5]?.error).toMatch(/unknown field "minute"/);
    expect(answers[6]?.error).toMatch(/pauses\[0\]" ends before it starts/);
    expect(answers[7]?.error).toMatch(/no named calendars are loaded/);
    expect(answers[8]?.error).toBe('empty line');
    expect(answers[9]).toEqual({ result: '2024-06-05T08:30:00Z' });
  });

  it('streams many lines with CRLF line ends and no final newline', async () => {
    const one = line({ op: 'add', calendar: LONDON, start: '2024-06-05T08:00:00Z', minutes: 60 });
    const result = await runCli(['calendar', 'eval'], {
      input: Array.from({ length: 5000 }, () => one).join('\r\n'),
    });
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5000);
    expect(new Set(lines)).toEqual(new Set(['{"result":"2024-06-05T09:00:00Z"}']));
  });
});

describe('sla-bridge calendar holidays', () => {
  it('lists the non-working weekdays of a year with names', async () => {
    const result = await runCli(['calendar', 'holidays', '--year', '2023']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('2023-05-08  Mon  Bank holiday for the coronation of King Charles III');
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(9);
  });

  it('prints JSON with --json and says when a year comes from the rules', async () => {
    const result = await runCli(['calendar', 'holidays', '--year', '2040', '--json']);
    expect(result.status).toBe(0);
    const days = JSON.parse(result.stdout) as Array<{ date: string; source: string }>;
    expect(days.every((day) => day.source === 'rules')).toBe(true);
    expect(result.stderr).toMatch(/outside the official gov.uk list/);
  });

  it('uses a calendar given on the command line', async () => {
    const saturdays = JSON.stringify({ ...LONDON, workingDays: [6] });
    const result = await runCli([
      'calendar',
      'holidays',
      '--year',
      '2026',
      '--calendar',
      saturdays,
      '--json',
    ]);
    expect(JSON.parse(result.stdout)).toEqual([]); // no England & Wales bank holiday falls on a Saturday
  });

  it('rejects a bad year with exit status 2 and one line on stderr', async () => {
    const result = await runCli(['calendar', 'holidays', '--year', 'next']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe('sla-bridge: usage: --year must be a year such as 2026, got "next"');
  });
});

describe('the command line itself', () => {
  it('prints help for every command with exit status 0', async () => {
    for (const args of [
      ['--help'],
      ['calendar', '--help'],
      ['calendar', 'eval', '--help'],
      ['calendar', 'holidays', '--help'],
      ['demo', '--help'],
    ]) {
      const result = await runCli(args);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toMatch(/^Usage: sla-bridge/);
    }
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await runCli(['frobnicate'])).status).toBe(2);
    expect((await runCli(['calendar', 'holidays', '--year', '2026', '--colour'])).status).toBe(2);
  });
});
