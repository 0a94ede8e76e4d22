/**
 * The one base error of the bridge. Every error a user or a script can see carries a stable
 * string `code` (never renamed once released: scripts match on it) and a `cause` for debugging.
 * Messages must never contain secrets; `details` holds structured facts for `--json` output,
 * typed per code (errors/error-details.ts).
 */
import { type DetailsByCode, type NoDetails, SUITECRM_CODES, type SuiteCrmCode } from './error-details.js';

export const ERROR_CODES = [
  // Input a person or a script gave us.
  'usage', // bad command-line arguments
  'config_invalid', // environment / .env values
  'calendar_invalid', // a calendar object
  'policy_invalid', // the policy file
  'input_invalid', // any other input document (JSON lines, files)
  'holidays_unknown_year', // a year no holiday source covers
  // SuiteCRM and the network (auth_failed, not_found, invalid_request, rate_limited, unavailable,
  // timeout, bad_response): one details type for all of them.
  ...SUITECRM_CODES,
  // The bridge's own store.
  'store_unavailable',
  'store_conflict', // lease lost / fencing token stale
  // Domain.
  'not_computed', // a record's data cannot be computed
  // Checks that ran and found problems (doctor, eval lines).
  'check_failed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The details a code carries (errors/error-details.ts). */
export type ErrorDetails<C extends ErrorCode> = Readonly<DetailsByCode[C]>;

export interface BridgeErrorOptions<C extends ErrorCode = ErrorCode> {
  cause?: unknown;
  details?: ErrorDetails<C>;
}

export class BridgeError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: ErrorDetails<C>;

  constructor(code: C, message: string, options: BridgeErrorOptions<C> = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BridgeError';
    this.code = code;
    // Every details type has only optional keys (checked in error-details.ts), so none is valid for each.
    this.details = options.details ?? (EMPTY as ErrorDetails<C>);
  }

  toJSON(): { code: C; message: string; details?: ErrorDetails<C> } {
    return Object.keys(this.details).length === 0
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

const EMPTY: NoDetails = Object.freeze({});

/** A BridgeError of one definite code: checking `code` narrows `details`. */
export type AnyBridgeError = { [C in ErrorCode]: BridgeError<C> }[ErrorCode];

export function isBridgeError(value: unknown): value is AnyBridgeError {
  return value instanceof BridgeError;
}

/** True for a BridgeError of this code, typed so that its details are that code's. */
export function hasCode<C extends ErrorCode>(value: unknown, code: C): value is BridgeError<C> {
  return value instanceof BridgeError && value.code === code;
}

const SUITECRM = new Set<ErrorCode>(SUITECRM_CODES);

/** True for the codes the SuiteCRM client raises; their details are one `SuiteCrmDetails`. */
export function isSuiteCrmError(value: unknown): value is BridgeError<SuiteCrmCode> {
  return value instanceof BridgeError && SUITECRM.has(value.code);
}

/**
 * The same error with the number of attempts recorded, for the retry loop when it gives up: a
 * new error (details are read-only) with the same code, message, cause and stack.
 */
export function withAttempts<C extends SuiteCrmCode>(
  error: BridgeError<C>,
  attempts: number,
): BridgeError<C> {
  const details = { ...error.details, attempts } as ErrorDetails<C>;
  const copy = new BridgeError(error.code, error.message, { cause: error.cause, details });
  if (error.stack !== undefined) copy.stack = error.stack;
  return copy;
}
