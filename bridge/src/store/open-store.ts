import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import knexFactory from 'knex';
import { BridgeError } from '../errors/bridge-error.js';
import { logger } from '../logging/logger.js';
import { knexConfigFor } from './knex-config.js';
import { Store } from './store.js';
import { driverCode, toStoreError } from './store-errors.js';
import { type MySqlTarget, parseStoreUrl, type StoreTarget } from './store-url.js';

export interface OpenStoreOptions {
  /** The clock for the store's bookkeeping instants and lease expiry (default `Date.now`). */
  clock?: () => number;
  /**
   * Create the store when it does not exist: the MySQL database, or the SQLite file and its
   * folder (`migrate` does). Otherwise a missing store is `store_unavailable`.
   */
  create?: boolean;
}

/**
 * Opens the store named by `BRIDGE_STORE_URL` (already parsed by `loadConfig`: pass
 * `config.store.url`) and checks the connection. Fails with `store_unavailable`, naming the
 * host or file, never the password.
 */
export async function openStore(url: string | StoreTarget, options: OpenStoreOptions = {}): Promise<Store> {
  const target = typeof url === 'string' ? parseStoreUrl(url) : url;
  if (target.kind === 'sqlite' && target.file !== ':memory:') {
    if (options.create) makeFolder(target.file, target.location);
    else if (!existsSync(target.file)) {
      throw new BridgeError(
        'store_unavailable',
        `there is no store at ${target.location}: run \`sla-bridge migrate\` to create it`,
      );
    }
  }
  try {
    return await connect(target, options);
  } catch (error) {
    if (target.kind === 'mysql' && options.create && driverCode(unwrap(error)) === 'ER_BAD_DB_ERROR') {
      await createDatabase(target);
      return connect(target, options);
    }
    throw error;
  }
}

async function connect(target: StoreTarget, options: OpenStoreOptions): Promise<Store> {
  const store = new Store(knexFactory(knexConfigFor(target)), target, options.clock);
  try {
    await store.ping();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
  logger('store').debug('store opened', { location: target.location });
  return store;
}

async function createDatabase(target: MySqlTarget): Promise<void> {
  const server = knexFactory(knexConfigFor(target, { withoutDatabase: true }));
  try {
    await server.raw('CREATE DATABASE IF NOT EXISTS ?? CHARACTER SET utf8mb4 COLLATE utf8mb4_bin', [
      target.database,
    ]);
    logger('store').info('created the store database', { location: target.location });
  } catch (error) {
    throw toStoreError(error, target.location);
  } finally {
    await server.destroy();
  }
}

function makeFolder(file: string, location: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    throw new BridgeError(
      'store_unavailable',
      `cannot create the folder for the store at ${location}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function unwrap(error: unknown): unknown {
  return error instanceof BridgeError ? error.cause : error;
}
