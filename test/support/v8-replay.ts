import nock from 'nock';
import { expect, vi } from 'vitest';
import { BridgeError, isSuiteCrmError } from '../../bridge/src/errors/bridge-error.js';
import type { SuiteCrmCode } from '../../bridge/src/errors/error-details.js';
import { configureLogging } from '../../bridge/src/logging/logger.js';
import type { Clock, SuiteCrmClientConfig } from '../../bridge/src/suitecrm/index.js';
import { type Capture, loadCapture } from './capture-file.js';

/**
 * Replays the real SuiteCRM captures as nock replies: the reply is the captured status,
 * headers and body byte for byte (minus the framing headers nock recomputes); the request
 * matcher is the captured method, path and query, so a client that asks for something else
 * gets no reply at all (`nock.disableNetConnect()`).
 */
export const BASE_URL = 'http://127.0.0.1:8080';

/** The captures' client_credentials client (acts as admin, time zone UTC) and password-grant client. */
export const CC_CLIENT = { id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000001', secret: 'lab-cc-secret-0001' };
export const PW_CLIENT = {
  id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000002',
  secret: 'lab-pw-secret-0001',
  username: 'admin',
  password: 'Admin123!lab',
};

const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection']);

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export function captureReply(capture: Capture): Reply {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(capture.response.headers)) {
    if (!FRAMING.has(name)) headers[name] = value;
  }
  return { status: capture.response.status, body: capture.response.body, headers };
}

/** Splits `/Api/V8/module/Accounts?page[size]=2` into its path and decoded query. */
export function splitPath(path: string): { pathname: string; query: Record<string, string> } {
  const mark = path.indexOf('?');
  if (mark < 0) return { pathname: path, query: {} };
  const query: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(path.slice(mark + 1))) query[key] = value;
  return { pathname: path.slice(0, mark), query };
}

export interface InterceptOptions {
  /** Match this query instead of the captured one (for requests our client builds differently). */
  query?: Record<string, string>;
  /** Match this path instead of the captured one. */
  pathname?: string;
  times?: number;
  /** Match the request body against the captured JSON body (default true when there is one). */
  matchBody?: boolean;
  /** Replace the reply (status, body or headers). */
  reply?: Partial<Reply>;
}

/** One interceptor replaying `name`; API requests must carry `Authorization: Bearer <token>`. */
export function replay(name: string, options: InterceptOptions = {}): nock.Scope {
  const capture = loadCapture(name);
  const split = splitPath(capture.request.path);
  const pathname = options.pathname ?? split.pathname;
  const query = options.query ?? split.query;
  const reply = { ...captureReply(capture), ...options.reply };
  const body = options.matchBody === false ? undefined : capturedBody(capture);
  const scope = nock(BASE_URL);
  let interceptor = scope.intercept(
    pathname,
    capture.request.method,
    body as nock.RequestBodyMatcher | undefined,
  );
  if (!pathname.endsWith('/access_token')) {
    interceptor = interceptor.matchHeader('authorization', /^Bearer [A-Za-z0-9._~+/=-]+$/);
  }
  interceptor = interceptor.query(query);
  if (options.times !== undefined) interceptor = interceptor.times(options.times);
  return interceptor.reply(reply.status, reply.body, reply.headers);
}

function capturedBody(capture: Capture): unknown {
  if (capture.request.body === undefined) return undefined;
  try {
    return JSON.parse(capture.request.body);
  } catch {
    return capture.request.body;
  }
}

/** The client_credentials token of capture 03 (form-encoded, as the client sends it), for `times` token requests. */
export function replayToken(times = 1): nock.Scope {
  return replay('03-token-client_credentials-form', { times });
}

export interface FakeClock extends Clock {
  /** Every wait the client asked for, in order. */
  sleeps: number[];
  advance(ms: number): void;
}

/** Time stands still unless a test or a retry wait moves it; sleep resolves at once. */
export function fakeClock(start = Date.parse('2026-11-25T13:00:00Z')): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
}

export function testConfig(overrides: Partial<SuiteCrmClientConfig> = {}): SuiteCrmClientConfig {
  return {
    baseUrl: BASE_URL,
    apiPath: '/Api',
    auth: { grant: 'client_credentials', clientId: CC_CLIENT.id, clientSecret: CC_CLIENT.secret },
    timeoutMs: 5_000,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, retryAfterCapMs: 5_000 },
    clock: fakeClock(),
    random: () => 0.5,
    ...overrides,
  };
}

/** Collects every log line the bridge writes (JSON, debug level) until `stop()`. */
export function captureLogs(): { lines: string[]; stop(): void } {
  const lines: string[] = [];
  const target = (console as unknown as { _stderr?: NodeJS.WritableStream })._stderr;
  const spy = target
    ? vi.spyOn(target, 'write').mockImplementation((chunk: unknown) => {
        lines.push(String(chunk));
        return true;
      })
    : vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(' '));
      });
  configureLogging({ level: 'debug', format: 'json' });
  return {
    lines,
    stop() {
      configureLogging({ level: 'silent', format: 'pretty' });
      spy.mockRestore();
    },
  };
}

/** The BridgeError a promise rejects with (fails the test when it resolves or rejects with anything else). */
/** The client's rejection: a BridgeError of one of the client's codes, whose details are typed. */
export async function rejection(promise: Promise<unknown>): Promise<BridgeError<SuiteCrmCode>> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(BridgeError);
    if (!isSuiteCrmError(error)) throw new Error(`not a SuiteCRM client error: ${String(error)}`);
    return error;
  }
  throw new Error('expected a rejection');
}
