import type { Knex } from 'knex';
import type { StoreDialect } from '../store-context.js';

/**
 * Building blocks that keep each migration idempotent. MySQL commits DDL statement by statement
 * (a migration cannot be rolled back half-way), so every step checks whether it already
 * happened: a migration interrupted by a crash simply runs again.
 */
export function dialectOf(knex: Knex): StoreDialect {
  return knex.client.dialect === 'mysql' ? 'mysql' : 'sqlite';
}

export async function createTableIfMissing(
  knex: Knex,
  name: string,
  build: (table: Knex.CreateTableBuilder) => void,
): Promise<boolean> {
  if (await knex.schema.hasTable(name)) return false;
  const mysql = dialectOf(knex) === 'mysql';
  await knex.schema.createTable(name, (table) => {
    if (mysql) {
      // Binary collation: ids and keys compare byte by byte, as in SQLite and JavaScript.
      table.engine('InnoDB');
      table.charset('utf8mb4');
      table.collate('utf8mb4_bin');
    }
    build(table);
  });
  return true;
}

export async function createIndexIfMissing(
  knex: Knex,
  table: string,
  name: string,
  columns: readonly string[],
  options: { unique?: boolean } = {},
): Promise<boolean> {
  if (await hasIndex(knex, table, name)) return false;
  await knex.schema.alterTable(table, (builder) => {
    if (options.unique) builder.unique(columns as string[], { indexName: name });
    else builder.index(columns as string[], name);
  });
  return true;
}

async function hasIndex(knex: Knex, table: string, name: string): Promise<boolean> {
  if (dialectOf(knex) === 'mysql') {
    const rows = await knex('information_schema.statistics')
      .where({ table_schema: knex.raw('DATABASE()'), table_name: table, index_name: name })
      .first(knex.raw('1 as found'));
    return rows !== undefined;
  }
  const row = await knex('sqlite_master').where({ type: 'index', name, tbl_name: table }).first('name');
  return row !== undefined;
}

/** Text for JSON documents: MEDIUMTEXT (16 MiB) on MySQL, where TEXT stops at 64 KiB. */
export function jsonText(table: Knex.CreateTableBuilder, name: string): Knex.ColumnBuilder {
  return table.text(name, 'mediumtext');
}
