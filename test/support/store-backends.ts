import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe } from 'vitest';
import {
  type Lease,
  openStore,
  parseStoreUrl,
  type Store,
  type StoreRepositories,
} from '../../bridge/src/store/index.js';
import { knexConfigFor } from '../../bridge/src/store/knex-config.js';
import { type BackendName, type ScratchStore, scratchStore } from './scratch-store.js';
import { needMariaDb } from './services.js';

export { type BackendName, type ScratchStore, scratchStore };

/**
 * The store's back ends under test: a SQLite temp file, and MariaDB at 127.0.0.1:3306 where
 * every suite creates its own database with a random name and drops it afterwards. Each store
 * suite runs once per back end through `describeStore`.
 */
const mariadbCheck = await needMariaDb();

export const BACKENDS: ReadonlyArray<{ name: BackendName; skip: boolean }> = [
  { name: 'sqlite', skip: false },
  { name: 'mariadb', skip: mariadbCheck.skip },
];

/** A controllable clock for the store's bookkeeping instants and lease expiry. */
export class TestClock {
  constructor(public value = Date.UTC(2026, 0, 15, 10, 0, 0)) {}
  readonly now = (): number => this.value;
  advance(ms: number): void {
    this.value += ms;
  }
}

/** One migrated store per suite, with the write lease held, plus helpers. */
export class StoreTestEnv {
  readonly clock = new TestClock();
  private scratch: ScratchStore | undefined;
  private opened: Store[] = [];
  private knexes: Knex[] = [];
  private mainStore: Store | undefined;
  private mainLease: Lease | undefined;

  constructor(readonly backend: BackendName) {}

  get store(): Store {
    if (!this.mainStore) throw new Error('the store is not open yet');
    return this.mainStore;
  }

  get lease(): Lease {
    if (!this.mainLease) throw new Error('no lease yet');
    return this.mainLease;
  }

  get url(): string {
    if (!this.scratch) throw new Error('no scratch store yet');
    return this.scratch.url;
  }

  async setUp(): Promise<void> {
    this.scratch = await scratchStore(this.backend);
    this.mainStore = await this.open({ create: true });
    await this.mainStore.migrate();
    const attempt = await this.mainStore.leases.acquire('test-suite', 3_600_000);
    if (!attempt.acquired) throw new Error('the test suite could not take the lease');
    this.mainLease = attempt.lease;
  }

  /** Another Store on the same database or file (closed at tear-down). */
  async open(options: { create?: boolean; clock?: () => number } = {}): Promise<Store> {
    const store = await openStore(this.url, {
      create: options.create ?? false,
      clock: options.clock ?? this.clock.now,
    });
    this.opened.push(store);
    return store;
  }

  /** A knex instance of the test's own on the same database, for checks below the Store's API. */
  rawKnex(): Knex {
    const knex = knexFactory(knexConfigFor(parseStoreUrl(this.url)));
    this.knexes.push(knex);
    return knex;
  }

  /** A write without the lease (admin commands). */
  writeUnfenced<T>(fn: (repositories: StoreRepositories) => Promise<T>): Promise<T> {
    return this.store.writeUnfenced(fn);
  }

  /** A fenced write with the suite's lease. */
  write<T>(fn: (repositories: StoreRepositories) => Promise<T>): Promise<T> {
    return this.store.write(this.lease, fn);
  }

  async tearDown(): Promise<void> {
    for (const store of this.opened) await store.close().catch(() => undefined);
    for (const knex of this.knexes) await knex.destroy().catch(() => undefined);
    await this.scratch?.drop();
  }
}

/** Runs `suite` once per back end, each against a freshly migrated store of its own. */
export function describeStore(title: string, suite: (env: StoreTestEnv) => void): void {
  for (const backend of BACKENDS) {
    describe.skipIf(backend.skip)(`${title} [${backend.name}]`, () => {
      const env = new StoreTestEnv(backend.name);
      beforeAll(() => env.setUp());
      afterAll(() => env.tearDown());
      suite(env);
    });
  }
}
