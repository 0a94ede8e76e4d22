import { z } from 'zod';
import { BridgeError } from '../errors/bridge-error.js';
import { formatIssues } from '../errors/zod-issues.js';

/**
 * Everything the V8 client needs, passed in by the caller (the config module parses the
 * environment; this module never reads it).
 */
export type SuiteCrmAuth =
  | { grant: 'client_credentials'; clientId: string; clientSecret: string }
  | { grant: 'password'; clientId: string; clientSecret: string; username: string; password: string };

export interface RetrySettings {
  /** Attempts per request, the first included (1 = never retry). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server's Retry-After is honoured up to this many milliseconds. */
  retryAfterCapMs: number;
}

/**
 * Time as the client sees it. `sleep` is only used for waits between attempts; request
 * timeouts use real timers inside the transport, so a test clock whose sleep resolves at once
 * makes retries instant without making every request time out.
 */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface SuiteCrmClientConfig {
  /** `https://crm.example.com` (no API path; a trailing slash is ignored). */
  baseUrl: string;
  /** `/Api` (SuiteCRM 7) or `/legacy/Api` (SuiteCRM 8); detected on first use when absent. */
  apiPath?: string;
  auth: SuiteCrmAuth;
  /** Deadline of each HTTP request, from connect to the last byte of the body. */
  timeoutMs: number;
  /** Requests in flight at once, shared by every call of one client (default 4). */
  concurrency?: number;
  /** Rows per list request (default 100; SuiteCRM has no maximum). */
  pageSize?: number;
  retry: RetrySettings;
  clock: Clock;
  /** Extra trusted CA certificates (PEM text), added to Node's built-in roots. */
  caBundle?: string;
  /** Jitter source in [0, 1); Math.random by default. */
  random?: () => number;
}

export const DEFAULT_CONCURRENCY = 2;
export const DEFAULT_PAGE_SIZE = 100;

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const positiveInt = z.number().int().positive();
const nonEmpty = z.string().min(1);

const configSchema = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .refine((url) => !/^[a-z]+:\/\/[^/]*@/i.test(url), 'must not contain a user name or password'),
  apiPath: z
    .string()
    .regex(/^\/?[A-Za-z0-9._~/-]*$/, 'must be a URL path such as /Api or /legacy/Api')
    .optional(),
  auth: z.discriminatedUnion('grant', [
    z.object({ grant: z.literal('client_credentials'), clientId: nonEmpty, clientSecret: nonEmpty }),
    z.object({
      grant: z.literal('password'),
      clientId: nonEmpty,
      clientSecret: nonEmpty,
      username: nonEmpty,
      password: nonEmpty,
    }),
  ]),
  timeoutMs: positiveInt,
  concurrency: positiveInt.optional(),
  pageSize: positiveInt.optional(),
  retry: z.object({
    maxAttempts: positiveInt,
    baseDelayMs: z.number().int().nonnegative(),
    maxDelayMs: z.number().int().nonnegative(),
    retryAfterCapMs: z.number().int().nonnegative(),
  }),
});

/** Checks the values a person configured; every problem in one `config_invalid` error, no values echoed. */
export function checkClientConfig(config: SuiteCrmClientConfig): void {
  const result = configSchema.safeParse(config);
  if (!result.success) {
    throw new BridgeError(
      'config_invalid',
      `SuiteCRM client settings: ${formatIssues(result.error.issues, '')}`,
    );
  }
}
