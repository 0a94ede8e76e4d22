import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The V8 stand-in in its own process, as the benchmarks and the demo run it, with its HTTP control API. */
export const ROOT = join(import.meta.dirname, '..', '..');

export interface StandInProcess {
  url: string;
  control: string;
  counts: Record<string, number>;
  seedMs: number;
  counters(): Promise<{ total: number; byRoute: Record<string, number> }>;
  resetCounters(): Promise<void>;
  staffEdit(module: string, id: string, attributes: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

export async function startStandInProcess(args: string[]): Promise<StandInProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'build/bridge/src/standin/main.js'), '--port', '0', ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  const ready = JSON.parse(line) as {
    url: string;
    control: string;
    counts: Record<string, number>;
    seedMs: number;
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const send = () =>
      fetch(`${ready.control}${path}`, {
        method,
        ...(body === undefined
          ? {}
          : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      });
    // A kept-alive socket the stand-in closed while a long sync ran fails once: send again.
    const answer = await send().catch(() => send());
    if (!answer.ok)
      throw new Error(`stand-in control ${method} ${path}: ${answer.status} ${await answer.text()}`);
    return answer.json() as Promise<unknown>;
  };
  return {
    ...ready,
    counters: () => call('GET', '/counters') as Promise<{ total: number; byRoute: Record<string, number> }>,
    resetCounters: async () => {
      await call('DELETE', '/counters');
    },
    staffEdit: async (module, id, attributes) => {
      await call('POST', '/staff-edit', { module, id, attributes });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
