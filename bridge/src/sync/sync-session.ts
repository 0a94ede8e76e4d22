import type { Store, StoreReaders, StoreRepositories } from '../store/index.js';
import type { Lease } from '../store/repositories/lease.repository.js';

/**
 * How the sync touches its store. A live session reads with plain queries and writes in
 * transactions fenced by the writer lease, and checks the lease before every PATCH to SuiteCRM
 * (which cannot carry the fencing token). A dry-run session runs the whole pass inside one
 * store transaction that is rolled back at the end, and never PATCHes: the store and SuiteCRM
 * are left exactly as they were, yet the pass sees its own bookkeeping as a real one would.
 */
export interface SyncSession {
  readonly dryRun: boolean;
  read<T>(fn: (readers: StoreReaders) => Promise<T>): Promise<T>;
  write<T>(fn: (repositories: StoreRepositories) => Promise<T>): Promise<T>;
  /** Throws `store_conflict` when this instance no longer holds the lease (live sessions). */
  beforeSuiteCrmWrites(): Promise<void>;
}

/** Time left on the lease that a batch of PATCHes needs before it may start. */
const LEASE_MARGIN_MS = 15_000;

export function liveSession(store: Store, lease: Lease): SyncSession {
  return {
    dryRun: false,
    read: (fn) => store.read(fn),
    write: (fn) => store.write(lease, fn),
    beforeSuiteCrmWrites: async () => {
      await store.leases.verify(lease, LEASE_MARGIN_MS);
    },
  };
}

class DryRunFinished<T> extends Error {
  constructor(readonly result: T) {
    super('dry run finished: rolling back');
  }
}

export async function withDryRunSession<T>(
  store: Store,
  fn: (session: SyncSession) => Promise<T>,
): Promise<T> {
  try {
    await store.writeUnfenced(async (repositories) => {
      const session: SyncSession = {
        dryRun: true,
        read: (read) => read(repositories),
        write: (write) => write(repositories),
        beforeSuiteCrmWrites: async () => {},
      };
      throw new DryRunFinished(await fn(session));
    });
  } catch (error) {
    if (error instanceof DryRunFinished) return error.result as T;
    throw error;
  }
  throw new Error('unreachable: a dry run always rolls back');
}
