import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runPhp } from '../../support/php.js';
import { needPhp } from '../../support/services.js';

/**
 * The package's plain PHP classes, unit-tested in PHP by test/php/run-tests.php (no SuiteCRM):
 * the Cases hook's logic on fake beans driven by the shared change-log table, who is saving,
 * the time entry's account, layout merging on stock and Studio-customised layouts, and the
 * install and uninstall steps against in-memory layouts and records.
 */
const php = needPhp();

interface PhpTest {
  file: string;
  name: string;
  ok: boolean;
  assertions: number;
  message: string;
}

const TEST_FILES = readdirSync(join(ROOT, 'test', 'php', 'tests'))
  .filter((name) => name.endsWith('.test.php'))
  .sort()
  .map((name) => `test/php/tests/${name}`);

describe.skipIf(php.skip)('the package PHP unit tests', () => {
  const run = php.skip ? undefined : runPhp(['test/php/run-tests.php', ...TEST_FILES]);
  const report = run ? (JSON.parse(run.stdout) as { tests: PhpTest[]; failed: number }) : undefined;

  it('all pass, each with at least one assertion', () => {
    expect(run?.stderr).toBe('');
    const failures = (report?.tests ?? [])
      .filter((t) => !t.ok)
      .map((t) => `${t.file}: ${t.name}: ${t.message}`);
    expect(failures).toEqual([]);
    expect(report?.failed).toBe(0);
    expect(run?.status).toBe(0);
    for (const test of report?.tests ?? []) expect(test.assertions, test.name).toBeGreaterThan(0);
  });

  it('every test file contributes tests', () => {
    const perFile = new Map<string, number>();
    for (const test of report?.tests ?? []) perFile.set(test.file, (perFile.get(test.file) ?? 0) + 1);
    expect([...perFile.keys()].sort()).toEqual(TEST_FILES);
    for (const [file, count] of perFile) expect(count, file).toBeGreaterThanOrEqual(3);
  });

  it('run every example of the shared change-log table through the hook logic', () => {
    const examples = (report?.tests ?? []).filter((t) => t.name.startsWith('change log example: '));
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(examples.every((t) => t.ok)).toBe(true);
  });

  it('report a failing test as a failure', () => {
    const failing = runPhp(['test/php/run-tests.php', 'test/php/support/self-check.php']);
    const result = JSON.parse(failing.stdout) as { tests: PhpTest[]; failed: number };
    expect(failing.status).toBe(1);
    expect(result.tests.map((t) => [t.name, t.ok])).toEqual([
      ['fails on a wrong value', false],
      ['fails when it asserts nothing', false],
      ['fails on a PHP warning', false],
      ['passes', true],
    ]);
  });
});
