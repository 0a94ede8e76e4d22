import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { redactText } from '../../../bridge/src/logging/redact.js';
import { parseStoreUrl } from '../../../bridge/src/store/store-url.js';

const failure = (url: string) => {
  try {
    parseStoreUrl(url);
  } catch (error) {
    if (isBridgeError(error)) return error;
    throw error;
  }
  throw new Error(`${url} was accepted`);
};

describe('BRIDGE_STORE_URL', () => {
  it('reads a MySQL URL, decoding user and password, defaulting the port', () => {
    expect(parseStoreUrl('mysql://bridge:p%40ss%3Aword@db.internal/sla_bridge')).toEqual({
      kind: 'mysql',
      host: 'db.internal',
      port: 3306,
      user: 'bridge',
      password: 'p@ss:word',
      database: 'sla_bridge',
      location: 'mysql://bridge@db.internal:3306/sla_bridge',
    });
    expect(parseStoreUrl('mariadb://root@127.0.0.1:3307/x')).toMatchObject({ port: 3307, password: '' });
  });

  it('registers the password as a secret, so no message can leak it', () => {
    parseStoreUrl('mysql://bridge:Very-Secret-42@db/sla');
    expect(redactText('connect failed for Very-Secret-42')).toBe('connect failed for [redacted]');
  });

  it('treats anything without a scheme as a SQLite file, resolved to an absolute path', () => {
    expect(parseStoreUrl('./data/bridge.sqlite')).toEqual({
      kind: 'sqlite',
      file: resolve('data/bridge.sqlite'),
      location: `sqlite:${resolve('data/bridge.sqlite')}`,
    });
    expect(parseStoreUrl('sqlite:///var/lib/bridge/store.db')).toMatchObject({
      file: '/var/lib/bridge/store.db',
    });
    expect(parseStoreUrl('sqlite:relative.db')).toMatchObject({ file: resolve('relative.db') });
  });

  it('rejects incomplete MySQL URLs and unknown schemes, never echoing the password', () => {
    const missing = failure('mysql://:Hidden-Pass-1@db.internal/');
    expect(missing.code).toBe('config_invalid');
    expect(failure('mysql:///sla').message).toContain('the host is missing');
    expect(failure('mysql://:Hidden-Pass-1@/').message).not.toContain('Hidden-Pass-1');
    expect(missing.message).toContain('the user is missing');
    expect(missing.message).toContain('the database name is missing');
    expect(missing.message).not.toContain('Hidden-Pass-1');
    expect(failure('mysql://u:Hidden-Pass-2@h/db?ssl=true').message).toContain('query parameters');
    expect(failure('mysql://u:p@h/db;drop').message).toContain('database name');
    expect(failure('postgres://u:p@h/db').message).toContain('unsupported scheme "postgres://"');
    expect(failure('  ').code).toBe('config_invalid');
  });
});
