import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../../bridge/src/domain/policy/default-policy.js';
import { ROOT, runCli } from '../../support/run-cli.js';

let dir = '';
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const defaultDocument = () => JSON.parse(readFileSync(join(ROOT, 'schemas', 'default-policy.json'), 'utf8'));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sla-policy-'));
});

describe('sla-bridge policy show', () => {
  it('prints the default policy for a person, with its version, without any settings', async () => {
    const result = await runCli(['policy', 'show'], { env: {} });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `Policy version ${defaultPolicy().version} (schemas/default-policy.json)`,
    );
    expect(result.stdout).toContain('professional: Professional, 100 h per 12-month term');
    expect(result.stdout).toContain('response   S1 120  S2 240  S3 510  S4 1530');
    expect(result.stderr).toBe('');
  });

  it('--json prints the effective document (defaults filled in), which is itself a valid policy file', async () => {
    const minimal = file(
      'minimal.json',
      JSON.stringify({
        plans: [
          {
            id: 'basic',
            label: 'Basic',
            calendar: 'london-business-hours',
            reservedHours: 20,
            responseMinutes: { 1: 60, 2: 120, 3: 480, 4: 960 },
          },
        ],
      }),
    );
    const result = await runCli(['policy', 'show', '--json', '--policy', minimal], { env: {} });
    expect(result.status).toBe(0);
    const shown = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({
      language: 'en',
      renewalNoticeDays: [60, 30, 7],
      alwaysOpenCalendar: 'london-24x7',
    });
    expect(result.stderr).toMatch(/^policy version [0-9a-f]{16} \(.*minimal\.json\)\n$/);
    // Feeding the effective document back gives the same policy, hence the same version.
    const again = await runCli(['policy', 'check', file('effective.json', result.stdout)], { env: {} });
    expect(again.stdout).toContain(`(version ${result.stderr.match(/[0-9a-f]{16}/)?.[0]})`);
  });

  it('uses SLA_POLICY_FILE when no --policy is given', async () => {
    const spanish = file('es.json', JSON.stringify({ ...defaultDocument(), language: 'es' }));
    const result = await runCli(['policy', 'show'], { env: { SLA_POLICY_FILE: spanish } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('explanations in Spanish');
  });
});

describe('sla-bridge policy check', () => {
  it('exits 0 for the shipped default', async () => {
    const result = await runCli(['policy', 'check'], { env: {} });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `ok: schemas/default-policy.json is a valid policy (version ${defaultPolicy().version})\n`,
    );
  });

  it('exits 2 listing every mistake with its path', async () => {
    const document = defaultDocument();
    document.language = 'fr';
    document.plans[0].calendar = 'nowhere';
    document.plans[1].atRiskShare = 1.5;
    const path = file('bad.json', JSON.stringify(document));
    const result = await runCli(['policy', 'check', path], { env: {} });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`sla-bridge: policy_invalid: ${path} has 3 mistakes:`);
    expect(lines.slice(1).sort()).toEqual(
      [
        `  ${path}.language: language must be "en" or "es"`,
        `  ${path}.plans[0].calendar: unknown calendar "nowhere" (defined: london-business-hours, london-24x7)`,
        `  ${path}.plans[1].atRiskShare: atRiskShare must be less than 1`,
      ].sort(),
    );
  });

  it.each([
    ['not JSON', '{ "plans": [', /is not valid JSON/],
    ['missing', null, /cannot read the policy file/],
  ])('exits 2 for a file that is %s', async (_label, content, message) => {
    const path = content === null ? join(dir, 'absent.json') : file('broken.json', content);
    const result = await runCli(['policy', 'check', path], { env: {} });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('sla-bridge calendar eval --policy', () => {
  it("lets lines name the policy's calendars, with the policy's holiday overrides", async () => {
    const withClosure = file(
      'closure.json',
      JSON.stringify({
        ...defaultDocument(),
        holidayOverrides: { add: [{ date: '2023-05-09', name: 'Office move' }], remove: [] },
      }),
    );
    const input = [
      JSON.stringify({
        op: 'add',
        calendar: 'london-business-hours',
        start: '2023-05-05T15:45:00Z',
        minutes: 240,
      }),
      JSON.stringify({ op: 'add', calendar: 'london-24x7', start: '2023-05-05T15:45:00Z', minutes: 240 }),
    ].join('\n');
    const plain = await runCli(
      ['calendar', 'eval', '--policy', join(ROOT, 'schemas', 'default-policy.json')],
      { input, env: {} },
    );
    expect(plain.stdout).toBe('{"result":"2023-05-09T11:15:00Z"}\n{"result":"2023-05-05T19:45:00Z"}\n');
    const closed = await runCli(['calendar', 'eval', '--policy', withClosure], { input, env: {} });
    expect(closed.stdout.split('\n')[0]).toBe('{"result":"2023-05-10T11:15:00Z"}');
  });

  it('refuses --policy together with --holiday-overrides', async () => {
    const result = await runCli(
      [
        'calendar',
        'eval',
        '--policy',
        join(ROOT, 'schemas', 'default-policy.json'),
        '--holiday-overrides',
        'x.json',
      ],
      { env: {} },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/do not combine it with --holiday-overrides/);
  });
});
