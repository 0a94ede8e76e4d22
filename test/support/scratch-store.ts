import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { MARIADB } from './services.js';

/**
 * A store location of its own for one suite (or one benchmark world): a SQLite temp file, or a
 * MariaDB database at 127.0.0.1:3306 with a random name, dropped afterwards.
 */
export type BackendName = 'sqlite' | 'mariadb';

/** A store location made for one suite: its URL, and how to remove it. */
export interface ScratchStore {
  backend: BackendName;
  url: string;
  drop(): Promise<void>;
}

export async function scratchStore(backend: BackendName): Promise<ScratchStore> {
  const suffix = randomBytes(6).toString('hex');
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bridge-store-'));
    return {
      backend,
      url: join(dir, 'nested', 'bridge.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = `bridge_test_${suffix}`;
  const auth =
    MARIADB.password === '' ? MARIADB.user : `${MARIADB.user}:${encodeURIComponent(MARIADB.password)}`;
  return {
    backend,
    url: `mysql://${auth}@${MARIADB.host}:${MARIADB.port}/${database}`,
    drop: async () => {
      const connection = await mysql.createConnection(MARIADB);
      try {
        await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      } finally {
        await connection.end();
      }
    },
  };
}
