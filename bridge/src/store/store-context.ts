import type { Knex } from 'knex';

export type StoreDialect = 'mysql' | 'sqlite';

/**
 * What every repository is built with: the connection or transaction it runs on, the dialect
 * (for the few statements the two back ends spell differently), and the clock used for the
 * store's own bookkeeping instants (recorded at, updated at, lease expiry). Business instants
 * (event times, due times, cursors) always come from the caller.
 */
export interface StoreContext {
  db: Knex;
  dialect: StoreDialect;
  now: () => number;
}

type Row = Record<string, unknown>;

/** A context on a bare connection (migrations), with the wall clock. */
export function createContext(db: Knex, dialect: StoreDialect, now: () => number = Date.now): StoreContext {
  return { db, dialect, now };
}

/**
 * Runs an insert/update/delete and returns how many rows it changed. knex only reports this for
 * update and delete; for inserts the raw driver result has it (mysql2 `affectedRows`,
 * better-sqlite3 `changes`). The store's mysql2 connections run without CLIENT_FOUND_ROWS, so
 * a duplicate-key no-op counts 0, not 1.
 */
export async function changedRows(ctx: StoreContext, builder: Knex.QueryBuilder): Promise<number> {
  const { sql, bindings } = builder.toSQL();
  const result: unknown = await ctx.db.raw(sql, bindings as Knex.RawBinding[]);
  if (ctx.dialect === 'mysql') {
    const header = (Array.isArray(result) ? result[0] : result) as { affectedRows?: number };
    return header.affectedRows ?? 0;
  }
  return (result as { changes?: number }).changes ?? 0;
}

/**
 * Inserts rows, silently skipping any whose unique key already exists (never an error, never an
 * update), and returns how many were new. SQLite: `ON CONFLICT DO NOTHING`. MySQL: a no-op
 * `ON DUPLICATE KEY UPDATE k = VALUES(k)` rather than `INSERT IGNORE`, which would also turn
 * real errors (a value too long, a NULL in a NOT NULL column) into warnings.
 */
export async function insertIgnoringDuplicates(
  ctx: StoreContext,
  table: string,
  rows: readonly Row[],
  uniqueColumns: readonly string[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const first = uniqueColumns[0];
  if (first === undefined) throw new Error('insertIgnoringDuplicates needs the unique columns');
  const insert = ctx.db(table).insert(rows as Row[]);
  const builder =
    ctx.dialect === 'mysql'
      ? insert.onConflict(uniqueColumns as string[]).merge([first])
      : insert.onConflict(uniqueColumns as string[]).ignore();
  return changedRows(ctx, builder);
}

/** Inserts rows or, when the key exists, overwrites `updateColumns` (an upsert). */
export async function upsertRows(
  ctx: StoreContext,
  table: string,
  rows: readonly Row[],
  keyColumns: readonly string[],
  updateColumns: readonly string[],
): Promise<void> {
  if (rows.length === 0) return;
  await ctx
    .db(table)
    .insert(rows as Row[])
    .onConflict(keyColumns as string[])
    .merge(updateColumns as string[]);
}

/** 0/1, true/false or null from either driver, as a boolean or null. */
export function toBool(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  return value === true || value === 1 || value === '1' || value === 1n;
}

/** BIGINT columns come back as numbers from both drivers; this also accepts strings and bigints. */
export function toSafeInteger(value: unknown): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(number))
    throw new Error(`not a whole number the store can hold: ${String(value)}`);
  return number;
}

/** An epoch-millisecond instant from a BIGINT `*_ms` column. */
export const toInstant = toSafeInteger;

export function toInstantOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : toInstant(value);
}

/** Rejects anything but a whole number of epoch milliseconds before it reaches a BIGINT column. */
export function checkInstant(value: number, what: string): number {
  if (!Number.isSafeInteger(value))
    throw new TypeError(`${what} must be whole epoch milliseconds, got ${value}`);
  return value;
}

/** Rows per `module` in a table (status and doctor counts). */
export async function countByModule(ctx: StoreContext, table: string): Promise<Record<string, number>> {
  const rows = await ctx.db(table).select('module').count({ n: '*' }).groupBy('module').orderBy('module');
  return Object.fromEntries((rows as Row[]).map((row) => [String(row.module), Number(row.n)]));
}
