import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageFiles } from '../../../scripts/gen/manifest.gen.js';
import {
  driftOf,
  GEN_DIR,
  type GeneratorOutput,
  hasNotice,
  orphans,
  runGenerators,
} from '../../../scripts/gen/registry.js';
import { packageContext } from '../../../scripts/gen/suitecrm-php.gen.js';
import { ROOT } from '../../support/php.js';

/**
 * Regenerates everything in memory and compares it with the committed files: a stale file (the
 * catalogue changed and nobody ran `npm run gen`), a hand-edited one, a missing one, or one without
 * its notice fails here. Generators are found by name, so new ones are checked without changes here.
 */
let outputs: GeneratorOutput[] = [];
beforeAll(async () => {
  outputs = await runGenerators();
});

describe('generated files', () => {
  it('come from every scripts/gen/*.gen.ts', () => {
    const generators = readdirSync(GEN_DIR)
      .filter((name) => name.endsWith('.gen.ts'))
      .map((name) => `scripts/gen/${name}`);
    expect(outputs.map((output) => output.generator)).toEqual(generators.sort());
    for (const output of outputs) expect(output.files.length, output.generator).toBeGreaterThan(0);
  });

  it('are all committed exactly as generated, each with its "do not edit" notice', () => {
    const drift = outputs.flatMap((output) => output.files.map(driftOf)).filter((d) => d !== undefined);
    expect(drift, 'run `npm run gen` and commit the result').toEqual([]);
  });

  it('leave no generated file behind that no generator produces', () => {
    expect(orphans(outputs)).toEqual([]);
  });

  it('detect a hand edit and a missing notice', () => {
    const file = outputs.flatMap((output) => output.files).find((f) => f.path === 'manifest.php');
    expect(file).toBeDefined();
    if (file === undefined) return;
    expect(driftOf(file)).toBeUndefined();
    expect(driftOf({ ...file, content: `${file.content}// edited\n` })).toEqual({
      path: file.path,
      problem: 'stale',
    });
    expect(hasNotice({ path: 'x.php', content: '<?php\n$x = 1;\n' })).toBe(false);
    expect(driftOf({ path: 'nowhere/new.ts', content: '// Generated: do not edit\n' })).toEqual({
      path: 'nowhere/new.ts',
      problem: 'missing',
    });
  });

  it('under suitecrm-module/ are all in the package the manifest lists', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.php'), 'utf8');
    const generatedPackageFiles = outputs
      .flatMap((output) => output.files.map((file) => file.path))
      .filter((path) => path.startsWith('suitecrm-module/') && !path.startsWith('suitecrm-module/scripts/'));
    const listed = new Set(packageFiles(packageContext()).map((path) => `suitecrm-module/${path}`));
    for (const path of generatedPackageFiles) {
      expect(listed.has(path), path).toBe(true);
      // Named itself, or through a package-owned folder copied whole (manifest.gen.ts).
      const inPackage = path.slice('suitecrm-module/'.length);
      const named = inPackage
        .split('/')
        .map((_, i, parts) => parts.slice(0, i + 1).join('/'))
        .some((prefix) => manifest.includes(`'<basepath>/${prefix}'`));
      expect(named, path).toBe(true);
    }
  });

  it('write the field reference to docs/fields.md, every catalogue field in its module table', () => {
    const doc = outputs.flatMap((output) => output.files).find((file) => file.path === 'docs/fields.md');
    expect(doc?.content.startsWith('# Fields\n')).toBe(true);
    const onDisk = readFileSync(join(ROOT, 'docs/fields.md'), 'utf8');
    const catalogue = JSON.parse(readFileSync(join(ROOT, 'schemas/field-catalogue.json'), 'utf8')) as {
      fields: Array<{ name: string }>;
    };
    const fieldRows = onDisk.split('\n').filter((line) => /^\| [^`|][^|]* \| `[a-z0-9_]+` +\|/.test(line));
    expect(fieldRows.length).toBe(catalogue.fields.length);
    for (const field of catalogue.fields) expect(onDisk, field.name).toContain(`| \`${field.name}\``);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).not.toContain('<!-- fields:start -->');
  });
});
