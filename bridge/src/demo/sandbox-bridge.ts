import { join } from 'node:path';
import { defaultPolicy } from '../domain/index.js';
import { Daemon } from '../jobs/daemon.js';
import { LAB_CLIENT } from '../standin/auth/users.js';
import { openStore, type Store } from '../store/index.js';
import { createSuiteCrmClient, RETRY_POLICIES, type SuiteCrmClient, systemClock } from '../suitecrm/index.js';
import { SyncEngine } from '../sync/sync-engine.js';

/**
 * The real bridge, wired as `sla-bridge run` wires it, but pointed at the sandbox: the V8
 * client on the stand-in's URL with the stand-in's OAuth2 client, a SQLite store in the demo's
 * temp folder, the default policy, and the demo's clock. Nothing here reads the environment,
 * so SUITECRM_* settings can never send the demo to a real SuiteCRM.
 */
export interface SandboxBridge {
  store: Store;
  storePath: string;
  client: SuiteCrmClient;
  engine: SyncEngine;
  daemon: Daemon;
  /** Stops the daemon (releasing the lease), then closes the client and the store. */
  close(): Promise<void>;
}

export const DEMO_TIME_ZONE = 'Europe/London';

export async function openSandboxBridge(options: {
  standInUrl: string;
  folder: string;
  trackingStart: string;
  clock: () => number;
}): Promise<SandboxBridge> {
  const storePath = join(options.folder, 'bridge.sqlite');
  // The store keeps its bookkeeping (lease expiry, run times) on the real clock; the SLA
  // instants come from the demo's clock through the engine.
  const store = await openStore(storePath, { create: true });
  try {
    await store.migrate();
    await store.writeUnfenced((r) => r.trackingStart.set(options.trackingStart, 'demo'));
  } catch (error) {
    await store.close();
    throw error;
  }
  const client = createSuiteCrmClient({
    baseUrl: options.standInUrl,
    apiPath: '/Api',
    auth: { grant: 'client_credentials', ...LAB_CLIENT },
    timeoutMs: 10_000,
    pageSize: 100,
    retry: RETRY_POLICIES.standard,
    // Token lifetimes are judged on SuiteCRM's clock, which is the demo's.
    clock: { now: options.clock, sleep: systemClock.sleep },
  });
  const engine = new SyncEngine({
    client,
    store,
    policy: defaultPolicy(),
    clock: options.clock,
    pageSize: 100,
  });
  const daemon = new Daemon(
    { engine, store, clock: options.clock, holder: 'sla-bridge demo' },
    { timeZone: DEMO_TIME_ZONE },
  );
  let closed = false;
  return {
    store,
    storePath,
    client,
    engine,
    daemon,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await daemon.stop();
      } finally {
        client.close();
        await store.close();
      }
    },
  };
}
