import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, requireSuiteCrm } from '../../../bridge/src/config/env-config.js';
import { BridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { forgetSecretsForTests, redactText } from '../../../bridge/src/logging/redact.js';

const load = (env: Record<string, string>) => loadConfig({ env, envFile: null });

function failure(fn: () => unknown): BridgeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BridgeError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

afterEach(() => forgetSecretsForTests());

describe('loadConfig', () => {
  it('runs on defaults with no SuiteCRM settings at all', () => {
    const config = load({});
    expect(config.suitecrm).toBeUndefined();
    expect(config.store.url).toBe('./data/bridge.sqlite');
    expect(config.logging).toEqual({ level: 'info', format: 'auto' });
    expect(config.missingSuiteCrm).toEqual(['SUITECRM_URL', 'SUITECRM_CLIENT_ID', 'SUITECRM_CLIENT_SECRET']);
  });

  it('reports every bad setting at once, naming each', () => {
    const error = failure(() =>
      load({
        SUITECRM_URL: 'ftp://crm',
        SUITECRM_PAGE_SIZE: '0',
        SUITECRM_CONCURRENCY: 'many',
        LOG_LEVEL: 'loud',
        SUITECRM_USERNAME: 'bridge',
      }),
    );
    expect(error.code).toBe('config_invalid');
    for (const text of [
      'SUITECRM_URL: must be an http(s) URL',
      'SUITECRM_PAGE_SIZE: must be at least 1',
      'SUITECRM_CONCURRENCY: must be a whole number',
      'LOG_LEVEL: must be one of',
      'SUITECRM_USERNAME and SUITECRM_PASSWORD go together',
    ]) {
      expect(error.message).toContain(text);
    }
  });

  it('reads an optional .env file; the real environment wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const file = join(dir, '.env');
    writeFileSync(
      file,
      'SUITECRM_URL=https://crm.example.com/\nSUITECRM_CLIENT_ID=abc\nSUITECRM_CLIENT_SECRET="s3cret value"\nLOG_LEVEL=debug\n',
    );
    const config = loadConfig({ env: { LOG_LEVEL: 'warn' }, envFile: file });
    expect(config.suitecrm).toMatchObject({
      baseUrl: 'https://crm.example.com',
      auth: { grant: 'client_credentials', clientId: 'abc', clientSecret: 's3cret value' },
      pageSize: 100,
      concurrency: 2,
      writeRate: 0,
    });
    expect(config.logging.level).toBe('warn');
    expect(config.sources).toMatchObject({ LOG_LEVEL: 'environment', SUITECRM_URL: '.env' });
    expect(redactText('token request failed: s3cret value')).toBe('token request failed: [redacted]');
  });

  it('uses the password grant when a username and password are given', () => {
    const config = load({
      SUITECRM_URL: 'http://127.0.0.1:8080',
      SUITECRM_CLIENT_ID: 'c',
      SUITECRM_CLIENT_SECRET: 'secret-1',
      SUITECRM_USERNAME: 'u',
      SUITECRM_PASSWORD: 'pw-123',
    });
    expect(config.suitecrm?.auth).toEqual({
      grant: 'password',
      clientId: 'c',
      clientSecret: 'secret-1',
      username: 'u',
      password: 'pw-123',
    });
  });

  it('fails when an explicitly named .env file is missing', () => {
    const error = failure(() =>
      loadConfig({ env: { BRIDGE_ENV_FILE: join(tmpdir(), 'no-such-dir', 'bridge.env') } }),
    );
    expect(error.message).toContain('does not exist');
  });
});

describe('requireSuiteCrm', () => {
  it('lists every missing SuiteCRM setting', () => {
    const config = load({ SUITECRM_CLIENT_ID: 'x' });
    const error = failure(() => requireSuiteCrm(config));
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain('SUITECRM_URL is not set; SUITECRM_CLIENT_SECRET is not set');
    expect(error.message).not.toContain('SUITECRM_CLIENT_ID is not set');
  });
});
