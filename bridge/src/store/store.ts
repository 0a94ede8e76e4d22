import type { Knex } from 'knex';
import { BridgeError } from '../errors/bridge-error.js';
import { logger } from '../logging/logger.js';
import { ensureMigrationBookkeeping } from './migrations/bookkeeping.js';
import { BridgeMigrationSource, MIGRATIONS } from './migrations/migration-source.js';
import {
  type Lease,
  type LeaseAttempt,
  LeaseRepository,
  type LeaseState,
  WRITER_LEASE,
} from './repositories/lease.repository.js';
import { repositoriesFor, type StoreReaders, type StoreRepositories } from './repositories.js';
import type { StoreContext, StoreDialect } from './store-context.js';
import { driverCode, isRetryableStoreError, missingSchemaError, toStoreError } from './store-errors.js';
import type { StoreTarget } from './store-url.js';
import { TABLES } from './tables.js';

const log = logger('store');

/** A transaction that lost a lock conflict (deadlock, SQLite busy) runs again, up to this many times. */
const MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 25;
/** How long `migrate` waits for another migrate holding the migration lock. */
const MIGRATE_WAIT_MS = 20_000;

export interface SchemaStatus {
  /** Migrations this store has run, in order. */
  applied: string[];
  /** Migrations this bridge knows and the store has not run yet. */
  pending: string[];
  /** Migrations the store has run that this bridge does not know (a newer bridge migrated it). */
  unknown: string[];
}

export interface MigrationReport {
  /** Migrations run now (empty when the schema was already current). */
  applied: string[];
  /** Every migration the store has now run. */
  migrations: string[];
}

export interface LeaseManager {
  acquire(holder: string, ttlMs: number, name?: string): Promise<LeaseAttempt>;
  renew(lease: Lease, ttlMs: number): Promise<Lease>;
  release(lease: Lease): Promise<boolean>;
  /** Before a side effect outside the store (a PATCH): token current and at least `marginMs` left. */
  verify(lease: Lease, marginMs: number): Promise<number>;
  state(name?: string): Promise<LeaseState | null>;
}

/**
 * The bridge's store: the only SQL in the bridge. Reads go through `read`; every write goes
 * through a transaction: `write(lease, ...)` for the sync and jobs (fails with
 * `store_conflict` once another instance holds the lease), `writeUnfenced` for admin commands
 * that must work while the bridge runs (`tracking-start`). A transaction that loses a lock
 * conflict is run again, so its function must touch nothing but the store.
 *
 * SQLite has one connection per Store: do not call `read` from inside a `write` callback (use
 * the repositories the callback receives).
 */
export class Store {
  readonly dialect: StoreDialect;
  /** Where the store is, without the password: safe for logs and messages. */
  readonly location: string;
  readonly leases: LeaseManager;
  private readonly readers: StoreReaders;
  private readonly context: StoreContext;

  constructor(
    private readonly knex: Knex,
    target: StoreTarget,
    clock: () => number = Date.now,
  ) {
    this.dialect = target.kind;
    this.location = target.location;
    this.context = { db: knex, dialect: this.dialect, now: clock };
    this.readers = repositoriesFor(this.context);
    this.leases = {
      acquire: (holder, ttlMs, name = WRITER_LEASE) =>
        this.transact((ctx) => new LeaseRepository(ctx).acquire(holder, ttlMs, name)),
      renew: (lease, ttlMs) => this.transact((ctx) => new LeaseRepository(ctx).renew(lease, ttlMs)),
      release: (lease) => this.transact((ctx) => new LeaseRepository(ctx).release(lease)),
      verify: (lease, marginMs) =>
        this.guard(() => new LeaseRepository(this.context).verify(lease, marginMs)),
      state: (name = WRITER_LEASE) => this.guard(() => new LeaseRepository(this.context).state(name)),
    };
  }

  /** Reads (no transaction: each query sees the latest committed data). */
  read<T>(fn: (readers: StoreReaders) => Promise<T>): Promise<T> {
    return this.guard(() => fn(this.readers));
  }

  /**
   * A write transaction fenced by `lease`: it first checks, inside the transaction, that the
   * lease's fencing token is still current, and fails with `store_conflict` otherwise.
   */
  write<T>(lease: Lease, fn: (repositories: StoreRepositories) => Promise<T>): Promise<T> {
    return this.transact(async (ctx) => {
      await new LeaseRepository(ctx).assertCurrent(lease);
      return fn(repositoriesFor(ctx));
    });
  }

  /** A write transaction without the lease, for admin commands (never for the sync). */
  writeUnfenced<T>(fn: (repositories: StoreRepositories) => Promise<T>): Promise<T> {
    return this.transact((ctx) => fn(repositoriesFor(ctx)));
  }

  /** Checks the connection. */
  async ping(): Promise<void> {
    await this.guard(() => this.knex.raw('select 1'));
  }

  /** Which migrations have run, which are pending, and any this bridge does not know. */
  async schemaStatus(): Promise<SchemaStatus> {
    return this.guard(async () => {
      const known = MIGRATIONS.map((migration) => migration.name);
      const applied = (await this.knex.schema.hasTable(TABLES.migrations))
        ? (await this.knex(TABLES.migrations).select('name').orderBy('id')).map((row) => String(row.name))
        : [];
      return {
        applied,
        pending: known.filter((name) => !applied.includes(name)),
        unknown: applied.filter((name) => !known.includes(name)),
      };
    });
  }

  /** For every command but `migrate`: the schema must be exactly the one this bridge expects. */
  async requireCurrentSchema(): Promise<void> {
    const status = await this.schemaStatus();
    if (status.unknown.length > 0) throw newerSchemaError(this.location, status.unknown);
    if (status.pending.length > 0) {
      if (status.applied.length === 0) throw missingSchemaError(this.location);
      throw new BridgeError(
        'store_unavailable',
        `the store at ${this.location} needs ${status.pending.length} more migration(s) (${status.pending.join(', ')}): run \`sla-bridge migrate\``,
      );
    }
  }

  /**
   * Creates or upgrades the schema; safe to run again at any time. Several `migrate`s started
   * at once (two instances booting) wait for each other: one migrates, the others then find
   * nothing to do. A lock left by an interrupted migrate is reported after MIGRATE_WAIT_MS.
   */
  async migrate(options: { forceUnlock?: boolean; lockWaitMs?: number } = {}): Promise<MigrationReport> {
    const deadline = Date.now() + (options.lockWaitMs ?? MIGRATE_WAIT_MS);
    let forceUnlock = options.forceUnlock ?? false;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.migrateOnce(forceUnlock);
      } catch (error) {
        const locked = error instanceof Error && error.name === 'MigrationLocked';
        const racing = locked || isRetryableStoreError(error) || isCreateRace(error);
        if (racing && Date.now() < deadline) {
          log.debug('another migrate is running; waiting for it', { attempt });
          forceUnlock = false;
          await new Promise((resolve) => setTimeout(resolve, 100 * Math.min(attempt, 10)));
          continue;
        }
        if (locked) {
          throw new BridgeError(
            'store_conflict',
            `the store at ${this.location} is being migrated by another process, or a migration was interrupted: if no \`sla-bridge migrate\` is running, run \`sla-bridge migrate --force-unlock\``,
            { cause: error },
          );
        }
        throw toStoreError(error, this.location);
      }
    }
  }

  private async migrateOnce(forceUnlock: boolean): Promise<MigrationReport> {
    const before = await this.schemaStatus();
    if (before.unknown.length > 0) throw newerSchemaError(this.location, before.unknown);
    const config = { migrationSource: new BridgeMigrationSource(), tableName: TABLES.migrations };
    await ensureMigrationBookkeeping(this.knex);
    if (forceUnlock) await this.knex.migrate.forceFreeMigrationsLock(config);
    const [, applied] = (await this.knex.migrate.latest(config)) as [number, string[]];
    const after = await this.schemaStatus();
    return { applied, migrations: after.applied };
  }

  async close(): Promise<void> {
    await this.knex.destroy();
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toStoreError(error, this.location);
    }
  }

  private async transact<T>(fn: (ctx: StoreContext) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.knex.transaction((trx) => fn({ ...this.context, db: trx }));
      } catch (error) {
        if (attempt < MAX_ATTEMPTS && isRetryableStoreError(error)) {
          log.debug('transaction lost a lock conflict; running it again', {
            attempt,
            code: driverCode(error),
          });
          await new Promise((resolve) => setTimeout(resolve, RETRY_BASE_MS * attempt * (1 + Math.random())));
          continue;
        }
        throw toStoreError(error, this.location);
      }
    }
  }
}

/** Two first-time migrates both creating knex's bookkeeping tables: the loser simply retries. */
function isCreateRace(error: unknown): boolean {
  const code = driverCode(error);
  if (code === 'ER_TABLE_EXISTS_ERROR' || code === 'ER_DUP_ENTRY') return true;
  return code === 'SQLITE_ERROR' && /already exists/i.test((error as Error).message);
}

function newerSchemaError(location: string, unknown: string[]): BridgeError {
  return new BridgeError(
    'store_unavailable',
    `the store at ${location} was migrated by a newer bridge (unknown migrations: ${unknown.join(', ')}): upgrade this bridge`,
  );
}
