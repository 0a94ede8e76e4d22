import type { Knex } from 'knex';
import { createContext, insertIgnoringDuplicates } from '../store-context.js';
import { TABLES } from '../tables.js';
import { dialectOf } from './schema-helpers.js';

/**
 * Creates knex's two bookkeeping tables (migrations run, migration lock) before knex does.
 * knex checks "is there a lock row?" and inserts one without a key, so two first-time
 * migrates racing could leave two lock rows, after which every migrate reports "already
 * locked" forever. Here the lock row has the fixed key 1 and is inserted ignoring duplicates,
 * and a table another process created a moment earlier is simply accepted. knex then finds
 * both tables and the row, and creates nothing itself.
 */
export async function ensureMigrationBookkeeping(knex: Knex): Promise<void> {
  await createTolerantly(knex, TABLES.migrations, (table) => {
    // The same definition knex would use.
    table.increments();
    table.string('name');
    table.integer('batch');
    table.timestamp('migration_time');
  });
  await createTolerantly(knex, TABLES.migrationsLock, (table) => {
    table.increments('index').primary();
    table.integer('is_locked');
  });
  await insertIgnoringDuplicates(
    createContext(knex, dialectOf(knex)),
    TABLES.migrationsLock,
    [{ index: 1, is_locked: 0 }],
    ['index'],
  );
}

async function createTolerantly(
  knex: Knex,
  name: string,
  build: (table: Knex.CreateTableBuilder) => void,
): Promise<void> {
  if (await knex.schema.hasTable(name)) return;
  try {
    await knex.schema.createTable(name, build);
  } catch (error) {
    if (!(await knex.schema.hasTable(name))) throw error;
    // Created by a concurrent migrate between our check and our create.
  }
}
