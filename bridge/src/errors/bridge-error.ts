/**
 * The one base error of the bridge. Every error a user or a script can see carries a stable
 * string `code` (never renamed once released: scripts match on it) and a `cause` for debugging.
 * Messages must never contain secrets; `details` holds structured facts for `--json` output.
 */
export const ERROR_CODES = [
  // Input a person or a script gave us.
  'usage', // bad command-line arguments
  'config_invalid', // environment / .env values
  'calendar_invalid', // a calendar object
  'policy_invalid', // the policy file
  'input_invalid', // any other input document (JSON lines, files)
  'holidays_unknown_year', // a year no holiday source covers
  // SuiteCRM and the network.
  'auth_failed',
  'not_found',
  'invalid_request',
  'rate_limited',
  'unavailable',
  'timeout',
  'bad_response',
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

export interface BridgeErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
}

export class BridgeError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: BridgeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BridgeError';
    this.code = code;
    this.details = options.details ?? {};
  }

  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
    return Object.keys(this.details).length === 0
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isBridgeError(value: unknown): value is BridgeError {
  return value instanceof BridgeError;
}
