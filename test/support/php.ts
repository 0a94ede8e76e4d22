import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Repository root, for tests that run PHP on the package files. */
export const ROOT = join(import.meta.dirname, '..', '..');

export interface PhpRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `php <args>` from the repository root (synchronously; PHP starts in a few ms). */
export function runPhp(args: readonly string[], input?: string): PhpRun {
  const result = spawnSync('php', args, { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a repository directory, as repository paths. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(ROOT, relative), { withFileTypes: true })) {
      const path = `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}
