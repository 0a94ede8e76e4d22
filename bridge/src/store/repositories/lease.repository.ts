import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { BridgeError } from '../../errors/bridge-error.js';
import type { StoreContext } from '../store-context.js';
import { insertIgnoringDuplicates, toInstant, toInstantOrNull, toSafeInteger } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * The lease that lets exactly one bridge instance write, with a fencing token.
 *
 * `acquire` succeeds when the lease is free, expired, or already the caller's, and always
 * increments the fencing token; `renew` extends it while the token is still current; `release`
 * frees it. Every fenced write transaction first re-reads the token inside the transaction
 * (`assertCurrent`: a shared row lock on MySQL, so a takeover waits for writes in flight and
 * writes wait for a takeover in flight) and fails with `store_conflict` when another instance
 * has taken over since. Safety therefore does not depend on clocks: an instance that paused
 * past its expiry (GC, suspended VM) finds its token stale on its next write. Expiry only
 * decides when a silent holder may be replaced; it is measured with the store's clock.
 *
 * MySQL/MariaDB: the lease protects any number of hosts sharing the database. SQLite: the
 * file's locks only coordinate processes on one host (a SQLite file on a network share is not
 * safely lockable), so with SQLite run the bridge on a single host.
 */
export const WRITER_LEASE = 'writer';

export interface Lease {
  name: string;
  holder: string;
  /** Increases by one on every acquisition; writes carry it. */
  token: number;
  acquiredAt: number;
  expiresAt: number;
}

export interface LeaseState {
  name: string;
  holder: string | null;
  token: number;
  acquiredAt: number | null;
  renewedAt: number | null;
  expiresAt: number;
}

export type LeaseAttempt =
  | { acquired: true; lease: Lease }
  | { acquired: false; holder: string | null; expiresAt: number };

/** A holder name unique to this process: host, pid and a random suffix. */
export function newHolderName(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`.slice(0, 128);
}

/** Lease operations. Each method must run inside one transaction (the store's `LeaseManager` does that). */
export class LeaseRepository {
  constructor(private readonly ctx: StoreContext) {}

  async state(name: string): Promise<LeaseState | null> {
    const row = await this.ctx.db(TABLES.leases).where({ name }).first();
    return row ? fromRow(row) : null;
  }

  async acquire(holder: string, ttlMs: number, name: string): Promise<LeaseAttempt> {
    checkTtl(ttlMs);
    if (holder === '' || holder.length > 128)
      throw new TypeError('a lease holder name has 1 to 128 characters');
    await insertIgnoringDuplicates(
      this.ctx,
      TABLES.leases,
      [{ name, holder: null, fencing_token: 0, expires_at_ms: 0 }],
      ['name'],
    );
    const row = await this.lockedRow(name);
    const now = this.ctx.now();
    const current = fromRow(row);
    if (current.holder !== null && current.holder !== holder && current.expiresAt > now) {
      return { acquired: false, holder: current.holder, expiresAt: current.expiresAt };
    }
    const lease: Lease = { name, holder, token: current.token + 1, acquiredAt: now, expiresAt: now + ttlMs };
    await this.ctx.db(TABLES.leases).where({ name }).update({
      holder,
      fencing_token: lease.token,
      acquired_at_ms: now,
      renewed_at_ms: now,
      expires_at_ms: lease.expiresAt,
    });
    return { acquired: true, lease };
  }

  /** Extends the lease; `store_conflict` when another instance has taken it over. */
  async renew(lease: Lease, ttlMs: number): Promise<Lease> {
    checkTtl(ttlMs);
    const row = fromRow(await this.lockedRow(lease.name));
    if (row.token !== lease.token || row.holder !== lease.holder) throw lost(lease, row);
    const now = this.ctx.now();
    const renewed = { ...lease, expiresAt: now + ttlMs };
    await this.ctx
      .db(TABLES.leases)
      .where({ name: lease.name })
      .update({ renewed_at_ms: now, expires_at_ms: renewed.expiresAt });
    return renewed;
  }

  /** Frees the lease if it is still ours; false when it had already passed to someone else. */
  async release(lease: Lease): Promise<boolean> {
    const row = await this.ctx.db(TABLES.leases).where({ name: lease.name }).forUpdate().first();
    if (!row || toSafeInteger(row.fencing_token) !== lease.token) return false;
    await this.ctx.db(TABLES.leases).where({ name: lease.name }).update({ holder: null, expires_at_ms: 0 });
    return true;
  }

  /**
   * Fails with `store_conflict` unless `lease` still holds the current fencing token. Runs first
   * in every fenced write transaction. MySQL: a shared lock on the lease row until commit.
   * SQLite: transactions are serialisable, so a takeover committed after this read makes the
   * transaction's first write fail (SQLITE_BUSY_SNAPSHOT), and the retry sees the new token.
   */
  async assertCurrent(lease: Lease): Promise<void> {
    const row = await this.ctx.db(TABLES.leases).where({ name: lease.name }).forShare().first();
    if (!row) throw lost(lease, null);
    const state = fromRow(row);
    if (state.token !== lease.token) throw lost(lease, state);
  }

  /**
   * For the moment before an unfenced side effect (a PATCH to SuiteCRM, which cannot carry the
   * token): fails with `store_conflict` unless the token is current and the lease has at least
   * `marginMs` left by the store's clock. Returns the time left.
   */
  async verify(lease: Lease, marginMs: number): Promise<number> {
    const row = await this.ctx.db(TABLES.leases).where({ name: lease.name }).first();
    const state = row ? fromRow(row) : null;
    if (state === null || state.token !== lease.token || state.holder !== lease.holder)
      throw lost(lease, state);
    const left = state.expiresAt - this.ctx.now();
    if (left < marginMs) {
      throw new BridgeError(
        'store_conflict',
        `this instance (${lease.holder}) has ${Math.max(0, left)} ms left on the "${lease.name}" lease, less than the ${marginMs} ms a write needs: renew it first`,
        { details: { lease: lease.name, token: lease.token, msLeft: left } },
      );
    }
    return left;
  }

  private async lockedRow(name: string): Promise<Record<string, unknown>> {
    const row = await this.ctx.db(TABLES.leases).where({ name }).forUpdate().first();
    if (!row) throw new Error(`lease ${name} vanished inside its transaction`);
    return row;
  }
}

function checkTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)
    throw new TypeError('a lease lasts a positive whole number of ms');
}

function lost(lease: Lease, state: LeaseState | null): BridgeError {
  const now =
    state === null
      ? 'the lease no longer exists'
      : `it is now held by ${state.holder ?? 'nobody'} with fencing token ${state.token}`;
  return new BridgeError(
    'store_conflict',
    `this instance (${lease.holder}) lost the "${lease.name}" lease (fencing token ${lease.token}): ${now}; it must stop writing`,
    { details: { lease: lease.name, token: lease.token, currentToken: state?.token ?? null } },
  );
}

function fromRow(row: Record<string, unknown>): LeaseState {
  return {
    name: String(row.name),
    holder: row.holder === null ? null : String(row.holder),
    token: toSafeInteger(row.fencing_token),
    acquiredAt: toInstantOrNull(row.acquired_at_ms),
    renewedAt: toInstantOrNull(row.renewed_at_ms),
    expiresAt: toInstant(row.expires_at_ms),
  };
}
