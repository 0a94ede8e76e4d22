import { performance } from 'node:perf_hooks';
import pLimit, { type LimitFunction } from 'p-limit';
import type { Logger } from '../logging/logger.js';
import { describeUrl, type HttpRequest, type HttpResponse, type HttpTransport } from './http-transport.js';
import { type RetryOptions, withRetry } from './retry.js';
import type { Clock, RetrySettings } from './suitecrm-config.js';

/**
 * What every request of one client shares: the transport, one concurrency limit (SuiteCRM
 * has no rate limiting of its own, and a PATCH costs it about 50 ms of PHP), the retry
 * settings and the logger. `exchange` is one attempt; `retrying` wraps attempts in the loop.
 */
export interface V8ConnectionOptions {
  transport: HttpTransport;
  concurrency: number;
  retry: RetrySettings;
  clock: Clock;
  random: () => number;
  log: Logger;
}

export class V8Connection {
  readonly clock: Clock;
  readonly log: Logger;
  private readonly limit: LimitFunction;
  private newestServerTime: number | undefined;

  constructor(private readonly options: V8ConnectionOptions) {
    this.clock = options.clock;
    this.log = options.log;
    this.limit = pLimit(options.concurrency);
  }

  /** One HTTP attempt inside the shared limit; logged at debug without headers or bodies. */
  exchange(request: HttpRequest): Promise<HttpResponse> {
    return this.limit(async () => {
      const started = performance.now();
      const path = describeUrl(request.url);
      try {
        const response = await this.options.transport.send(request);
        this.noteServerTime(response.headers.date);
        this.log.debug('suitecrm request', {
          method: request.method,
          path,
          status: response.status,
          durationMs: Math.round(performance.now() - started),
        });
        return response;
      } catch (error) {
        this.log.debug('suitecrm request failed', {
          method: request.method,
          path,
          error: error instanceof Error ? error.message : 'unknown',
          durationMs: Math.round(performance.now() - started),
        });
        throw error;
      }
    });
  }

  /**
   * The latest `Date` header of any answer so far: a lower bound of SuiteCRM's clock for every
   * request sent from now on (the keyset reader uses it to know which minutes are over).
   */
  get serverTime(): number | undefined {
    return this.newestServerTime;
  }

  private noteServerTime(header: string | undefined): void {
    if (header === undefined) return;
    const time = Date.parse(header);
    if (Number.isNaN(time)) return;
    if (this.newestServerTime === undefined || time > this.newestServerTime) this.newestServerTime = time;
  }

  retrying<T>(label: string, idempotent: boolean, operation: (attempt: number) => Promise<T>): Promise<T> {
    const options: RetryOptions = {
      idempotent,
      settings: this.options.retry,
      clock: this.options.clock,
      random: this.options.random,
      log: this.options.log,
      label,
    };
    return withRetry(operation, options);
  }

  close(): void {
    this.options.transport.close();
  }
}
