import { readFileSync } from 'node:fs';
import type { SuiteCrmSettings } from '../config/env-config.js';
import { BridgeError } from '../errors/bridge-error.js';
import {
  type Clock,
  createSuiteCrmClient,
  RETRY_POLICIES,
  type RetrySettings,
  type SuiteCrmClient,
  type SuiteCrmClientConfig,
  systemClock,
} from '../suitecrm/index.js';

/**
 * For commands that talk to SuiteCRM: the V8 client's configuration from the parsed settings
 * (the CA bundle file read here, so a missing file is a configuration error naming the file),
 * and a helper that closes the client whatever happens.
 */
export interface ClientOverrides {
  retry?: RetrySettings;
  clock?: Clock;
  pageSize?: number;
}

export function suiteCrmClientConfig(
  settings: SuiteCrmSettings,
  overrides: ClientOverrides = {},
): SuiteCrmClientConfig {
  return {
    baseUrl: settings.baseUrl,
    ...(settings.apiPath === undefined ? {} : { apiPath: settings.apiPath }),
    auth: settings.auth,
    timeoutMs: settings.timeoutMs,
    concurrency: settings.concurrency,
    pageSize: overrides.pageSize ?? settings.pageSize,
    retry: overrides.retry ?? RETRY_POLICIES.standard,
    clock: overrides.clock ?? systemClock,
    ...(settings.caFile === undefined ? {} : { caBundle: readCaBundle(settings.caFile) }),
  };
}

function readCaBundle(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new BridgeError(
      'config_invalid',
      `SUITECRM_CA_FILE: cannot read ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Runs `fn` with a client for these settings and closes its connections afterwards. */
export async function withSuiteCrm<T>(
  settings: SuiteCrmSettings,
  fn: (client: SuiteCrmClient) => Promise<T>,
  overrides: ClientOverrides = {},
): Promise<T> {
  const client = createSuiteCrmClient(suiteCrmClientConfig(settings, overrides));
  try {
    return await fn(client);
  } finally {
    client.close();
  }
}
