import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { driftOf, orphans, runGenerators } from './registry.js';
import { REPO_ROOT } from './sources.js';

/**
 * `npm run gen`: runs every scripts/gen/*.gen.ts and writes what changed; deletes generated files
 * no generator produces any more. `npm run gen -- --check` writes nothing and exits 1 on drift.
 */
async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const outputs = await runGenerators();
  let drifted = 0;
  for (const { generator, files } of outputs) {
    for (const file of files) {
      const drift = driftOf(file);
      if (drift === undefined) continue;
      drifted++;
      if (drift.problem === 'no notice') {
        process.stderr.write(`${generator}: ${file.path} has no "generated, do not edit" notice\n`);
        return 1;
      }
      if (check) {
        process.stdout.write(`${drift.problem}: ${file.path}\n`);
        continue;
      }
      const target = join(REPO_ROOT, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
      process.stdout.write(`wrote ${file.path}\n`);
    }
  }
  for (const path of orphans(outputs)) {
    drifted++;
    if (check) process.stdout.write(`orphan: ${path}\n`);
    else {
      // Only files that still carry the notice are removed: a hand-edited copy without it stays.
      if (readFileSync(join(REPO_ROOT, path), 'utf8').includes('npm run gen ('))
        rmSync(join(REPO_ROOT, path));
      process.stdout.write(`removed ${path}\n`);
    }
  }
  const total = outputs.reduce((sum, output) => sum + output.files.length, 0);
  process.stdout.write(
    `${outputs.length} generators, ${total} files, ${drifted === 0 ? 'all up to date' : `${drifted} ${check ? 'out of date' : 'updated'}`}\n`,
  );
  return check && drifted > 0 ? 1 : 0;
}

process.exitCode = await main();
