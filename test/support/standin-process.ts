import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { JournalEntry } from '../../bridge/src/standin/control/write-journal.js';
import type { CounterSnapshot } from '../../bridge/src/standin/index.js';
import {
  createSuiteCrmClient,
  RETRY_POLICIES,
  type SuiteCrmClient,
} from '../../bridge/src/suitecrm/index.js';
import { ROOT } from './run-cli.js';
import { LAB_CLIENT } from './sync-harness.js';

/**
 * The V8 stand-in in a process of its own, as the bridge's CLI meets it in production-like
 * tests: started with `main.js` arguments, driven through its HTTP control API.
 */
export interface StandInProcess {
  url: string;
  pid: number;
  /** JSON to and from `/__standin/<path>`. */
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  counters(): Promise<CounterSnapshot>;
  writes(): Promise<JournalEntry[]>;
  /** Moves the frozen clock to an instant. */
  setNow(ms: number): Promise<void>;
  /** A V8 client of the test's own (the lab client, no retries' waits) for reading back. */
  client(): SuiteCrmClient;
  stop(): Promise<void>;
}

export async function startStandInProcess(args: string[]): Promise<StandInProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [`${ROOT}/build/bridge/src/standin/main.js`, '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the stand-in exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  const ready = JSON.parse(first) as { url: string; control: string; pid: number };
  const control = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const answer = await fetch(`${ready.control}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
    if (!answer.ok) throw new Error(`stand-in control ${method} ${path}: ${answer.status}`);
    return (await answer.json()) as T;
  };
  const clients: SuiteCrmClient[] = [];
  return {
    url: ready.url,
    pid: ready.pid,
    control,
    counters: () => control<CounterSnapshot>('GET', '/counters'),
    writes: () => control<JournalEntry[]>('GET', '/writes'),
    setNow: async (ms) => {
      await control('POST', '/clock', { now: ms });
    },
    client: () => {
      const client = createSuiteCrmClient({
        baseUrl: ready.url,
        apiPath: '/Api',
        auth: { grant: 'client_credentials', ...LAB_CLIENT },
        timeoutMs: 10_000,
        pageSize: 100,
        retry: RETRY_POLICIES.once,
        clock: { now: Date.now, sleep: async () => {} },
      });
      clients.push(client);
      return client;
    },
    stop: async () => {
      for (const client of clients) client.close();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
