import { BridgeError, isBridgeError } from '../errors/bridge-error.js';

/**
 * Turns driver errors (mysql2, better-sqlite3, knex's pool) into the bridge's stable codes.
 * Driver messages never hold the password (mysql2 says "using password: YES"), and `location`
 * is the password-free form of the store URL.
 */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_ACCESS_DENIED_ERROR',
  'ER_DBACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  'ER_CON_COUNT_ERROR',
  'ER_HOST_IS_BLOCKED',
  'ER_HOST_NOT_PRIVILEGED',
  'ER_SERVER_SHUTDOWN',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_IOERR',
  'SQLITE_FULL',
  'SQLITE_PERM',
  'SQLITE_AUTH',
]);

/** Lock conflicts a transaction can simply run again. */
const RETRYABLE = new Set([
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_LOCKED',
]);

export function driverCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  if ((error as { name?: unknown }).name === 'KnexTimeoutError') return 'KnexTimeoutError';
  return undefined;
}

export function isRetryableStoreError(error: unknown): boolean {
  const code = driverCode(error);
  return code !== undefined && (RETRYABLE.has(code) || code.startsWith('SQLITE_BUSY'));
}

function isMissingSchema(error: unknown, code: string | undefined): boolean {
  if (code === 'ER_NO_SUCH_TABLE') return true;
  return code === 'SQLITE_ERROR' && /no such table/i.test((error as Error).message);
}

export function missingSchemaError(location: string): BridgeError {
  return new BridgeError(
    'store_unavailable',
    `the store at ${location} has no schema (or an incomplete one): run \`sla-bridge migrate\``,
  );
}

/**
 * Maps an error from a store operation. BridgeErrors and errors without a driver code (a
 * TypeError from a repository's argument check, the caller's own errors) pass through.
 */
export function toStoreError(error: unknown, location: string): unknown {
  if (isBridgeError(error)) return error;
  const code = driverCode(error);
  if (code === undefined) return error;
  const message = shortMessage(error);
  if (code === 'KnexTimeoutError') {
    return new BridgeError(
      'store_unavailable',
      `the store at ${location} did not answer in time (${message})`,
      {
        cause: error,
      },
    );
  }
  if (UNREACHABLE.has(code)) {
    return new BridgeError('store_unavailable', `cannot use the store at ${location}: ${message} (${code})`, {
      cause: error,
      details: { driverCode: code },
    });
  }
  if (isMissingSchema(error, code)) return missingSchemaError(location);
  if (isRetryableStoreError(error)) {
    // Still locked after the transaction's retries: another process holds the store too long.
    return new BridgeError(
      'store_unavailable',
      `the store at ${location} stayed locked by another connection: ${message} (${code})`,
      { cause: error, details: { driverCode: code } },
    );
  }
  return new BridgeError('internal', `store operation failed at ${location}: ${message} (${code})`, {
    cause: error,
  });
}

/**
 * knex prefixes driver messages with the statement and its bindings: a batch insert would put
 * megabytes of JSON in a one-line error. Keep the driver's own words, shortened.
 */
function shortMessage(error: unknown): string {
  const sqlMessage = (error as { sqlMessage?: unknown } | null)?.sqlMessage;
  if (typeof sqlMessage === 'string') return sqlMessage;
  const raw = error instanceof Error ? error.message : String(error);
  const driverPart = raw.includes(' - ') ? raw.slice(raw.lastIndexOf(' - ') + 3) : raw;
  return driverPart.length > 300 ? `${driverPart.slice(0, 300)}...` : driverPart;
}
