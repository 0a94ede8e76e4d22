import { describe, expect, it } from 'vitest';
import { isBridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { MIGRATIONS, openStore } from '../../../bridge/src/store/index.js';
import { TABLES } from '../../../bridge/src/store/tables.js';
import { BACKENDS, describeStore, scratchStore } from '../../support/store-backends.js';

const KNOWN = MIGRATIONS.map((migration) => migration.name);

describeStore('store migrations', (env) => {
  it('ran every migration on the first migrate, and a second migrate runs none', async () => {
    expect(await env.store.schemaStatus()).toEqual({ applied: KNOWN, pending: [], unknown: [] });
    const again = await env.store.migrate();
    expect(again).toEqual({ applied: [], migrations: KNOWN });
    await expect(env.store.requireCurrentSchema()).resolves.toBeUndefined();
  });

  it('creates every table the bridge owns', async () => {
    const knex = env.rawKnex();
    const missing: string[] = [];
    for (const table of Object.values(TABLES)) if (!(await knex.schema.hasTable(table))) missing.push(table);
    expect(missing).toEqual([]);
  });

  it('each migration module is itself idempotent: running its up() again changes nothing', async () => {
    await env.write((repositories) =>
      repositories.cursors.save('Cases', { at: Date.UTC(2026, 0, 1), lastId: 'abc' }),
    );
    const knex = env.rawKnex();
    for (const migration of MIGRATIONS) await migration.up(knex);
    expect(await env.store.schemaStatus()).toEqual({ applied: KNOWN, pending: [], unknown: [] });
    expect(await env.store.read((readers) => readers.cursors.get('Cases'))).toMatchObject({
      at: Date.UTC(2026, 0, 1),
      lastId: 'abc',
    });
  });

  it('reports a migration lock left by an interrupted migrate, and --force-unlock clears it', async () => {
    const knex = env.rawKnex();
    await knex(TABLES.migrationsLock).update({ is_locked: 1 });
    const error = await env.store.migrate({ lockWaitMs: 300 }).catch((caught: unknown) => caught);
    expect(isBridgeError(error) && error.code).toBe('store_conflict');
    expect((error as Error).message).toContain('--force-unlock');
    expect(await env.store.migrate({ forceUnlock: true })).toEqual({ applied: [], migrations: KNOWN });
    expect(await knex(TABLES.migrationsLock).first('is_locked')).toMatchObject({ is_locked: 0 });
  });

  it('refuses a store migrated by a newer bridge, naming the unknown migration', async () => {
    const knex = env.rawKnex();
    await knex(TABLES.migrations).insert({
      name: '9999-from-the-future',
      batch: 99,
      migration_time: new Date(),
    });
    try {
      const error = await env.store.migrate().catch((caught: unknown) => caught);
      expect(isBridgeError(error) && error.code).toBe('store_unavailable');
      expect((error as Error).message).toContain('9999-from-the-future');
      await expect(env.store.requireCurrentSchema()).rejects.toThrow(/newer bridge/);
    } finally {
      await knex(TABLES.migrations).where({ name: '9999-from-the-future' }).delete();
    }
    await expect(env.store.requireCurrentSchema()).resolves.toBeUndefined();
  });
});

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`an empty store [${backend.name}]`, () => {
    it('is created by openStore({create}) and says to run migrate until it is migrated', async () => {
      const scratch = await scratchStore(backend.name);
      const store = await openStore(scratch.url, { create: true });
      try {
        expect(await store.schemaStatus()).toEqual({ applied: [], pending: KNOWN, unknown: [] });
        const error = await store.requireCurrentSchema().catch((caught: unknown) => caught);
        expect(isBridgeError(error) && error.code).toBe('store_unavailable');
        expect((error as Error).message).toMatch(/sla-bridge migrate/);
        const read = await store.read((readers) => readers.cursors.list()).catch((caught: unknown) => caught);
        expect(isBridgeError(read) && read.code).toBe('store_unavailable');
        expect((await store.migrate()).applied).toEqual(KNOWN);
        expect((await store.migrate()).applied).toEqual([]);
      } finally {
        await store.close();
        await scratch.drop();
      }
    });

    // In one process, SQLite's busy wait blocks the event loop, so several connections of one
    // process cannot wait for each other; the CLI test runs concurrent SQLite migrates as processes.
    if (backend.name === 'mariadb')
      it('several migrates started at once on a new store all succeed, and migrate once', async () => {
        const scratch = await scratchStore(backend.name);
        const stores = [];
        try {
          for (let index = 0; index < 3; index++) stores.push(await openStore(scratch.url, { create: true }));
          const reports = await Promise.all(stores.map((store) => store.migrate()));
          expect(reports.flatMap((report) => report.applied)).toEqual(KNOWN);
          for (const report of reports) expect(report.migrations).toEqual(KNOWN);
        } finally {
          for (const store of stores) await store.close();
          await scratch.drop();
        }
      });

    it('without create, a missing store is store_unavailable naming where it looked', async () => {
      const scratch = await scratchStore(backend.name);
      try {
        const error = await openStore(scratch.url).catch((caught: unknown) => caught);
        expect(isBridgeError(error) && error.code).toBe('store_unavailable');
        expect((error as Error).message).toContain(backend.name === 'sqlite' ? scratch.url : '127.0.0.1:');
      } finally {
        await scratch.drop();
      }
    });
  });
}
