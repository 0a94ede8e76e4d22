import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPhp } from '../../support/php.js';
import { MARIADB, needMariaDb, needPhp } from '../../support/services.js';

/**
 * The SLA queue dashlet's query (SupportSla_Queue::sql, exactly as the dashlet builds it) on a
 * real MariaDB holding 100,000 cases: the tables as SuiteCRM 7.14 creates them (modules/Cases/vardefs.php
 * indices; cases_cstm keyed by id_c as DynamicField makes it; accounts; the security-group
 * tables with the indices of metadata/securitygroups_*MetaData.php), plus the package's index
 * SupportSla_Queue::INDEX. EXPLAIN shows one query reading only the open cases through that
 * index and joining the rest by primary key; the rows come back breached, at risk, then by due
 * time with blank due times last. The "my teams" condition is SuiteCRM's own
 * SecurityGroup::getGroupWhere text (modules/SecurityGroups/SecurityGroup.php), reproduced here.
 */
const php = needPhp();
const db = await needMariaDb();
const database = `sla_queue_plan_${randomBytes(4).toString('hex')}`;
const CASES = 100_000;

function queueSql(options: Record<string, unknown>, userId: string, teamsWhere = ''): string {
  const code = [
    "define('sugarEntry', true);",
    "require 'suitecrm-module/custom/include/SupportSla/SupportSla_Queue.php';",
    'final class Q { public function quoted($v) { return "\'" . str_replace("\'", "\'\'", (string)$v) . "\'"; } }',
    '$in = json_decode(stream_get_contents(STDIN), true);',
    "print SupportSla_Queue::sql($in['options'], $in['user'], new Q(), '', $in['teams']);",
  ].join(' ');
  const run = runPhp(['-r', code], JSON.stringify({ options, user: userId, teams: teamsWhere }));
  expect(run.stderr).toBe('');
  return run.stdout;
}

function indexSql(): { name: string; fields: string[] } {
  const run = runPhp([
    '-r',
    "define('sugarEntry', true); require 'suitecrm-module/custom/include/SupportSla/SupportSla_Queue.php'; print json_encode(SupportSla_Queue::INDEX);",
  ]);
  return JSON.parse(run.stdout) as { name: string; fields: string[] };
}

const groupWhere = (userId: string) => ` EXISTS (SELECT  1
                  FROM    securitygroups secg
                          INNER JOIN securitygroups_users secu
                            ON secg.id = secu.securitygroup_id
                               AND secu.deleted = 0
                               AND secu.user_id = '${userId}'
                          INNER JOIN securitygroups_records secr
                            ON secg.id = secr.securitygroup_id
                               AND secr.deleted = 0
                               AND secr.module = 'Cases'
                       WHERE   secr.record_id = cases.id
                               AND secg.deleted = 0) `;

describe.skipIf(php.skip || db.skip)('the SLA queue query on MariaDB with 100,000 cases', () => {
  let connection: mysql.Connection;

  beforeAll(async () => {
    connection = await mysql.createConnection({ ...MARIADB, multipleStatements: true });
    const index = indexSql();
    await connection.query(`CREATE DATABASE \`${database}\`; USE \`${database}\`;
      CREATE TABLE cases (id char(36) NOT NULL PRIMARY KEY, name varchar(255), case_number int NOT NULL AUTO_INCREMENT,
        account_id char(36), assigned_user_id char(36), status varchar(100), state varchar(100), deleted tinyint(1) DEFAULT 0,
        UNIQUE KEY case_number (case_number), KEY idx_case_name (name), KEY idx_account_id (account_id),
        KEY idx_cases_stat_del (assigned_user_id, status, deleted));
      CREATE TABLE cases_cstm (id_c char(36) NOT NULL PRIMARY KEY, sla_coverage_c varchar(20), sla_effective_severity_c varchar(1),
        sla_response_status_c varchar(20), sla_response_due_c datetime, sla_resolution_status_c varchar(20),
        sla_resolution_due_c datetime, sla_data_problem_c varchar(255), sla_input_stamp_c varchar(40), sla_input_seen_c varchar(40));
      CREATE TABLE accounts (id char(36) NOT NULL PRIMARY KEY, name varchar(150), deleted tinyint(1) DEFAULT 0);
      CREATE TABLE securitygroups (id char(36) NOT NULL PRIMARY KEY, name varchar(255), deleted tinyint(1) DEFAULT 0);
      CREATE TABLE securitygroups_users (id varchar(36) NOT NULL PRIMARY KEY, securitygroup_id varchar(36), user_id varchar(36),
        deleted tinyint(1) DEFAULT 0, KEY securitygroups_users_idxa (securitygroup_id), KEY securitygroups_users_idxb (user_id),
        KEY securitygroups_users_idxc (user_id, deleted, securitygroup_id, id));
      CREATE TABLE securitygroups_records (id char(36) NOT NULL PRIMARY KEY, securitygroup_id char(36), record_id char(36),
        module varchar(100), deleted tinyint(1) DEFAULT 0,
        KEY idx_securitygroups_records_mod (module, deleted, record_id, securitygroup_id),
        KEY idx_securitygroups_records_del (deleted, record_id, module, securitygroup_id));
      INSERT INTO accounts SELECT CONCAT('acc-', seq), CONCAT('Account ', seq), 0 FROM seq_1_to_500;
      INSERT INTO cases (id, name, account_id, assigned_user_id, status, state, deleted)
        SELECT CONCAT('case-', seq), CONCAT('Case ', seq), CONCAT('acc-', 1 + seq % 500), CONCAT('user-', seq % 50),
          IF(seq % 20 = 0, 'Open_Assigned', 'Closed_Closed'), IF(seq % 20 = 0, 'Open', 'Closed'), IF(seq % 997 = 0, 1, 0)
        FROM seq_1_to_${CASES};
      INSERT INTO cases_cstm SELECT CONCAT('case-', seq), IF(seq % 10 = 3, 'not_covered', 'covered'), 1 + FLOOR(seq / 20) % 4,
          ELT(1 + FLOOR(seq / 20) % 5, 'pending', 'at_risk', 'breached', 'met', 'pending'),
          IF(FLOOR(seq / 20) % 7 = 0, NULL, '2026-12-07 10:00:00' + INTERVAL (seq % 5000) MINUTE), 'pending',
          '2026-12-09 10:00:00' + INTERVAL (seq % 5000) MINUTE, NULL, NULL, NULL
        FROM seq_1_to_${CASES};
      INSERT INTO securitygroups VALUES ('g1', 'Team one', 0), ('g2', 'Team two', 0);
      INSERT INTO securitygroups_users VALUES ('su1', 'g1', 'user-7', 0);
      INSERT INTO securitygroups_records SELECT CONCAT('sr-', seq), IF(seq % 3 = 0, 'g1', 'g2'), CONCAT('case-', seq), 'Cases', 0
        FROM seq_1_to_${CASES} WHERE seq % 40 = 0;
      ALTER TABLE cases ADD INDEX ${index.name} (${index.fields.join(', ')});
      ANALYZE TABLE cases, cases_cstm, accounts, securitygroups_records, securitygroups_users;`);
  }, 120_000);

  afterAll(async () => {
    await connection?.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection?.end();
  });

  async function explain(sql: string) {
    const [rows] = await connection.query(`EXPLAIN ${sql} LIMIT 21`);
    return rows as Array<{ table: string; type: string; key: string | null; rows: number; Extra: string }>;
  }

  it('all cases: reads the open cases through the package index, joins by primary key', async () => {
    const plan = await explain(queueSql({ scope: 'all', severities: ['1', '2'] }, 'user-3'));
    process.stdout.write(`SLA queue plan (all):\n${JSON.stringify(plan, null, 1)}\n`);
    const byTable = new Map(plan.map((row) => [row.table, row]));
    expect(byTable.get('cases')?.key).toBe('idx_sla_queue');
    expect(byTable.get('cases')?.type).toBe('ref');
    expect(Number(byTable.get('cases')?.rows)).toBeLessThan(CASES / 5);
    expect(byTable.get('cases_cstm')).toMatchObject({ type: 'eq_ref', key: 'PRIMARY' });
    expect(byTable.get('accounts')).toMatchObject({ type: 'eq_ref', key: 'PRIMARY' });
  });

  it('my cases: the index with the user too', async () => {
    const plan = await explain(queueSql({ scope: 'mine' }, 'user-20'));
    const cases = plan.find((row) => row.table === 'cases');
    expect(cases?.key).toBe('idx_sla_queue');
    expect(Number(cases?.rows)).toBeLessThan(5000);
  });

  it('my teams: the same index, the security-group check by its own indices', async () => {
    const plan = await explain(queueSql({ scope: 'teams' }, 'user-7', groupWhere('user-7')));
    process.stdout.write(`SLA queue plan (teams):\n${JSON.stringify(plan, null, 1)}\n`);
    // MariaDB materialises the group check (the user's groups' records, by their indices) and
    // reads those cases by primary key; the only full read is of that small temporary table.
    const scans = plan.filter((row) => row.type === 'ALL').map((row) => row.table);
    expect(scans.every((table) => table.startsWith('<subquery'))).toBe(true);
    expect(plan.find((row) => row.table === 'cases')?.type).toMatch(/^(eq_ref|ref)$/);
    const [rows] = await connection.query(
      `${queueSql({ scope: 'teams' }, 'user-7', groupWhere('user-7'))} LIMIT 500`,
    );
    const ids = (rows as Array<{ id: string }>).map((row) => Number(row.id.slice(5)));
    // A full page: team one's open cases (every 120th of 100,000) are more than the limit.
    expect(ids.length).toBe(500);
    // Team one holds every 120th case (every 40th, one in three); open cases are every 20th.
    expect(ids.every((n) => n % 120 === 0)).toBe(true);
  });

  it('returns breached, then at risk, then by due time with blank due times last; no closed, uncovered or deleted case', async () => {
    const [rows] = await connection.query(`${queueSql({ scope: 'all' }, 'user-1')} LIMIT 6000`);
    const list = rows as Array<{
      id: string;
      sla_response_status_c: string;
      sla_response_due_c: Date | null;
      sla_resolution_due_c: Date | null;
    }>;
    const n = list.map((row) => Number(row.id.slice(5)));
    expect(n.every((x) => x % 20 === 0 && x % 10 !== 3 && x % 997 !== 0)).toBe(true);
    const rank = (s: string) => (s === 'breached' ? 0 : s === 'at_risk' ? 1 : 2);
    // The running target's due time: the response while it runs, else the resolution (pending here).
    const due = (row: (typeof list)[number]) =>
      row.sla_response_status_c === 'met' ? row.sla_resolution_due_c : row.sla_response_due_c;
    const key = (row: (typeof list)[number]): [number, number, number] => {
      const at = due(row);
      return [rank(row.sla_response_status_c), at === null ? 1 : 0, at === null ? 0 : at.getTime()];
    };
    let blanks = 0;
    for (let i = 1; i < list.length; i++) {
      const a = key(list[i - 1] as (typeof list)[number]);
      const b = key(list[i] as (typeof list)[number]);
      const order = a[0] !== b[0] ? a[0] - b[0] : a[1] !== b[1] ? a[1] - b[1] : a[2] - b[2];
      expect(order, `row ${i}`).toBeLessThanOrEqual(0);
      if (b[1] === 1) blanks++;
    }
    expect(blanks).toBe(571);
    expect(list[0]?.sla_response_status_c).toBe('breached');
  });
});
