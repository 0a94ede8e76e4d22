import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/run-cli.js';
import { importedModules, scanSqlSource } from '../../support/sql-scan.js';

/**
 * Every SQL statement goes through knex bindings: the store (the only code with SQL) is parsed
 * and every piece of SQL text it hands to knex or a driver must be static, with values passed
 * as bindings (see test/support/sql-scan.ts). Nothing outside the store talks to a database.
 */
function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}
const STORE = join(ROOT, 'bridge', 'src', 'store');

/** Snippets write `#{x}` for a template placeholder (a literal dollar-brace in a string would trip the linter). */
const code = (snippet: string) => snippet.replaceAll('#{', '\u0024{');

describe('the scanner', () => {
  it('flags SQL built from values, whichever way it is built', () => {
    const bad = [
      'export const a = (db, id) => db.raw(`SELECT * FROM t WHERE id = #{id}`);',
      "export const b = (db, id) => db.raw('SELECT * FROM t WHERE id = ' + id);",
      "export const c = (q, name) => q.whereRaw(`name = '#{name}'`);",
      "export function d(db, id) { const sql = 'DELETE FROM t WHERE id = ' + id; return db.raw(sql); }",
      "export const e = (c, mode) => c.query(`SET sql_mode = '#{mode}'`, () => {});",
      'export const f = (q, column) => q.orderByRaw(column);',
      'export const g = (id) => `UPDATE t SET a = 1 WHERE id = #{id}`;',
    ];
    for (const snippet of bad) expect(scanSqlSource('bad.ts', code(snippet)), snippet).not.toEqual([]);
  });

  it('accepts static SQL, bindings, constants, knex-compiled SQL and knex identifiers', () => {
    const good = [
      "export const a = (db) => db.raw('select 1');",
      "export const b = (db, v) => db.raw('CREATE DATABASE IF NOT EXISTS ??', [v]);",
      "const MODE = 'STRICT_ALL_TABLES'; export const c = (x) => x.query(`SET sql_mode = '#{MODE}'`, () => {});",
      'export async function d(ctx, builder) { const { sql, bindings } = builder.toSQL(); return ctx.db.raw(sql, bindings); }',
      'export const e = (db, table, id) => db(table).where({ id }).update({ a: 1 });',
      'const PATTERN = /^x/; export const f = (text) => PATTERN.exec(text);',
      'export const g = (where, e) => `the store at #{where} is locked: #{e}`;',
    ];
    for (const snippet of good) expect(scanSqlSource('good.ts', code(snippet)), snippet).toEqual([]);
  });

  it('reads the real store: a value spliced into its one raw statement would be caught', () => {
    const file = join(STORE, 'store-context.ts');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('ctx.db.raw(sql, bindings as Knex.RawBinding[])');
    const spliced = text.replace('ctx.db.raw(sql, bindings', "ctx.db.raw(sql + ' LIMIT ' + limit, bindings");
    expect(scanSqlSource(file, spliced)).toEqual([
      expect.stringMatching(
        /store-context\.ts:\d+: raw\(\) is given SQL text that is not static: sql \+ ' LIMIT ' \+ limit/,
      ),
    ]);
  });
});

describe('the store', () => {
  it('passes every value as a binding', () => {
    const files = sources(STORE);
    expect(files.length).toBeGreaterThan(20);
    const problems = files.flatMap((file) => scanSqlSource(relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('is the only code that talks to a database', () => {
    const drivers = new Set(['knex', 'mysql2', 'mysql2/promise', 'better-sqlite3']);
    const outside = [...sources(join(ROOT, 'bridge', 'src')), ...sources(join(ROOT, 'scripts'))]
      .filter((file) => !file.startsWith(`${STORE}/`))
      .flatMap((file) =>
        importedModules(readFileSync(file, 'utf8'))
          .filter((name) => drivers.has(name))
          .map((name) => `${relative(ROOT, file)} imports ${name}`),
      );
    expect(outside).toEqual([]);
  });
});
