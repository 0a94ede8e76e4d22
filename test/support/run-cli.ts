import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Runs the built `sla-bridge` binary exactly as a user would (npm test builds it first). */
export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bridge', 'bin', 'sla-bridge.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import` this to pin the process's `Date.now()` to `BRIDGE_TEST_NOW` (see the file). */
export const PINNED_CLOCK = join(ROOT, 'test', 'support', 'pinned-clock.mjs');

export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<CliResult> {
  if (!existsSync(join(ROOT, 'build', 'bridge', 'src', 'cli', 'main.js'))) {
    throw new Error('build/ is missing: run `npm run build` (npm test does it first)');
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    child.stdin.end(options.input ?? '');
  });
}
