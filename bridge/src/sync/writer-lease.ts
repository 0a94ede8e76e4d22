import { BridgeError, isBridgeError } from '../errors/bridge-error.js';
import { logger } from '../logging/logger.js';
import type { Store } from '../store/index.js';
import { type Lease, newHolderName } from '../store/repositories/lease.repository.js';

/**
 * The one-writer rule: a sync (one-shot or the daemon's) writes only while it holds the store's
 * lease, renewed in the background at a third of its lifetime. Losing it (another instance took
 * over after this one stalled) makes every later fenced write fail with `store_conflict`.
 */
export const LEASE_TTL_MS = 120_000;
const log = logger('lease');

export interface HeldLease {
  readonly lease: Lease;
  /** Set when another instance took the lease over: the holder must stop writing. */
  readonly lost: unknown;
  /** Renews now (before a job): false when the lease was lost meanwhile or the store did not answer. */
  renewNow(): Promise<boolean>;
  release(): Promise<void>;
}

export async function acquireWriterLease(
  store: Store,
  holder = newHolderName(),
  ttlMs = LEASE_TTL_MS,
): Promise<HeldLease | undefined> {
  const attempt = await store.leases.acquire(holder, ttlMs);
  if (!attempt.acquired) return undefined;
  let lease = attempt.lease;
  let lost: unknown;
  const renew = async (): Promise<boolean> => {
    if (lost !== undefined) return false;
    try {
      lease = await store.leases.renew(lease, ttlMs);
      return true;
    } catch (error) {
      if (isBridgeError(error) && error.code !== 'store_conflict') {
        // The store did not answer: the lease may well still be ours (every write checks its
        // fencing token anyway). Keep trying; the holder decides what a failed renewal means.
        log.warn('could not renew the writer lease', { code: error.code, error: error.message });
        return false;
      }
      lost = error;
      log.error('lost the writer lease', { error: String(error) });
      clearInterval(timer);
      return false;
    }
  };
  const timer = setInterval(() => void renew(), Math.floor(ttlMs / 3));
  timer.unref();
  return {
    get lease() {
      return lease;
    },
    get lost() {
      return lost;
    },
    renewNow: renew,
    async release() {
      clearInterval(timer);
      if (lost === undefined) await store.leases.release(lease).catch(() => false);
    },
  };
}

/** For one-shot commands: the lease, or an error naming who holds it. */
export async function requireWriterLease(store: Store): Promise<HeldLease> {
  const held = await acquireWriterLease(store);
  if (held) return held;
  const state = await store.leases.state();
  throw new BridgeError(
    'store_conflict',
    `another bridge instance holds the writer lease (${state?.holder ?? 'unknown'}, until ${new Date(state?.expiresAt ?? 0).toISOString()}): stop it, or run this command on that instance`,
  );
}
