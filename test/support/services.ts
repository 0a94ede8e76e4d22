import { execFileSync } from 'node:child_process';
import mysql from 'mysql2/promise';

/**
 * Tests that need a real service say what is missing and how to get it. On a laptop without
 * the service they are skipped with that message; under CI=true a missing service fails the run.
 */
export const IN_CI = process.env.CI === 'true';

export const MARIADB = {
  host: process.env.TEST_MARIADB_HOST ?? '127.0.0.1',
  port: Number(process.env.TEST_MARIADB_PORT ?? 3306),
  user: process.env.TEST_MARIADB_USER ?? 'root',
  password: process.env.TEST_MARIADB_PASSWORD ?? '',
};

export interface ServiceCheck {
  skip: boolean;
  reason: string;
}

function missing(reason: string): ServiceCheck {
  if (IN_CI) throw new Error(`${reason} (required when CI=true)`);
  process.stderr.write(`skipping: ${reason}\n`);
  return { skip: true, reason };
}

export async function needMariaDb(): Promise<ServiceCheck> {
  try {
    const connection = await mysql.createConnection({ ...MARIADB, connectTimeout: 3000 });
    await connection.end();
    return { skip: false, reason: '' };
  } catch (error) {
    return missing(
      `MariaDB is not answering at ${MARIADB.host}:${MARIADB.port} (${(error as Error).message}); start it with: start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd`,
    );
  }
}

export function needPhp(): ServiceCheck {
  try {
    execFileSync('php', ['-v'], { stdio: 'ignore' });
    return { skip: false, reason: '' };
  } catch {
    return missing('PHP is not installed; install it with: apt-get update && apt-get install -y php-cli');
  }
}
