import { isBridgeError } from '../errors/bridge-error.js';

/**
 * The failures that say SuiteCRM itself cannot be worked with now (down, too slow, refusing the
 * rate or the credentials), after the client's retries: sending more requests would only wait
 * out the same failure. Anything else (a bad record, a refused field) is about one request.
 */
const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'unavailable',
  'timeout',
  'rate_limited',
  'auth_failed',
]);

export function isUnreachable(error: unknown): boolean {
  return isBridgeError(error) && UNREACHABLE_CODES.has(error.code);
}
