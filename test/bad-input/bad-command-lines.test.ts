import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../support/run-cli.js';

/**
 * Bad command lines and environments (`command-lines.json`): the process refuses to start, exit
 * 2, nothing on stdout, every problem on stderr at once; and `calendar eval` lines with every
 * kind of mistake (`calendar-eval-lines.json`), each answered with its own error.
 */
interface Corpus {
  base: Record<string, string>;
  arguments: Array<{ args: string[]; stderr: string[] }>;
  environments: Array<{ what: string; command: string[]; env: Record<string, string>; problems: string[] }>;
}

const CORPUS_DIR = import.meta.dirname;
const corpus = JSON.parse(readFileSync(join(CORPUS_DIR, 'command-lines.json'), 'utf8')) as Corpus;
const dir = mkdtempSync(join(tmpdir(), 'bad-command-lines-'));
const place = (text: string) => text.replaceAll('<dir>', dir).replaceAll('<corpus>', CORPUS_DIR);

/** `base` plus the item's settings, with "" meaning "not set". */
function environment(overrides: Record<string, string> = {}): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...corpus.base, ...overrides })) {
    if (value !== '') merged[key] = place(value);
  }
  return merged;
}

describe('bad command-line arguments', () => {
  it.each(corpus.arguments.map((item) => [item.args.join(' '), item] as const))(
    'sla-bridge %s: exit 2, a clear message, nothing on stdout',
    async (_label, item) => {
      const result = await runCli(item.args.map(place), { env: environment() });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toEqual(item.stderr.map(place));
    },
  );
});

describe('bad environment values', () => {
  const seen: Array<{ result: CliResult; env: Record<string, string> }> = [];

  it.each(corpus.environments.map((item) => [item.what, item] as const))(
    '%s: the process refuses to start, listing every problem at once',
    async (_label, item) => {
      const result = await runCli(item.command, { env: environment(item.env) });
      seen.push({ result, env: environment(item.env) });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      const count = item.problems.length;
      expect(lines[0]).toBe(
        `sla-bridge: config_invalid: invalid configuration (${count} problem${count === 1 ? '' : 's'}):`,
      );
      expect(lines.slice(1).sort()).toEqual(item.problems.map((problem) => `  ${place(problem)}`).sort());
    },
  );

  it('never prints a secret it was given', () => {
    expect(seen).toHaveLength(corpus.environments.length);
    for (const { result, env } of seen) {
      for (const secret of [env.SUITECRM_CLIENT_SECRET, env.SUITECRM_PASSWORD]) {
        if (secret) expect(result.stderr).not.toContain(secret);
      }
    }
  });

  it('a named .env file that does not exist is one clear message', async () => {
    const result = await runCli(['sync'], {
      env: environment({ BRIDGE_ENV_FILE: join(dir, 'missing.env') }),
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `sla-bridge: config_invalid: the configuration file ${join(dir, 'missing.env')} does not exist\n`,
    );
  });
});

describe('sla-bridge calendar eval with every kind of bad line', () => {
  const { lines } = JSON.parse(readFileSync(join(CORPUS_DIR, 'calendar-eval-lines.json'), 'utf8')) as {
    lines: Array<{ what: string; line: string; answer: { error: string } | { result: unknown } }>;
  };

  it('answers each line in order, each bad one with its error, and exits 1', async () => {
    const result = await runCli(['calendar', 'eval'], {
      input: `${lines.map((entry) => entry.line).join('\n')}\n`,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    const answers = result.stdout.trimEnd().split('\n');
    expect(answers).toHaveLength(lines.length);
    lines.forEach((entry, index) => {
      expect(JSON.parse(answers[index] as string), entry.what).toEqual(entry.answer);
    });
  });
});
