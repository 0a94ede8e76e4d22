import { type BridgeError, isBridgeError, isSuiteCrmError } from '../errors/bridge-error.js';
import type { SuiteCrmCode } from '../errors/error-details.js';
import type { RetrySettings } from './suitecrm-config.js';

/**
 * The one place that decides whether a failed request is tried again, and after how long.
 * Pure: the attempt number, the settings and the jitter draw are arguments.
 *
 * Retried: network failures, timeouts (incl. 408), 429, 5xx, and 2xx bodies that are not JSON
 * at all (a body cut short). Never retried: what SuiteCRM refused on purpose (400s, the token
 * endpoint's 500s, which mean bad credentials), TLS failures, errors that already went through
 * a retry loop, and non-idempotent requests that may have reached the server.
 */
export interface RetryDecision {
  retry: boolean;
  /** Milliseconds to wait before the next attempt (0 when not retrying). */
  waitMs: number;
  reason: string;
}

export interface RetryContext {
  /** 1-based number of the attempt that just failed. */
  attempt: number;
  /** GET, DELETE, PATCH (sets values), POST with a client-chosen id, token requests. */
  idempotent: boolean;
  settings: RetrySettings;
  /** One draw in [0, 1) for the jitter. */
  random: number;
}

/**
 * The retry settings the bridge and its tests use, by name, so a caller says which behaviour it
 * wants rather than restating four numbers.
 */
export const RETRY_POLICIES = {
  /** The sync, the daemon and the commands: rides out a SuiteCRM restart or a proxy's 429. */
  standard: { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000, retryAfterCapMs: 120_000 },
  /** `doctor`: fewer, shorter retries, so it answers in seconds when SuiteCRM is down. */
  doctor: { maxAttempts: 2, baseDelayMs: 300, maxDelayMs: 2_000, retryAfterCapMs: 5_000 },
  /** One attempt: probes and checks that must see the first answer as it is. */
  once: { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, retryAfterCapMs: 0 },
  /**
   * Tests and benchmarks: the standard number of attempts, waits of a millisecond or two, so a
   * fault costs no wall-clock time while the retry decisions stay the production ones.
   */
  rapid: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2, retryAfterCapMs: 10 },
} as const satisfies Record<string, RetrySettings>;

export type RetryPolicyName = keyof typeof RETRY_POLICIES;

export function classify(error: unknown, context: RetryContext): RetryDecision {
  if (!isSuiteCrmError(error)) return stop(isBridgeError(error) ? error.code : 'unexpected error');
  const transient = transientReason(error);
  if (transient === undefined) return stop(error.code);
  if (error.details.attempts !== undefined) return stop('already retried');
  const notSent = error.details.notSent === true;
  if (!context.idempotent && !notSent) return stop(`${transient}, but the request is not idempotent`);
  if (context.attempt >= context.settings.maxAttempts) return stop(`${transient}, attempts exhausted`);
  const { retryAfterMs } = error.details;
  const waitMs =
    retryAfterMs !== undefined
      ? Math.min(Math.max(0, retryAfterMs), context.settings.retryAfterCapMs)
      : backoffDelay(context.attempt, context.settings, context.random);
  return { retry: true, waitMs, reason: transient };
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so waits
 * spread out across clients without ever collapsing to zero.
 */
export function backoffDelay(attempt: number, settings: RetrySettings, random: number): number {
  const exponential = settings.baseDelayMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(settings.maxDelayMs, exponential);
  const draw = Math.min(Math.max(random, 0), 1);
  return Math.round(capped / 2 + (capped / 2) * draw);
}

/**
 * `Retry-After` in seconds or as an HTTP date (RFC 9110 §10.2.3), as milliseconds from `now`;
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, date - now);
}

function stop(reason: string): RetryDecision {
  return { retry: false, waitMs: 0, reason };
}

function transientReason(error: BridgeError<SuiteCrmCode>): string | undefined {
  const { status } = error.details;
  switch (error.code) {
    case 'timeout':
      return status === undefined ? 'timeout' : `HTTP ${status}`;
    case 'rate_limited':
      return `HTTP ${status ?? 429}`;
    case 'unavailable':
      if (error.details.tls === true) return undefined;
      return status === undefined ? `network error ${error.details.network ?? ''}`.trim() : `HTTP ${status}`;
    case 'bad_response':
      return error.details.truncated === true ? 'body cut short' : undefined;
    default:
      return undefined;
  }
}
