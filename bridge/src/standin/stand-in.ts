import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChangeLogActor } from '../catalogue/change-log-entry.js';
import { TokenService } from './auth/token-service.js';
import { DEFAULT_CLIENTS, DEFAULT_USERS, type OAuthClient, type StandInUser } from './auth/users.js';
import { type ClockMode, VirtualClock } from './clock/virtual-clock.js';
import { createControl, parseTime, type StandInControl, validateLatency } from './control/control-api.js';
import { createControlRoutes } from './control/control-routes.js';
import { RequestCounters } from './control/request-counters.js';
import { WriteJournal } from './control/write-journal.js';
import { CpuModel, type CpuModelSpec } from './faults/cpu-model.js';
import { FaultQueue } from './faults/faults.js';
import { createListener, type LatencySpec } from './http/server.js';
import type { CustomFieldSpec, ModuleName, PackageStampOptions } from './schema/module-defs.js';
import { generateRows, type SeedScale } from './seed/generator.js';
import { Prng } from './seed/prng.js';
import type { Row } from './store/row.js';
import { StandInStore } from './store/stand-in-store.js';

export interface StandInOptions {
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Seeds the generated data, generated ids and latency jitter. */
  seed?: number;
  /** How much data to generate (default 10 accounts, 100 cases, 300 time entries); false for none. */
  scale?: SeedScale | false;
  /** Rows to load as they would sit in the database (after any generated ones), e.g. built from captures. */
  records?: Partial<Record<ModuleName, Record<string, string | null>[]>>;
  /** The clock at start (default: now). */
  now?: number | string;
  /** frozen: time moves only when told (default for tests); running: follows the real clock. */
  clock?: ClockMode;
  latency?: LatencySpec;
  /** A CPU-bound SuiteCRM: per-kind request costs on `cores` cores (faults/cpu-model.ts). */
  cpu?: CpuModelSpec;
  /** Install the SLA package (custom fields, time-entry module, hook). Default true. */
  withPackage?: boolean;
  /** When the package was installed: generated cases created earlier have no package fields and no change log. */
  installedAt?: number | string;
  /** The stamp in the comments of the package's fields (default: the package built from this repository); false for none. */
  packageStamp?: PackageStampOptions | false;
  extraCustomFields?: Partial<Record<'Accounts' | 'Cases', CustomFieldSpec[]>>;
  users?: readonly StandInUser[];
  clients?: readonly OAuthClient[];
  /**
   * The SuiteCRM it looks like: 7 (7.14.6, the default: the API under /Api) or 8 (8.8.0: the
   * API under /legacy/Api, and /Api paths answered with the Symfony front controller's 307 to
   * /legacy/Api/index.php/...). The API's answers are the same: 8.x serves 7.14.6's Api code.
   */
  suitecrm?: 7 | 8;
  /** Where the API lives, overriding the default of `suitecrm` (`/Api` on 7, `/legacy/Api` on 8). */
  apiBase?: string;
  /** The control endpoint's path, or false to serve none. */
  controlPath?: string | false;
  /** Who API saves are logged as in the case change log. */
  actor?: ChangeLogActor;
  /** beanAliases (object names accepted for module names). */
  aliases?: Record<string, string>;
  /**
   * Lists without `sort`: `id` order (the default; what the captures show for small tables) or
   * `unstable`, a different order on every request, as MySQL may give (fixtures item 28).
   */
  unsortedOrder?: 'id' | 'unstable';
  /** Keep every write request the API receives, for `control.writes()` (default false). */
  journalWrites?: boolean;
}

export interface StandIn {
  /** http://host:port */
  url: string;
  /** url + apiBase, e.g. http://127.0.0.1:39123/Api */
  apiUrl: string;
  /** apiBase: `/Api` or `/legacy/Api` */
  apiPath: string;
  suitecrm: 7 | 8;
  store: StandInStore;
  control: StandInControl;
  /** Milliseconds spent generating and indexing the data. */
  seedMs: number;
  close(): Promise<void>;
}

export const DEFAULT_SCALE: SeedScale = { accounts: 10 };
const DEFAULT_ALIASES = { Account: 'Accounts', aCase: 'Cases', Case: 'Cases' };

/** Builds the store and loads generated and given rows, without serving anything. */
export function buildStore(options: StandInOptions, now: number): StandInStore {
  const withPackage = options.withPackage ?? true;
  const store = new StandInStore(
    {
      withPackage,
      ...(options.extraCustomFields ? { extraCustomFields: options.extraCustomFields } : {}),
      ...(options.packageStamp === undefined ? {} : { packageStamp: options.packageStamp }),
    },
    options.users ?? DEFAULT_USERS,
  );
  const scale = options.scale === undefined ? DEFAULT_SCALE : options.scale;
  const generated =
    scale === false
      ? undefined
      : generateRows({
          seed: options.seed ?? 1,
          now,
          scale,
          withPackage,
          ...(options.installedAt === undefined
            ? {}
            : {
                installedAt:
                  typeof options.installedAt === 'number'
                    ? options.installedAt
                    : Date.parse(options.installedAt),
              }),
        });
  for (const module of store.modules.keys()) {
    const given = (options.records?.[module] ?? []).map(
      (row) => ({ deleted: '0', ...row }) as unknown as Row,
    );
    store.load(module, [...(generated?.[module] ?? []), ...given]);
  }
  return store;
}

/**
 * Starts a fake SuiteCRM 7.14 V8 API on a local port: the bridge's tests, its built-in demo
 * and its benchmarks talk to it instead of a real SuiteCRM. It answers as the real captures
 * in test/fixtures/suitecrm-v8 show, quirks included.
 */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  // A frozen clock starts on a whole second, as SuiteCRM stamps seconds; a running one starts at
  // the real instant, or it would run behind the real clock by up to a second for its whole life.
  const mode = options.clock ?? 'frozen';
  const start =
    options.now !== undefined
      ? parseTime(options.now)
      : mode === 'running'
        ? 'real'
        : Math.floor(Date.now() / 1000) * 1000;
  const clock = new VirtualClock(start, mode);
  const now = start === 'real' ? clock.now() : start;
  const started = performance.now();
  const store = buildStore(options, now);
  const seedMs = performance.now() - started;
  const seed = options.seed ?? 1;
  const ids = new Prng(seed ^ 0x5eed1d5);
  const newId = () => ids.guid();
  const tokens = new TokenService(options.clients ?? DEFAULT_CLIENTS, store, clock);
  const faults = new FaultQueue();
  const counters = new RequestCounters();
  const journal = new WriteJournal(options.journalWrites ?? false);
  if (options.latency) validateLatency(options.latency);
  const latency = { current: options.latency };
  const cpu = options.cpu ? new CpuModel(options.cpu) : undefined;
  const ordering = { unsorted: options.unsortedOrder ?? 'id', requests: 0 };
  const serverClock = { offsetMs: 0 };
  const control = createControl({
    store,
    clock,
    tokens,
    faults,
    counters,
    journal,
    newId,
    latency,
    ordering,
    serverClock,
  });
  const controlPath = options.controlPath === false ? undefined : (options.controlPath ?? '/__standin');
  const suitecrm = options.suitecrm ?? 7;
  const apiBase = options.apiBase ?? (suitecrm === 8 ? '/legacy/Api' : '/Api');

  const pending = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  const timers = {
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        const entry = {
          timer: setTimeout(() => {
            pending.delete(entry);
            resolve();
          }, ms),
          resolve,
        };
        pending.add(entry);
      }),
  };
  const listener = createListener(
    {
      store,
      tokens,
      clock,
      newId,
      aliases: options.aliases ?? DEFAULT_ALIASES,
      actor: options.actor ?? 'api',
      unsortedOrder: () => ordering.unsorted,
      nextRequestNumber: () => ++ordering.requests,
      apiBase,
      suitecrm,
      faults,
      counters,
      journal,
      prng: new Prng(seed ^ 0x1a7e),
      latency: () => latency.current,
      cpu: () => cpu,
      serverClockOffsetMs: () => serverClock.offsetMs,
      control: controlPath ? createControlRoutes(control, store) : undefined,
      controlPath,
    },
    timers,
  );
  const server = createServer((request, response) => {
    void listener(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  let closed: Promise<void> | undefined;
  return {
    url,
    apiUrl: `${url}${apiBase}`,
    apiPath: apiBase,
    suitecrm,
    store,
    control,
    seedMs,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        for (const entry of pending) {
          clearTimeout(entry.timer);
          entry.resolve();
        }
        pending.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
