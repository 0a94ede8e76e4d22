import { readFileSync } from 'node:fs';
import { type BridgeConfig, requireSuiteCrm, type SuiteCrmSettings } from '../config/env-config.js';
import { loadConfigAndPolicy } from '../config/startup-config.js';
import type { CompiledPolicy } from '../domain/index.js';
import { BridgeError } from '../errors/bridge-error.js';
import { configureLogging } from '../logging/logger.js';
import { openStore, type Store } from '../store/index.js';
import { createSuiteCrmClient, RETRY_POLICIES, type SuiteCrmClient, systemClock } from '../suitecrm/index.js';
import { SyncEngine, type SyncEngineDeps } from '../sync/sync-engine.js';

/**
 * What the commands that talk to SuiteCRM share: the parsed configuration (every missing
 * SuiteCRM setting listed at once), the policy, the store (schema checked) and the V8 client.
 */
export interface BridgeRuntime {
  config: BridgeConfig;
  policy: CompiledPolicy;
  policySource: string;
  store: Store;
  client: SuiteCrmClient;
  /** The sync engine on this runtime, with the configured page size and write concurrency. */
  syncEngine(extra?: Pick<SyncEngineDeps, 'progress'>): SyncEngine;
  close(): Promise<void>;
}

export function suiteCrmClientFor(settings: SuiteCrmSettings): SuiteCrmClient {
  let caBundle: string | undefined;
  if (settings.caFile) {
    try {
      caBundle = readFileSync(settings.caFile, 'utf8');
    } catch (error) {
      throw new BridgeError(
        'config_invalid',
        `SUITECRM_CA_FILE: cannot read ${settings.caFile}: ${(error as Error).message}`,
      );
    }
  }
  return createSuiteCrmClient({
    baseUrl: settings.baseUrl,
    ...(settings.apiPath ? { apiPath: settings.apiPath } : {}),
    auth: settings.auth,
    timeoutMs: settings.timeoutMs,
    concurrency: settings.concurrency,
    pageSize: settings.pageSize,
    retry: RETRY_POLICIES.standard,
    clock: systemClock,
    ...(caBundle ? { caBundle } : {}),
  });
}

export async function openRuntime(): Promise<BridgeRuntime> {
  // Every problem of the settings and the policy file at once, before anything is opened.
  const { config, policy: loaded } = loadConfigAndPolicy({ requireSuiteCrm: true });
  configureLogging(config.logging);
  const settings = requireSuiteCrm(config);
  const { policy, source } = loaded;
  // The client first: it only checks its settings (a bad CA file, a bad URL). Opened after the
  // store, its error left the store's connection pool open and the process running forever.
  const client = suiteCrmClientFor(settings);
  let store: Store | undefined;
  try {
    store = await openStore(config.store.url);
    await store.requireCurrentSchema();
  } catch (error) {
    client.close();
    await store?.close();
    throw error;
  }
  const opened = store;
  return {
    config,
    policy,
    policySource: source,
    store: opened,
    client,
    syncEngine: (extra = {}) =>
      new SyncEngine({
        client,
        store: opened,
        policy,
        pageSize: settings.pageSize,
        concurrency: settings.concurrency,
        writeRate: settings.writeRate,
        ...extra,
      }),
    close: async () => {
      client.close();
      await opened.close();
    },
  };
}
