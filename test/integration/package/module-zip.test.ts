import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModule, moduleEntries, moduleZipName } from '../../../scripts/build-module.js';
import { PACKAGE_DEFINITION } from '../../../scripts/gen/package-definition.js';
import { filesUnder, ROOT, runPhp } from '../../support/php.js';
import { needPhp } from '../../support/services.js';

/**
 * `npm run build:module` and the zip it writes: what Module Loader unpacks must be exactly the
 * manifest plus the package tree, every path the manifest names must be in it and every file in
 * it must be named by the manifest (or be one of the install scripts), and every file must pass
 * php -l and the ModuleScanner check as unpacked.
 */
const php = needPhp();

type Entry = Record<string, unknown>;
interface Manifest {
  manifest: Entry;
  installdefs: Record<string, unknown>;
}

let work = '';
let zipPath = '';
let entries: Record<string, Uint8Array> = {};
let unpacked = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'module-zip-'));
  // A dist folder that does not exist yet, two levels deep.
  const built = await buildModule(join(work, 'dist', 'nested'));
  zipPath = built.path;
  entries = unzipSync(readFileSync(zipPath));
  unpacked = join(work, 'unpacked');
  for (const [path, data] of Object.entries(entries)) {
    mkdirSync(dirname(join(unpacked, path)), { recursive: true });
    writeFileSync(join(unpacked, path), data);
  }
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const packageFiles = () => filesUnder('suitecrm-module').map((path) => path.slice('suitecrm-module/'.length));

describe('the module zip', () => {
  it('is written as dist/<name>-<version>.zip with the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(moduleZipName()).toBe(`sla-support-${version}.zip`);
    expect(zipPath).toBe(join(work, 'dist', 'nested', `sla-support-${version}.zip`));
  });

  it('holds exactly manifest.php and the package tree, byte for byte, PHP files only', () => {
    expect(Object.keys(entries).sort()).toEqual(['manifest.php', ...packageFiles()].sort());
    for (const [path, data] of Object.entries(entries)) {
      expect(path.endsWith('.php'), path).toBe(true);
      const source = path === 'manifest.php' ? join(ROOT, path) : join(ROOT, 'suitecrm-module', path);
      expect(Buffer.from(data).equals(readFileSync(source)), path).toBe(true);
    }
  });

  it('puts the install scripts in the zip root scripts/, where Module Loader runs them', () => {
    expect(Object.keys(entries).filter((path) => path.startsWith('scripts/'))).toEqual([
      'scripts/post_install.php',
      'scripts/pre_uninstall.php',
    ]);
    expect(Buffer.from(entries['scripts/post_install.php'] ?? []).toString()).toMatch(
      /function post_install\(\)/,
    );
    expect(Buffer.from(entries['scripts/pre_uninstall.php'] ?? []).toString()).toMatch(
      /function pre_uninstall\(\)/,
    );
  });

  it('is the same, byte for byte, when built again', async () => {
    const again = await buildModule(join(work, 'again'));
    expect(readFileSync(again.path).equals(readFileSync(zipPath))).toBe(true);
  });

  it('refuses files that are not PHP', () => {
    const root = mkdtempSync(join(tmpdir(), 'module-root-'));
    try {
      writeFileSync(join(root, 'manifest.php'), '<?php\n');
      mkdirSync(join(root, 'suitecrm-module', 'custom'), { recursive: true });
      writeFileSync(join(root, 'suitecrm-module', 'custom', 'notes.txt'), 'hello');
      expect(() => moduleEntries(root)).toThrow(/only PHP files may ship/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe.skipIf(php.skip)('the module zip, as Module Loader reads it', () => {
  let dump: Manifest;
  beforeAll(() => {
    const run = runPhp(['test/php/dump-manifest.php', unpacked]);
    expect(run.stderr).toBe('');
    dump = JSON.parse(run.stdout) as Manifest;
  });
  const section = (name: string) => (dump.installdefs[name] ?? []) as Entry[];
  const inZip = (from: unknown) => {
    expect(typeof from).toBe('string');
    expect(from as string).toMatch(/^<basepath>\//);
    return (from as string).slice('<basepath>/'.length);
  };

  /** A copy entry names a file or a whole folder; a folder stands for every file under it. */
  const copiedFiles = () =>
    section('copy').flatMap((e) => {
      const from = inZip(e.from);
      if (from.endsWith('.php')) return [from];
      const under = Object.keys(entries).filter((path) => path.startsWith(`${from}/`));
      expect(under.length, from).toBeGreaterThan(0);
      return under;
    });

  it('names only files of the zip, each once, and every file but the scripts', () => {
    const named = [
      ...copiedFiles(),
      ...section('language').map((e) => inZip(e.from)),
      ...section('vardefs').map((e) => inZip(e.from)),
      ...section('layoutdefs').map((e) => inZip(e.from)),
      ...section('relationships').map((e) => inZip(e.meta_data)),
    ];
    expect(new Set(named).size).toBe(named.length);
    const files = Object.keys(entries).filter(
      (path) => path !== 'manifest.php' && !path.startsWith('scripts/'),
    );
    expect([...named].sort()).toEqual(files.sort());
    for (const path of [...named, ...Object.keys(entries)]) {
      expect(path.split('/')).not.toContain('..');
      expect(path.startsWith('/')).toBe(false);
    }
  });

  it('copies each file to its own path, and installs the hooks and the bean from copied files', () => {
    const copied = new Set(copiedFiles());
    for (const entry of section('copy')) {
      // An icon ships as icons/X.svg.php (ModuleScanner takes PHP files only) and installs as X.svg.
      const icon = /^icons\/(\w+\.svg)\.php$/.exec(inZip(entry.from));
      expect(icon ? `themes/default/images/${icon[1]}` : inZip(entry.from)).toBe(entry.to);
    }
    for (const hook of section('logic_hooks'))
      expect(copied.has(hook.file as string), String(hook.file)).toBe(true);
    for (const bean of section('beans'))
      expect(copied.has(bean.path as string), String(bean.path)).toBe(true);
    expect(section('logic_hooks').map((h) => `${h.module}.${h.hook}:${h.class}::${h.function}`)).toEqual(
      PACKAGE_DEFINITION.logicHooks.map((h) => `${h.module}.${h.hook}:${h.class}::${h.function}`),
    );
  });

  it('installs each extension file for the module its path names', () => {
    for (const name of ['language', 'vardefs', 'layoutdefs']) {
      for (const entry of section(name)) {
        const path = inZip(entry.from);
        const module = entry.to_module === 'application' ? 'application' : `modules/${entry.to_module}`;
        expect(path.startsWith(`custom/Extension/${module}/Ext/`), path).toBe(true);
      }
    }
  });

  it('carries the versions, the uninstall settings and the package.json version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(dump.manifest).toMatchObject({
      version,
      is_uninstallable: true,
      remove_tables: 'prompt',
      acceptable_sugar_versions: { regex_matches: ['^6\\.5\\.\\d+$'] },
      acceptable_suitecrm_versions: { regex_matches: ['^7\\.14\\.\\d+$', '^8\\.\\d+\\.\\d+$'] },
    });
  });

  it('passes php -l and the ModuleScanner check, every unpacked file', () => {
    const paths = Object.keys(entries).map((path) => join(unpacked, path));
    const lint = paths
      .map((path) => ({ path, run: runPhp(['-l', path]) }))
      .filter(({ run }) => run.status !== 0)
      .map(({ path, run }) => `${path}: ${run.stdout}${run.stderr}`);
    expect(lint).toEqual([]);
    const scan = runPhp(['test/php/module-scanner.php', ...paths]);
    const report = JSON.parse(scan.stdout) as Record<string, string[]>;
    expect(Object.keys(report)).toHaveLength(paths.length);
    expect(Object.entries(report).filter(([, issues]) => issues.length > 0)).toEqual([]);
  });
});
