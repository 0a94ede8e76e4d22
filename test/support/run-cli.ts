import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
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

export interface CliOptions {
  env?: Record<string, string>;
  nodeArgs?: string[];
}

/** Starts the binary and leaves it running (a test that kills it mid-run), its output ignored. */
export function spawnCli(args: string[], options: CliOptions = {}): ChildProcess {
  return startCli(args, options, 'ignore');
}

function startCli(args: string[], options: CliOptions, stdio: 'pipe' | 'ignore'): ChildProcess {
  if (!existsSync(join(ROOT, 'build', 'bridge', 'src', 'cli', 'main.js'))) {
    throw new Error('build/ is missing: run `npm run build` (npm test does it first)');
  }
  return spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: [stdio, stdio, stdio],
  });
}

export function runCli(args: string[], options: CliOptions & { input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, options, 'pipe') as ChildProcessWithoutNullStreams;
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
