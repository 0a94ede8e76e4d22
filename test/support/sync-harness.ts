import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ACCOUNT_BRIDGE_FIELDS,
  CASE_BRIDGE_FIELDS,
  MODULE_CODECS,
  type ModuleAttributes,
  TIME_ENTRY_BRIDGE_FIELDS,
} from '../../bridge/src/catalogue/index.js';
import { defaultPolicy } from '../../bridge/src/domain/index.js';
import {
  LAB_CLIENT,
  type Row,
  type StandIn,
  type StandInOptions,
  startStandIn,
} from '../../bridge/src/standin/index.js';
import { openStore, type Store } from '../../bridge/src/store/index.js';
import type { Lease } from '../../bridge/src/store/repositories/lease.repository.js';
import {
  createSuiteCrmClient,
  RETRY_POLICIES,
  type RetrySettings,
  type SuiteCrmClient,
} from '../../bridge/src/suitecrm/index.js';
import { SyncEngine } from '../../bridge/src/sync/sync-engine.js';

/**
 * The whole bridge against the V8 stand-in, with a SQLite store in a temp folder: a frozen
 * virtual clock shared by the stand-in and the engine, so tests move time explicitly.
 */
export { LAB_CLIENT };

/**
 * The SuiteCRM majors the stand-in models (`suitecrm` option): the client and sync suites run
 * against each, `describe.each(SUITECRM_MODES)`. 8 serves the API under /legacy/Api.
 */
export const SUITECRM_MODES = [
  { suitecrm: 7, name: 'SuiteCRM 7.14 (/Api)' },
  { suitecrm: 8, name: 'SuiteCRM 8.8 (/legacy/Api)' },
] as const;
export type SuiteCrmMode = (typeof SUITECRM_MODES)[number];

export interface SyncHarness {
  standIn: StandIn;
  store: Store;
  client: SuiteCrmClient;
  engine: SyncEngine;
  lease: Lease;
  /** Every wait the client asked for, in milliseconds. */
  sleeps: number[];
  now(): number;
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startSyncHarness(options: {
  now: string;
  trackingStart: string;
  standIn?: Omit<StandInOptions, 'now' | 'clock' | 'suitecrm'>;
  /** The SuiteCRM the stand-in looks like (default 7); the client is pointed at its API path. */
  suitecrm?: 7 | 8;
  storeUrl?: string;
  pageSize?: number;
  /** The V8 client's request deadline (default 10 s) and retry settings. */
  timeoutMs?: number;
  retry?: Partial<RetrySettings>;
  /**
   * The waits the client asks for (between attempts, Retry-After): over at once by default, or
   * `advance-clock`: each moves the virtual clock on (time passes while it waits). Either way
   * they are listed in `sleeps`.
   */
  waits?: 'instant' | 'advance-clock';
}): Promise<SyncHarness> {
  const standIn = await startStandIn({
    ...options.standIn,
    suitecrm: options.suitecrm ?? 7,
    now: options.now,
    clock: 'frozen',
  });
  const url = options.storeUrl ?? join(mkdtempSync(join(tmpdir(), 'sync-')), 'bridge.sqlite');
  const now = () => standIn.control.now();
  const sleeps: number[] = [];
  const store = await openStore(url, { create: true, clock: now });
  await store.migrate();
  await store.writeUnfenced((repositories) => repositories.trackingStart.set(options.trackingStart, 'test'));
  const client = createSuiteCrmClient({
    baseUrl: standIn.url,
    apiPath: standIn.apiPath,
    auth: { grant: 'client_credentials', ...LAB_CLIENT },
    timeoutMs: options.timeoutMs ?? 10_000,
    pageSize: options.pageSize ?? 50,
    retry: { ...RETRY_POLICIES.rapid, ...options.retry },
    clock: {
      now,
      sleep: async (ms) => {
        sleeps.push(ms);
        if (options.waits === 'advance-clock') standIn.control.advance(ms);
      },
    },
  });
  const engine = new SyncEngine({
    client,
    store,
    policy: defaultPolicy(),
    clock: now,
    pageSize: options.pageSize ?? 50,
  });
  const attempt = await store.leases.acquire('test-harness', 3_600_000);
  if (!attempt.acquired) throw new Error('lease not acquired');
  return {
    standIn,
    store,
    client,
    engine,
    lease: attempt.lease,
    sleeps,
    now,
    advance: (ms) => standIn.control.advance(ms),
    close: async () => {
      client.close();
      await store.close();
      await standIn.close();
    },
  };
}

/** The open cases SuiteCRM holds now (raw rows, in id order): what people are working on. */
export function openCases(h: Pick<SyncHarness, 'standIn'>): Row[] {
  const table = h.standIn.store.table('Cases');
  return Array.from({ length: table.byId.size }, (_, i) => table.byId.at(i)).filter(
    (row): row is Row => row !== undefined && String(row.status).startsWith('Open'),
  );
}

/** What SuiteCRM holds now, read back through the V8 API and the data contract's parsers. */
export async function readBack<M extends 'Accounts' | 'Cases' | 'SLA_TimeEntries'>(
  h: Pick<SyncHarness, 'client'>,
  module: M,
): Promise<Map<string, ModuleAttributes[M]>> {
  const codec = MODULE_CODECS[module];
  const out = new Map<string, ModuleAttributes[M]>();
  for await (const page of h.client.scanAll(module, { parse: (raw) => codec.parse(raw).values })) {
    for (const record of page) out.set(record.id, record.attributes as ModuleAttributes[M]);
  }
  return out;
}

/** Everything the bridge owns, as SuiteCRM holds it, plus the event ledger: two runs that end equal are equal here. */
export async function bridgeState(
  h: Pick<SyncHarness, 'client' | 'store'>,
): Promise<{ fields: Record<string, unknown>; events: string[] }> {
  const fields: Record<string, unknown> = {};
  const owned = {
    Accounts: ACCOUNT_BRIDGE_FIELDS,
    Cases: CASE_BRIDGE_FIELDS,
    SLA_TimeEntries: TIME_ENTRY_BRIDGE_FIELDS,
  } as const;
  for (const module of ['Accounts', 'Cases', 'SLA_TimeEntries'] as const) {
    for (const [id, values] of await readBack(h, module)) {
      const record = values as unknown as Record<string, unknown>;
      fields[`${module}/${id}`] = Object.fromEntries(owned[module].map((field) => [field, record[field]]));
    }
  }
  const events = (await h.store.read((r) => r.events.find({ limit: 1_000_000 })))
    .map((event) => event.key)
    .sort();
  return { fields, events };
}
