import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BridgeError, type ErrorDetails, withAttempts } from '../../../bridge/src/errors/bridge-error.js';
import type { SuiteCrmCode } from '../../../bridge/src/errors/error-details.js';
import { backoffDelay, classify, parseRetryAfter } from '../../../bridge/src/suitecrm/retry-policy.js';

const settings = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000, retryAfterCapMs: 60_000 };
const context = { attempt: 1, idempotent: true, settings, random: 0.5 };

function error(code: SuiteCrmCode, details: ErrorDetails<SuiteCrmCode> = {}): BridgeError {
  return new BridgeError(code, 'x', { details });
}

describe('classify', () => {
  const retried: Array<[string, BridgeError]> = [
    ['a network failure', error('unavailable', { network: 'ECONNRESET' })],
    ['a timeout', error('timeout', { network: 'deadline' })],
    ['a 408', error('timeout', { status: 408 })],
    ['a 429', error('rate_limited', { status: 429 })],
    ['a 502', error('unavailable', { status: 502 })],
    ['a 503', error('unavailable', { status: 503 })],
    ['a 2xx body cut short', error('bad_response', { truncated: true })],
  ];
  for (const [what, failure] of retried) {
    it(`retries ${what}`, () => {
      expect(classify(failure, context)).toMatchObject({ retry: true });
    });
  }

  const final: Array<[string, unknown]> = [
    ['a refusal (400)', error('invalid_request', { status: 400 })],
    ['a record not found', error('not_found', { status: 400 })],
    ["the token endpoint's 500 (refused credentials)", error('auth_failed', { status: 500 })],
    ['a TLS failure', error('unavailable', { network: 'DEPTH_ZERO_SELF_SIGNED_CERT', tls: true })],
    ['a well-formed body of the wrong shape', error('bad_response', {})],
    ['an error that already went through a retry loop', error('unavailable', { status: 503, attempts: 4 })],
    ['something that is not a BridgeError', new TypeError('bug')],
  ];
  for (const [what, failure] of final) {
    it(`does not retry ${what}`, () => {
      expect(classify(failure, context)).toMatchObject({ retry: false, waitMs: 0 });
    });
  }

  it('does not retry a non-idempotent request that may have reached the server', () => {
    expect(classify(error('unavailable', { status: 503 }), { ...context, idempotent: false })).toMatchObject({
      retry: false,
    });
    expect(classify(error('timeout', {}), { ...context, idempotent: false }).retry).toBe(false);
  });

  it('retries a non-idempotent request that never left (connection refused, DNS)', () => {
    const refused = error('unavailable', { network: 'ECONNREFUSED', notSent: true });
    expect(classify(refused, { ...context, idempotent: false }).retry).toBe(true);
  });

  it('stops at maxAttempts', () => {
    const failure = error('unavailable', { status: 503 });
    expect(classify(failure, { ...context, attempt: 3 }).retry).toBe(true);
    expect(classify(failure, { ...context, attempt: 4 })).toMatchObject({ retry: false });
  });

  it('waits what Retry-After says, up to the cap, instead of the backoff', () => {
    expect(classify(error('rate_limited', { retryAfterMs: 7_000 }), context).waitMs).toBe(7_000);
    expect(classify(error('rate_limited', { retryAfterMs: 3_600_000 }), context).waitMs).toBe(60_000);
    expect(classify(error('unavailable', { status: 503, retryAfterMs: 0 }), context).waitMs).toBe(0);
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt from the base, with half of it jittered, up to the maximum', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, settings, 0))).toEqual([
      250, 500, 1_000, 2_000,
    ]);
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, settings, 1))).toEqual([
      500, 1_000, 2_000, 4_000,
    ]);
    expect(backoffDelay(30, settings, 1)).toBe(30_000);
  });

  it('stays within [delay/2, delay] for any draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, random) => {
          const delay = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
          const wait = backoffDelay(attempt, settings, random);
          return wait >= Math.floor(delay / 2) && wait <= delay;
        },
      ),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T13:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 25 Nov 2026 13:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:00 GMT', now)).toBe(0); // already past
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
  });
});

describe('withAttempts', () => {
  it('records the attempts on a copy with the same code, message, cause and stack', () => {
    const cause = new Error('socket hang up');
    const original = new BridgeError('unavailable', 'cannot reach SuiteCRM', {
      cause,
      details: { method: 'GET', path: '/Api/V8/module/Cases', network: 'ECONNRESET' },
    });
    const retried = withAttempts(original, 4);
    expect(retried).toBeInstanceOf(BridgeError);
    expect(retried.code).toBe('unavailable');
    expect(retried.message).toBe('cannot reach SuiteCRM');
    expect(retried.cause).toBe(cause);
    expect(retried.stack).toBe(original.stack);
    expect(retried.details).toEqual({
      method: 'GET',
      path: '/Api/V8/module/Cases',
      network: 'ECONNRESET',
      attempts: 4,
    });
    expect(original.details.attempts).toBeUndefined();
    expect(classify(retried, context)).toEqual({ retry: false, waitMs: 0, reason: 'already retried' });
  });
});
