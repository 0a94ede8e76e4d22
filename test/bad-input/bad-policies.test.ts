import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/**
 * The bad-policy corpus (`policies/`, one kind of mistake per file and one file with all of
 * them): `sla-bridge policy check` exits 2 naming the path of every mistake, and `sync`, `run`
 * and `explain` with SLA_POLICY_FILE pointing at the file refuse to start with the same text.
 */
type Expected = string[] | { single: string } | { pattern: string };

const DIR = join(import.meta.dirname, 'policies');
const expectations = JSON.parse(
  readFileSync(join(import.meta.dirname, 'policy-mistakes.json'), 'utf8'),
) as Record<string, Expected | string>;
const files = Object.entries(expectations).filter(
  (entry): entry is [string, Expected] => !entry[0].startsWith('$'),
);

/** A SuiteCRM that is never reached: the commands must stop before they talk to it. */
const SUITECRM = {
  SUITECRM_URL: 'http://127.0.0.1:9',
  SUITECRM_CLIENT_ID: 'bridge-client',
  SUITECRM_CLIENT_SECRET: 'never-used-secret',
  BRIDGE_STORE_URL: join(DIR, 'no-store-here.sqlite'),
};

function expectMistakes(stderr: string, file: string, expected: Expected): void {
  const lines = stderr.trimEnd().split('\n');
  const withFile = (text: string) => text.replaceAll('<file>', file);
  if ('single' in expected) {
    expect(lines).toEqual([`sla-bridge: policy_invalid: ${withFile(expected.single)}`]);
    return;
  }
  if ('pattern' in expected) {
    expect(lines).toHaveLength(1);
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(lines[0]).toMatch(
      new RegExp(`^sla-bridge: policy_invalid: ${expected.pattern.slice(1).replaceAll('<file>', escaped)}`),
    );
    return;
  }
  const count = expected.length;
  expect(lines[0]).toBe(`sla-bridge: policy_invalid: ${file} has ${count} mistake${count === 1 ? '' : 's'}:`);
  expect(lines.slice(1).sort()).toEqual(expected.map((line) => `  ${withFile(line)}`).sort());
}

/** What `policy check` printed for each file, for the commands that must print the same. */
const checked = new Map<string, string>();
async function check(file: string): Promise<string> {
  const known = checked.get(file);
  if (known !== undefined) return known;
  const result = await runCli(['policy', 'check', file], { env: {} });
  checked.set(file, result.stderr);
  return result.stderr;
}

describe('sla-bridge policy check <file>', () => {
  it('the corpus has a file for each kind of mistake, and one with all of them', () => {
    expect(files.map(([name]) => name).sort()).toEqual([
      'bad-holiday-date.json',
      'bad-time-zone.json',
      'duplicate-plan-ids.json',
      'empty.json',
      'every-mistake.json',
      'missing-severity-target.json',
      'negative-minutes.json',
      'not-json.json',
      'share-above-one.json',
      'unknown-calendar.json',
      'unknown-key.json',
    ]);
  });

  it.each(files)('%s: exit 2, every mistake named by its path, nothing on stdout', async (name, expected) => {
    const file = join(DIR, name);
    const result = await runCli(['policy', 'check', file], { env: {} });
    checked.set(file, result.stderr);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expectMistakes(result.stderr, file, expected);
  });
});

describe('a command started with SLA_POLICY_FILE pointing at a bad policy', () => {
  it.each(files)('%s: `sync` refuses to start with the same text as policy check', async (name) => {
    const file = join(DIR, name);
    const sync = await runCli(['sync'], { env: { ...SUITECRM, SLA_POLICY_FILE: file } });
    expect(sync.status).toBe(2);
    expect(sync.stdout).toBe('');
    expect(sync.stderr).toBe(await check(file));
  });

  it('`run` and `explain` refuse the same way', async () => {
    const file = join(DIR, 'every-mistake.json');
    for (const args of [['run'], ['explain', '1042']]) {
      const result = await runCli(args, { env: { ...SUITECRM, SLA_POLICY_FILE: file } });
      expect(result.status, args[0]).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(await check(file));
    }
  });

  it('with other bad settings, the policy mistakes join their list: every problem at once', async () => {
    const file = join(DIR, 'every-mistake.json');
    const result = await runCli(['sync'], {
      env: { ...SUITECRM, SLA_POLICY_FILE: file, SUITECRM_PAGE_SIZE: 'ten' },
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    const mistakes = expectations['every-mistake.json'] as string[];
    expect(lines[0]).toBe(
      `sla-bridge: config_invalid: invalid configuration (${1 + mistakes.length} problems):`,
    );
    expect(lines.slice(1).sort()).toEqual(
      [
        '  SUITECRM_PAGE_SIZE: must be a whole number',
        ...mistakes.map((line) => `  SLA_POLICY_FILE: ${line.replaceAll('<file>', file)}`),
      ].sort(),
    );
  });
});
