import { isSuiteCrmError, withAttempts } from '../errors/bridge-error.js';
import type { Logger } from '../logging/logger.js';
import { classify } from './retry-policy.js';
import type { Clock, RetrySettings } from './suitecrm-config.js';

export interface RetryOptions {
  idempotent: boolean;
  settings: RetrySettings;
  clock: Clock;
  random: () => number;
  log: Logger;
  /** `GET /Api/V8/module/Cases` for the log line. */
  label: string;
}

/**
 * The one retry loop: run, ask `classify`, wait through the injected clock, run again. When
 * it gives up, it throws the error again with the number of attempts made (`details.attempts`,
 * see `withAttempts`), which also keeps an outer loop from retrying it again.
 */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      const decision = classify(error, {
        attempt,
        idempotent: options.idempotent,
        settings: options.settings,
        random: options.random(),
      });
      if (!decision.retry) {
        throw isSuiteCrmError(error) && error.details.attempts === undefined
          ? withAttempts(error, attempt)
          : error;
      }
      options.log.warn('retrying SuiteCRM request', {
        request: options.label,
        attempt,
        reason: decision.reason,
        waitMs: decision.waitMs,
      });
      await options.clock.sleep(decision.waitMs);
    }
  }
}
