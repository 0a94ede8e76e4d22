import { resolve } from 'node:path';
import { BridgeError } from '../errors/bridge-error.js';
import { registerSecret } from '../logging/redact.js';

/**
 * Where the store lives, parsed from `BRIDGE_STORE_URL`: a MySQL/MariaDB URL
 * (`mysql://user:pass@host:port/database`, the production choice) or a SQLite file path (the
 * zero-configuration default, `./data/bridge.sqlite`). `location` is safe to print: it never
 * holds the password.
 */
export type StoreTarget = MySqlTarget | SqliteTarget;

export interface MySqlTarget {
  kind: 'mysql';
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  location: string;
}

export interface SqliteTarget {
  kind: 'sqlite';
  /** Absolute path, or `:memory:`. */
  file: string;
  location: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

export function parseStoreUrl(url: string): StoreTarget {
  const text = url.trim();
  if (text === '') throw invalid('BRIDGE_STORE_URL is empty');
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'mysql' || scheme === 'mariadb') return parseMySql(text);
  if (scheme === 'sqlite' || scheme === 'file') return sqliteTarget(text.slice(scheme.length + 3));
  if (scheme !== undefined) {
    throw invalid(
      `BRIDGE_STORE_URL: unsupported scheme "${scheme}://"; use mysql://user:password@host:3306/database or a SQLite file path`,
    );
  }
  if (/^sqlite:/i.test(text)) return sqliteTarget(text.slice('sqlite:'.length));
  return sqliteTarget(text);
}

function sqliteTarget(path: string): SqliteTarget {
  if (path === '') throw invalid('BRIDGE_STORE_URL: the SQLite file path is empty');
  if (path === ':memory:') return { kind: 'sqlite', file: path, location: 'sqlite::memory:' };
  const file = resolve(path);
  return { kind: 'sqlite', file, location: `sqlite:${file}` };
}

function parseMySql(text: string): MySqlTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // The URL itself may hold the password: never echo it.
    throw invalid('BRIDGE_STORE_URL is not a valid URL (expected mysql://user:password@host:3306/database)');
  }
  const password = decode(url.password);
  registerSecret(password);
  const user = decode(url.username);
  const database = decode(url.pathname.replace(/^\/+/, '').replace(/\/+$/, ''));
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = url.port === '' ? 3306 : Number(url.port);
  const problems: string[] = [];
  if (host === '') problems.push('the host is missing');
  if (user === '') problems.push('the user is missing');
  if (database === '') problems.push('the database name is missing');
  else if (!/^[A-Za-z0-9_$-]{1,64}$/.test(database)) {
    problems.push('the database name may only hold letters, digits, _, $ and - (at most 64)');
  }
  if (url.search !== '') problems.push('query parameters are not supported');
  if (problems.length > 0) {
    throw invalid(
      `BRIDGE_STORE_URL (mysql://${user || '?'}@${host || '?'}:${port}/${database || '?'}): ${problems.join('; ')}`,
    );
  }
  return {
    kind: 'mysql',
    host,
    port,
    user,
    password,
    database,
    location: `mysql://${user}@${host}:${port}/${database}`,
  };
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function invalid(message: string): BridgeError {
  return new BridgeError('config_invalid', message);
}
