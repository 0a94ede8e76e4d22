import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zipSync } from 'fflate';
import { generate as generateManifest } from './gen/manifest.gen.js';
import { PACKAGE_DIR, PACKAGE_ID } from './gen/package-layout.js';
import { driftOf } from './gen/registry.js';
import { packageVersion, REPO_ROOT } from './gen/sources.js';
import { generate as generatePackagePhp } from './gen/suitecrm-php.gen.js';

/**
 * `npm run build:module`: writes dist/<name>-<version>.zip, the package an admin uploads in
 * Admin → Module Loader. The zip holds manifest.php at its root and the contents of
 * suitecrm-module/ beside it, so the package's own scripts (suitecrm-module/scripts/) land in the
 * zip's scripts/, where Module Loader looks for post_install.php and pre_uninstall.php, and every
 * `<basepath>/...` of the manifest names a file of the zip.
 *
 * It refuses to build from generated files that are out of date (run `npm run gen`) and from
 * anything but PHP files (SuiteCRM's ModuleScanner rejects other files since 7.14.2). Entries are
 * sorted and carry a fixed time, so the same sources give the same zip, byte for byte.
 */

/** The zip's name: the package id with dashes, then the version (package.json's, as in the manifest). */
export function moduleZipName(version: string = packageVersion()): string {
  return `${PACKAGE_ID.replace(/_/g, '-')}-${version}.zip`;
}

/** Fixed entry time (DOS times cannot go before 1980), so builds are reproducible. */
const ENTRY_TIME = new Date('2024-01-01T00:00:00Z');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

/** Zip path → file contents: manifest.php, then every file of suitecrm-module/ at its path below it. */
export function moduleEntries(root: string = REPO_ROOT): Map<string, Uint8Array> {
  const entries = new Map<string, Uint8Array>();
  entries.set('manifest.php', readFileSync(join(root, 'manifest.php')));
  const packageRoot = join(root, PACKAGE_DIR);
  const files = walk(packageRoot)
    .map((path) => relative(packageRoot, path).split('\\').join('/'))
    .sort();
  for (const path of files) {
    if (!path.endsWith('.php')) {
      throw new Error(`${PACKAGE_DIR}/${path}: only PHP files may ship (ModuleScanner rejects others)`);
    }
    if (path === 'manifest.php') throw new Error(`${PACKAGE_DIR}/manifest.php would replace the manifest`);
    entries.set(path, readFileSync(join(packageRoot, path)));
  }
  return entries;
}

/** The generated package files (manifest, vardefs, languages...) that differ from what is on disk. */
function staleGeneratedFiles(): string[] {
  const files = [...generateManifest(), ...generatePackagePhp()];
  return files.flatMap((file) => {
    const drift = driftOf(file);
    return drift === undefined ? [] : [`${drift.problem}: ${drift.path}`];
  });
}

export interface BuiltModule {
  path: string;
  entries: string[];
  bytes: number;
}

/** Writes the zip into outDir (created when missing) and returns what it wrote. */
export async function buildModule(outDir: string = join(REPO_ROOT, 'dist')): Promise<BuiltModule> {
  const stale = staleGeneratedFiles();
  if (stale.length > 0) {
    throw new Error(`generated package files are out of date, run \`npm run gen\`:\n  ${stale.join('\n  ')}`);
  }
  const entries = moduleEntries();
  const zipped = zipSync(
    Object.fromEntries([...entries].map(([path, data]) => [path, [data, { mtime: ENTRY_TIME }]])),
    { level: 9 },
  );
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, moduleZipName());
  writeFileSync(path, zipped);
  return { path, entries: [...entries.keys()], bytes: zipped.byteLength };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const built = await buildModule(process.argv[2]);
    process.stdout.write(
      `wrote ${relative(process.cwd(), built.path)}: ${built.entries.length} files, ${built.bytes} bytes\n`,
    );
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
