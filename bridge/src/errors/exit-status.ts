import type { ErrorCode } from './bridge-error.js';

/**
 * Exit statuses scripts can trust. 0 = success; 1 = the command ran but found failures
 * (a bad line in `calendar eval`, a failed `doctor` check); the rest say what kind of
 * problem stopped the command.
 */
export const EXIT = {
  ok: 0,
  failures: 1,
  usage: 2, // bad arguments or bad input documents / configuration
  suitecrm: 3, // SuiteCRM unreachable, refused our credentials, or answered nonsense
  store: 4, // the bridge's own database
  internal: 70, // a bug (EX_SOFTWARE)
} as const;

const BY_CODE: Record<ErrorCode, number> = {
  usage: EXIT.usage,
  config_invalid: EXIT.usage,
  calendar_invalid: EXIT.usage,
  policy_invalid: EXIT.usage,
  input_invalid: EXIT.usage,
  holidays_unknown_year: EXIT.usage,
  auth_failed: EXIT.suitecrm,
  not_found: EXIT.suitecrm,
  invalid_request: EXIT.suitecrm,
  rate_limited: EXIT.suitecrm,
  unavailable: EXIT.suitecrm,
  timeout: EXIT.suitecrm,
  bad_response: EXIT.suitecrm,
  store_unavailable: EXIT.store,
  store_conflict: EXIT.store,
  not_computed: EXIT.failures,
  check_failed: EXIT.failures,
  internal: EXIT.internal,
};

export function exitStatusFor(code: ErrorCode): number {
  return BY_CODE[code];
}
