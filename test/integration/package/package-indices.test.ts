import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../bridge/src/catalogue/catalogue.js';
import { runPhp } from '../../support/php.js';
import { MARIADB, needMariaDb, needPhp } from '../../support/services.js';

/**
 * The package's indexes for the bridge's changed-records read (docs/cost.md): defined in the
 * vardefs SuiteCRM loads (a Vardefs extension for the stock Accounts and Cases, the module's own
 * vardefs for SLA_TimeEntries), so SuiteCRM's repair (DBManager::repairTableParams, run by Module
 * Loader's install) creates them; and, on a real MariaDB, used by the two queries SuiteCRM runs
 * for each page the bridge asks for.
 */
const php = needPhp();
const mariadb = await needMariaDb();

type Index = { name: string; type: string; fields: string[] };
const VARDEF_FILES = {
  Accounts: 'suitecrm-module/custom/Extension/modules/Accounts/Ext/Vardefs/sla_support.php',
  Cases: 'suitecrm-module/custom/Extension/modules/Cases/Ext/Vardefs/sla_support.php',
  SLA_TimeEntries: 'suitecrm-module/modules/SLA_TimeEntries/vardefs.php',
} as const;

describe.skipIf(php.skip)('the package indexes, as SuiteCRM loads the vardefs', () => {
  let vardefs: Record<string, Record<string, { indices?: Index[] | Record<string, Index> }>>;
  beforeAll(() => {
    const run = runPhp(['test/php/dump-package.php']);
    expect(run.stderr).toBe('');
    vardefs = (JSON.parse(run.stdout) as { vardefs: typeof vardefs }).vardefs;
  });

  for (const module of ['Accounts', 'Cases', 'SLA_TimeEntries'] as const) {
    it(`${module}: (date_modified, deleted) on ${CATALOGUE.modules[module].table}`, () => {
      const info = CATALOGUE.modules[module];
      const wanted = info.indices ?? [];
      expect(wanted.map((index) => index.fields)).toEqual([['date_modified', 'deleted']]);
      const dictionary = vardefs[VARDEF_FILES[module]]?.[info.objectName];
      const loaded = Object.values(dictionary?.indices ?? {});
      for (const index of wanted) {
        expect(loaded).toContainEqual({ name: index.name, type: 'index', fields: index.fields });
      }
    });
  }
});

/**
 * The query shapes of SuiteCRM 7.14.6's Api/V8/Service/ModuleService.php getRecords for
 * `filter[date_modified][gte]=…&sort=date_modified&page[size]=100`: BeanManager::countRecords
 * counts with the filter alone (no deleted term), then SugarBean::create_new_list_query selects
 * with `deleted=0` added and the sort, joined to the custom table.
 */
const COUNT = (from: string) =>
  `SELECT COUNT(*) AS cnt FROM cases LEFT JOIN cases_cstm on (cases.id = cases_cstm.id_c) WHERE (cases.date_modified >= '${from}')`;
const PAGE = (from: string) =>
  `SELECT cases.id FROM cases LEFT JOIN cases_cstm ON cases.id = cases_cstm.id_c WHERE (cases.date_modified >= '${from}') AND cases.deleted=0 ORDER BY cases.date_modified ASC LIMIT 0,101`;

describe.skipIf(mariadb.skip)('the query plan of the bridge list call on MariaDB', () => {
  const database = `sla_index_test_${randomBytes(5).toString('hex')}`;
  let db: mysql.Connection;
  beforeAll(async () => {
    db = await mysql.createConnection({ ...MARIADB, multipleStatements: true });
    await db.query(`CREATE DATABASE \`${database}\`; USE \`${database}\``);
    // The columns that matter of SuiteCRM's cases table, with its stock indexes on them.
    await db.query(`CREATE TABLE cases (
      id char(36) NOT NULL PRIMARY KEY, name varchar(255), deleted tinyint(1) DEFAULT 0,
      date_modified datetime, status varchar(100), assigned_user_id char(36), account_id char(36),
      KEY idx_cases_stat_del (assigned_user_id, status, deleted), KEY idx_account_id (account_id))`);
    await db.query(
      'CREATE TABLE cases_cstm (id_c char(36) NOT NULL PRIMARY KEY, sla_coverage_c varchar(20))',
    );
    // 20,000 cases modified over two years, one in fifty deleted.
    await db.query(`INSERT INTO cases (id, name, deleted, date_modified, status)
      SELECT LPAD(seq, 36, '0'), CONCAT('Case ', seq), seq % 50 = 0,
        '2025-01-01' + INTERVAL seq * 53 MINUTE, 'Open_New' FROM seq_1_to_20000`);
    await db.query('INSERT INTO cases_cstm (id_c) SELECT id FROM cases');
    await db.query('ANALYZE TABLE cases, cases_cstm');
  });
  afterAll(async () => {
    await db?.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await db?.end();
  });

  const plan = async (sql: string) => {
    const [rows] = await db.query(`EXPLAIN ${sql}`);
    const first = (rows as Array<Record<string, unknown>>).find((row) => row.table === 'cases');
    return { type: String(first?.type), key: first?.key ?? null, extra: String(first?.Extra ?? '') };
  };

  it('without the package index: a full scan, the page with a filesort', async () => {
    const page = await plan(PAGE('2026-12-01 00:00:00'));
    expect(page.type).toBe('ALL');
    expect(page.extra).toContain('filesort');
    expect((await plan(COUNT('2026-12-01 00:00:00'))).type).toBe('ALL');
  });

  it('with it (as the vardef defines it): a range on the index for the page and the count, no filesort', async () => {
    const index = CATALOGUE.modules.Cases.indices?.[0];
    if (!index) throw new Error('the catalogue defines no Cases index');
    await db.query(`CREATE INDEX ${index.name} ON cases (${index.fields.join(', ')})`);
    await db.query('ANALYZE TABLE cases');
    // The steady tick: the last few minutes. The first sync reads from the tracking start, where a
    // scan may be cheaper; the tick runs every minute.
    const page = await plan(PAGE('2026-12-01 00:00:00'));
    expect(page).toMatchObject({ type: 'range', key: index.name });
    expect(page.extra).not.toContain('filesort');
    const count = await plan(COUNT('2026-12-01 00:00:00'));
    expect(count).toMatchObject({ type: 'range', key: index.name });
  });
});
