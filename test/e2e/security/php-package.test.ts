import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, ROOT, runPhp } from '../../support/php.js';
import { needPhp } from '../../support/services.js';

/**
 * The SuiteCRM package never builds SQL from input and respects SuiteCRM's ACL.
 *
 * SQL: test/php/sql-scan.php tokenizes every PHP file of the package with PHP's own tokenizer
 * and lists each piece of SQL text handed to the database layer, operand by operand. Every
 * operand must be a literal, a value through `$db->quoted()`, or one of two reviewed
 * identifiers (a bean's own table name; a column name from the package's constants), with no
 * string interpolation and no superglobal. The sites themselves are an inventory: a new one
 * fails this test until it is reviewed and added.
 *
 * ACL and record access: what runs on users' requests (the three logic hooks and what they
 * require, the module's bean, menu, views and the Extension drop-ins) reads no other record
 * through beans or lists, saves nothing itself, and makes one reviewed query; the module's
 * bean takes part in SuiteCRM's ACL, its menu shows each action only with the right, and the
 * install registers the module's access rights. (The bridge itself reaches records only through
 * the V8 API, which applies its API user's ACL.)
 */
const php = needPhp();
const PACKAGE = 'suitecrm-module';

interface Operand {
  kind: 'literal' | 'quoted' | 'int' | 'interpolated' | 'other';
  text: string;
}
interface SqlSite {
  file: string;
  line: number;
  call: string;
  function: string;
  operands: Operand[];
  superglobal: boolean;
}

function scan(files: readonly string[]): SqlSite[] {
  const run = runPhp(['test/php/sql-scan.php', ...files]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as SqlSite[];
}

const phpFiles = () => filesUnder(PACKAGE).filter((file) => file.endsWith('.php'));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** A file and every package file it requires with `__DIR__ . '/X.php'`, transitively. */
function withRequires(start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const folder = file.slice(0, file.lastIndexOf('/'));
    for (const match of read(file).matchAll(/require_once __DIR__ \. '\/([\w.]+\.php)'/g)) {
      queue.push(`${folder}/${match[1]}`);
    }
    for (const match of read(file).matchAll(/require_once '(custom\/include\/[\w/.]+\.php)'/g)) {
      queue.push(`${PACKAGE}/${match[1]}`);
    }
  }
  return seen;
}

/** What SuiteCRM loads on users' requests once the package is installed. */
function runtimeFiles(): Set<string> {
  const manifest = runPhp(['test/php/dump-manifest.php', '.']);
  expect(manifest.status, manifest.stderr).toBe(0);
  const hooks = (
    JSON.parse(manifest.stdout) as { installdefs: { logic_hooks: Array<{ file: string }> } }
  ).installdefs.logic_hooks.map((hook) => `${PACKAGE}/${hook.file}`);
  expect(hooks.length).toBe(6); // before_save on three modules, and the change marker's after_save on the same three
  const always = phpFiles().filter((file) =>
    [
      `${PACKAGE}/modules/`,
      `${PACKAGE}/custom/Extension/`,
      `${PACKAGE}/custom/metadata/`,
      `${PACKAGE}/custom/modules/`,
      `${PACKAGE}/custom/include/SugarFields/`,
    ].some((prefix) => file.startsWith(prefix)),
  );
  return withRequires([...hooks, ...always]);
}

describe.skipIf(php.skip)('the SQL scanner', () => {
  it('sees SQL built from input, however it is built', () => {
    const dir = mkdtempSync(join(tmpdir(), 'php-sql-'));
    const bad = join(dir, 'bad.php');
    writeFileSync(
      bad,
      [
        '<?php',
        'function a($db, $id) { return $db->query("SELECT * FROM cases WHERE id = \'$id\'"); }',
        "function b($db, $id) { return $db->getOne('SELECT name FROM accounts WHERE id = ' . $id); }",
        "function c() { return $GLOBALS['db']->query('DELETE FROM x WHERE id = ' . $GLOBALS['db']->quoted($_REQUEST['id'])); }",
        "function d($db, $n) { return $db->limitQuery('SELECT id FROM cases WHERE n > ' . (int)$n . ' ORDER BY ' . $n, 0, 10); }",
        "function e($link, $id) { return mysqli_query($link, 'SELECT 1 FROM t WHERE id = ' . $id); }",
      ].join('\n'),
    );
    const sites = scan([bad]);
    expect(sites.map((site) => site.function)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sites[0]?.operands.map((o) => o.kind)).toEqual(['interpolated']);
    expect(sites[1]?.operands.map((o) => o.kind)).toEqual(['literal', 'other']);
    expect(sites[2]?.operands.map((o) => o.kind)).toEqual(['literal', 'quoted']);
    expect(sites[2]?.superglobal).toBe(true);
    expect(sites[3]?.operands.map((o) => o.kind)).toEqual(['literal', 'int', 'literal', 'other']);
    expect(sites[4]?.operands.map((o) => o.kind)).toEqual(['literal', 'other']);
  });
});

describe.skipIf(php.skip)('SQL in the package', () => {
  const REVIEWED_IDENTIFIERS: Record<string, string> = {
    // The table of the bean SuiteCRM builds for a module name the package passes (its own constants).
    '$bean->table_name': 'a bean class property, not input',
    // activeIdsWhere's column: only ever a `parent_field` of the ready-made records (checked below).
    $field: 'a column name from the package constants',
    // The change marker's counter: one of SupportSla_ChangeMarker's three column constants.
    $column: 'a counter column from the package constants',
    // The SLA queue dashlet: literals, quoted() values, SuiteCRM's own access and security-group
    // conditions (test/php/tests/sla-queue.test.php checks what it is made of).
    'SupportSla_Queue::sql($this->options, $userId, $db, $accessWhere, $teamsWhere)':
      'the SLA queue query, reviewed',
  };

  it('is made of literals and quoted values only, with no interpolation and no superglobal', () => {
    const sites = scan(phpFiles());
    const problems = sites.flatMap((site) => [
      ...(site.superglobal ? [`${site.file}:${site.line}: a superglobal in SQL`] : []),
      ...site.operands
        .filter((operand) => operand.kind === 'interpolated' || operand.kind === 'other')
        .filter((operand) => !(operand.kind === 'other' && operand.text in REVIEWED_IDENTIFIERS))
        .map((operand) => `${site.file}:${site.line}: ${operand.kind} ${operand.text}`),
    ]);
    expect(problems).toEqual([]);
    // Every value in a WHERE is quoted: a literal ending in "= " is always followed by quoted().
    for (const site of sites) {
      site.operands.forEach((operand, index) => {
        if (operand.kind === 'literal' && /=\s*'$/.test(operand.text)) {
          expect(site.operands[index + 1]?.kind, `${site.file}:${site.line}`).toBe('quoted');
        }
      });
    }
  });

  it('is where it was reviewed, and nowhere else', () => {
    const sites = scan(phpFiles()).map(
      (site) => `${site.file.replace(`${PACKAGE}/custom/include/SupportSla/`, '')} ${site.function}`,
    );
    expect(sites.sort()).toEqual([
      'SupportSla_ChangeMarker.php create', // runtime: the change marker's row, on the first save after install
      'SupportSla_ChangeMarker.php increment', // runtime: one module's save counter (docs/freshness.md)
      'SupportSla_RelatedNames.php namesOf', // runtime: a retrieved time entry's case and account names (docs/cost.md)
      'SupportSla_SuiteCrm.php activeIdsWhere', // install/uninstall: child rows of the package's reports and workflows
      'SupportSla_SuiteCrm.php reportsOn', // install: names of live reports on the time-entry module
      'SupportSla_SuiteCrm.php state', // install: missing, live or soft-deleted, by the package's fixed ids
      'SupportSla_TimeEntryHook.php accountIdOf', // runtime: a time entry's account from its case
      'SupportSla_TimeEntryHook.php subjectOf', // runtime: a blank time-entry subject: its case's number
      'SupportSla_TimeEntryHook.php subjectOf', // and its case's subject
      'suitecrm-module/custom/modules/Home/Dashlets/SlaQueueDashlet/SlaQueueDashlet.php display', // runtime: the SLA queue dashlet
    ]);
  });

  it('takes the one column name it splices from the package constants', () => {
    const readyMade = ['SupportSla_ReadyMade.php', 'SupportSla_ReadyMadeWorkflows.php']
      .map((file) => read(`${PACKAGE}/custom/include/SupportSla/${file}`))
      .join('\n');
    const fields = [...readyMade.matchAll(/'parent_field' => ([^,]+),/g)].map((match) => match[1]);
    expect(fields.length).toBe(5);
    for (const field of fields) expect(field).toMatch(/^'[a-z_]+'$/);
    const installer = read(`${PACKAGE}/custom/include/SupportSla/SupportSla_RecordInstaller.php`);
    const calls = [...installer.matchAll(/\$this->store->activeIdsWhere\(([^)]*)\)/g)].map(
      (match) => match[1],
    );
    expect(calls.length).toBe(2);
    for (const args of calls) expect(args).toMatch(/^\$group\['module'\], \$group\['parent_field'\], /);
  });
});

describe.skipIf(php.skip)('record access and ACL', () => {
  it('what runs on users’ requests reads no other record, saves nothing, and is not the installer', () => {
    const runtime = runtimeFiles();
    expect(runtime.has(`${PACKAGE}/custom/include/SupportSla/SupportSla_CaseHook.php`)).toBe(true);
    expect(runtime.has(`${PACKAGE}/custom/include/SupportSla/SupportSla_AccountHook.php`)).toBe(true);
    expect(runtime.has(`${PACKAGE}/custom/include/SupportSla/SupportSla_ChangeLog.php`)).toBe(true);
    expect(runtime.has(`${PACKAGE}/custom/include/SupportSla/SupportSla_SuiteCrm.php`)).toBe(false);
    expect(runtime.has(`${PACKAGE}/custom/include/SupportSla/SupportSla_Installer.php`)).toBe(false);
    const access =
      /BeanFactory::|->retrieve\(|get_full_list|->get_list\(|retrieve_by_string_fields|get_linked_beans|load_relationship|->save\(|mark_deleted|DBManagerFactory|\$GLOBALS\['db'\]|->query\(/;
    const found = [...runtime].flatMap((file) =>
      read(file)
        .split('\n')
        .map((line, index) => ({ line: line.trim(), at: `${file}:${index + 1}` }))
        .filter(({ line }) => !line.startsWith('*') && !line.startsWith('//') && access.test(line))
        .map(({ line, at }) => `${at.replace(`${PACKAGE}/custom/include/SupportSla/`, '')}: ${line}`),
    );
    const getInstance = /^SupportSla_TimeEntryHook\.php:\d+: \$db = DBManagerFactory::getInstance\(\);$/;
    expect(found).toEqual([
      // Two reads of the time entry's own case (its account, its number and subject).
      expect.stringMatching(getInstance),
      expect.stringMatching(getInstance),
      // The change marker: its one row of its own table, counted up by fixed statements; no record read.
      expect.stringMatching(/^SupportSla_ChangeMarker\.php:\d+: \$db = \$GLOBALS\['db'\];$/),
      expect.stringMatching(/^SupportSla_ChangeMarker\.php:\d+: return \$db->query\($/),
      expect.stringMatching(/^SupportSla_ChangeMarker\.php:\d+: return \$db->query\($/),
      // The SLA queue dashlet reads cases only after ACLController::checkAccess('Cases', 'list'),
      // with the Case bean's buildAccessWhere('list') in its one query.
      expect.stringMatching(/SlaQueueDashlet\.php:\d+: \$db = DBManagerFactory::getInstance\(\);$/),
      expect.stringMatching(/SlaQueueDashlet\.php:\d+: \$case = BeanFactory::newBean\('Cases'\);$/),
      // A retrieved time entry's case and account names, in one query instead of SuiteCRM's
      // full load of both records: what the stock relate fill reads, with no ACL either.
      expect.stringMatching(/^SupportSla_RelatedNames\.php:\d+: \$db = DBManagerFactory::getInstance\(\);$/),
      expect.stringMatching(/^SupportSla_RelatedNames\.php:\d+: \$row = \$db->fetchByAssoc\(\$db->query\($/),
    ]);
    const runtimeSql = scan([...runtime]).map((site) => site.function);
    expect(runtimeSql).toEqual([
      'accountIdOf',
      'subjectOf',
      'subjectOf',
      'increment',
      'create',
      'display',
      'namesOf',
    ]);
    const dashlet = read(`${PACKAGE}/custom/modules/Home/Dashlets/SlaQueueDashlet/SlaQueueDashlet.php`);
    expect(dashlet).toMatch(
      /if \(!ACLController::checkAccess\('Cases', 'list', true\)\) \{\s*return [^;]+;\s*\}[\s\S]*\$accessWhere = \$case->buildAccessWhere\('list'\);/,
    );
  });

  it('the time-entry module takes part in SuiteCRM’s ACL, and its menu asks for each right', () => {
    const bean = read(`${PACKAGE}/modules/SLA_TimeEntries/SLA_TimeEntry.php`);
    expect(bean).toMatch(
      /public function bean_implements\(\$interface\)\s*\{\s*switch \(\$interface\) \{\s*case 'ACL':\s*return true;/,
    );
    const menu = read(`${PACKAGE}/modules/SLA_TimeEntries/Menu.php`);
    const entries = (menu.match(/\$module_menu\[\] =/g) ?? []).length;
    const guarded = [
      ...menu.matchAll(
        /if \(ACLController::checkAccess\('SLA_TimeEntries', '(\w+)', true\)\) \{\s*\$module_menu\[\] =/g,
      ),
    ].map((match) => match[1]);
    expect(entries).toBe(3);
    expect(guarded).toEqual(['edit', 'list', 'import']);
  });

  it('the install registers the module’s access rights', () => {
    const installer = read(`${PACKAGE}/custom/include/SupportSla/SupportSla_Installer.php`);
    expect(installer).toMatch(/\$this->platform->ensureAclActions\(self::TIME_ENTRY_MODULE\);/);
    const platform = read(`${PACKAGE}/custom/include/SupportSla/SupportSla_SuiteCrm.php`);
    expect(platform).toMatch(/ACLAction::addActions\(\$module, 'module'\);/);
  });
});
