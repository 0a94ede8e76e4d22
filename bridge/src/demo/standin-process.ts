import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BridgeError } from '../errors/bridge-error.js';

/**
 * The V8 stand-in (a fake SuiteCRM) in a process of its own, driven through its HTTP control
 * API. The demo talks to it exactly as it would to a real SuiteCRM (the V8 API, over HTTP)
 * and sets the scene through `/__standin`, which no real SuiteCRM serves.
 */
export interface StandInRow {
  id: string;
  [column: string]: string | null;
}

export interface SaveAs {
  /** The SuiteCRM user saving (a person in the web UI by default). */
  userId?: string;
}

export interface CounterSnapshot {
  total: number;
  byRoute: Record<string, number>;
  tokensIssued: number;
}

export interface StandInProcess {
  /** http://127.0.0.1:PORT */
  url: string;
  apiUrl: string;
  controlUrl: string;
  pid: number;
  /** Records of each module it was seeded with. */
  counts: Record<string, number>;
  seedMs: number;
  setNow(epochMs: number): Promise<void>;
  /** Moves its clock on (as if that much time passed). */
  advance(ms: number): Promise<void>;
  resetCounters(): Promise<void>;
  /** Lets the stand-in's clock run with real time from where it stands. */
  runClock(): Promise<void>;
  staffCreate(module: string, attributes: Record<string, string>, as?: SaveAs): Promise<StandInRow>;
  staffEdit(module: string, id: string, attributes: Record<string, string>, as?: SaveAs): Promise<StandInRow>;
  counters(): Promise<CounterSnapshot>;
  /** SIGTERM, then SIGKILL if it has not gone within a few seconds. Safe to call twice. */
  stop(): Promise<void>;
}

interface Ready {
  type: 'ready';
  url: string;
  apiUrl: string;
  control: string;
  pid: number;
  counts: Record<string, number>;
  seedMs: number;
}

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * The compiled stand-in entry point: next to this compiled file (build/bridge/src/standin/main.js),
 * or, when this module runs from source (tests, benchmarks under tsx), the one in build/.
 */
export function standInMainPath(): string {
  const compiled = fileURLToPath(new URL('../standin/main.js', import.meta.url));
  const fromSource = fileURLToPath(new URL('../../../build/bridge/src/standin/main.js', import.meta.url));
  const path = existsSync(compiled) ? compiled : fromSource;
  if (!existsSync(path)) {
    throw new BridgeError(
      'internal',
      `the compiled stand-in is missing (${path}): run \`npm run build\` (npm ci does it) and try again`,
    );
  }
  return path;
}

export interface StandInProcessOptions {
  now: number;
  seed: number;
  /** Generated accounts (each with 10 cases and 30 time entries); 0 for an empty SuiteCRM. */
  accounts?: number;
  clock?: 'frozen' | 'running';
  /** Added latency per request, e.g. `50-70` (milliseconds, slept for real). */
  latency?: string;
  /** The CPU-bound model: SuiteCRM's cores, AOD on or off, audited fields (`Cases=a,b`; default the catalogue's). */
  cpu?: {
    cores: number;
    aod?: boolean;
    audited?: string;
    timeEntryNames?: 'loaded' | 'one-query';
    rest?: 'off-core' | 'on-core';
  };
}

export async function startStandInProcess(options: StandInProcessOptions): Promise<StandInProcess> {
  const args = [
    '--port',
    '0',
    '--seed',
    String(options.seed),
    '--accounts',
    String(options.accounts ?? 0),
    '--now',
    new Date(options.now).toISOString(),
    '--clock',
    options.clock ?? 'frozen',
    ...(options.latency ? ['--latency', options.latency, '--latency-mode', 'real'] : []),
    ...(options.cpu
      ? [
          '--cpu-cores',
          String(options.cpu.cores),
          '--cpu-aod',
          options.cpu.aod === false ? 'off' : 'on',
          ...(options.cpu.audited === undefined ? [] : ['--cpu-audited', options.cpu.audited]),
          ...(options.cpu.timeEntryNames === undefined ? [] : ['--cpu-te-names', options.cpu.timeEntryNames]),
          ...(options.cpu.rest === undefined ? [] : ['--cpu-rest', options.cpu.rest]),
        ]
      : []),
  ];
  // No inherited environment or Node flags: the stand-in needs none, and nothing of the
  // caller's configuration (SUITECRM_*, NODE_OPTIONS) should reach it.
  // Its own process group: Ctrl-C at a terminal reaches only the demo, which stops the daemon
  // first and the stand-in last. Should the demo die outright, the IPC channel closes and the
  // stand-in stops itself.
  const child = fork(standInMainPath(), args, {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: [],
    env: {},
    detached: true,
  });
  // Kept to explain a failed start; once it runs, anything it says goes to our stderr.
  const stderr: string[] = [];
  let started = false;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (started) process.stderr.write(`stand-in: ${chunk}`);
    else stderr.push(chunk);
  });
  const ready = await waitForReady(child, stderr);
  started = true;
  return controlClient(child, ready);
}

function waitForReady(child: ChildProcess, stderr: string[]): Promise<Ready> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new BridgeError('internal', `the sandbox SuiteCRM (stand-in) did not start: ${why}`));
    };
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as Ready).type === 'ready') {
        cleanup();
        resolve(message as Ready);
      }
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(
        `it exited (${signal ?? `status ${code}`})${stderr.length > 0 ? `: ${stderr.join('').trim()}` : ''}`,
      );
    const onError = (error: Error) => fail(error.message);
    const timer = setTimeout(() => fail(`no answer within ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

function controlClient(child: ChildProcess, ready: Ready): StandInProcess {
  let exitCode: number | null | undefined;
  const gone = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      exitCode = child.exitCode;
      resolve();
      return;
    }
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    });
  });

  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const send = () =>
      fetch(`${ready.control}${path}`, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    // A kept-alive socket the stand-in closed while the caller was busy fails: send again (each
    // failure drops one stale socket from the pool).
    let response: Response | undefined;
    for (let attempt = 1; response === undefined; attempt++) {
      try {
        response = await send();
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
    const answer = (await response.json()) as T & { error?: string };
    if (!response.ok) {
      throw new BridgeError(
        'internal',
        `sandbox control ${method} ${path}: ${answer.error ?? `HTTP ${response.status}`}`,
      );
    }
    return answer;
  };
  const save = (as: SaveAs | undefined) => (as?.userId ? { userId: as.userId } : {});

  return {
    url: ready.url,
    apiUrl: ready.apiUrl,
    controlUrl: ready.control,
    pid: ready.pid,
    counts: ready.counts,
    seedMs: ready.seedMs,
    setNow: async (epochMs) => {
      await call('POST', '/clock', { now: epochMs });
    },
    advance: async (ms) => {
      await call('POST', '/clock', { advanceMs: ms });
    },
    resetCounters: async () => {
      await call('DELETE', '/counters');
    },
    runClock: async () => {
      await call('POST', '/clock', { mode: 'running' });
    },
    staffCreate: async (module, attributes, as) =>
      (await call<{ record: StandInRow }>('POST', '/staff-create', { module, attributes, ...save(as) }))
        .record,
    staffEdit: async (module, id, attributes, as) =>
      (await call<{ record: StandInRow }>('POST', '/staff-edit', { module, id, attributes, ...save(as) }))
        .record,
    counters: () => call<CounterSnapshot>('GET', '/counters'),
    stop: async () => {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await gone;
      clearTimeout(timer);
    },
  };
}
