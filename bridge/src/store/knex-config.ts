import type { Knex } from 'knex';
import { logger } from '../logging/logger.js';
import type { MySqlTarget, SqliteTarget, StoreTarget } from './store-url.js';

/**
 * knex settings per back end. MySQL sessions run in UTC with an explicit strict SQL mode, so
 * behaviour never depends on the server's or the host's configuration (instants are BIGINT
 * epoch milliseconds anyway). CLIENT_FOUND_ROWS is switched off so a duplicate-key no-op
 * reports 0 affected rows (see `changedRows`).
 */
const SQL_MODE =
  'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION';

export function knexConfigFor(target: StoreTarget, options: { withoutDatabase?: boolean } = {}): Knex.Config {
  const config =
    target.kind === 'mysql' ? mysqlConfig(target, options.withoutDatabase ?? false) : sqliteConfig(target);
  return { ...config, log: KNEX_LOG };
}

/**
 * knex prints its own warnings to the console; route them to the bridge's logger at debug
 * level instead (the errors they describe reach the caller as `store_unavailable` anyway).
 */
const knexLog = logger('store.knex');
const KNEX_LOG: Knex.Logger = {
  warn: (message: unknown) => knexLog.debug(String(message)),
  error: (message: unknown) => knexLog.debug(String(message)),
  deprecate: (method: string, alternative: string) =>
    knexLog.debug(`${method} is deprecated: ${alternative}`),
  debug: (message: unknown) => knexLog.debug(String(message)),
};

function mysqlConfig(target: MySqlTarget, withoutDatabase: boolean): Knex.Config {
  return {
    client: 'mysql2',
    connection: {
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      ...(withoutDatabase ? {} : { database: target.database }),
      charset: 'utf8mb4',
      timezone: 'Z',
      dateStrings: true,
      flags: ['-FOUND_ROWS'],
      connectTimeout: 10_000,
    },
    pool: {
      min: 0,
      max: 5,
      afterCreate: (
        connection: MySqlCallbackConnection,
        done: (error: Error | null, connection: unknown) => void,
      ) => {
        connection.query(`SET time_zone = '+00:00', sql_mode = '${SQL_MODE}'`, (error) =>
          done(error ?? null, connection),
        );
      },
    },
    acquireConnectionTimeout: 15_000,
    useNullAsDefault: true,
  };
}

interface MySqlCallbackConnection {
  query(sql: string, callback: (error: Error | null) => void): void;
}

interface SqliteConnection {
  pragma(source: string): unknown;
}

function sqliteConfig(target: SqliteTarget): Knex.Config {
  return {
    client: 'better-sqlite3',
    connection: { filename: target.file },
    pool: {
      min: 1,
      max: 1,
      afterCreate: (
        connection: SqliteConnection,
        done: (error: Error | null, connection: unknown) => void,
      ) => {
        try {
          // WAL: readers (status, explain) never block the writer, nor the writer them.
          if (target.file !== ':memory:') connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          connection.pragma('busy_timeout = 5000');
          connection.pragma('foreign_keys = ON');
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
    acquireConnectionTimeout: 15_000,
    useNullAsDefault: true,
  };
}
