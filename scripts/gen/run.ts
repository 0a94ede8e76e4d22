import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { driftOf, type GeneratorOutput, orphans, runGenerators } from './registry.js';
import { REPO_ROOT } from './sources.js';

/**
 * `npm run gen`: runs every scripts/gen/*.gen.ts, writes what changed and deletes generated files
 * no generator produces any more. A generator may read another's output from disk (the client's
 * types from the OpenAPI attribute schemas), so it runs again until nothing changes (at most 3
 * passes). `npm run gen -- --check` writes nothing and exits 1 when anything is out of date.
 */
const MAX_PASSES = 3;

function report(outputs: GeneratorOutput[], check: boolean): number {
  let drifted = 0;
  for (const { generator, files } of outputs) {
    for (const file of files) {
      const drift = driftOf(file);
      if (drift === undefined) continue;
      if (drift.problem === 'no notice') {
        throw new Error(`${generator}: ${file.path} has no "generated, do not edit" notice near its top`);
      }
      drifted++;
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
    if (check) {
      process.stdout.write(`orphan: ${path}\n`);
    } else if (readFileSync(join(REPO_ROOT, path), 'utf8').includes('npm run gen (')) {
      rmSync(join(REPO_ROOT, path));
      process.stdout.write(`removed ${path}\n`);
    }
  }
  return drifted;
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const outputs = await runGenerators();
    const drifted = report(outputs, check);
    const total = outputs.reduce((sum, output) => sum + output.files.length, 0);
    if (check) {
      process.stdout.write(
        `${outputs.length} generators, ${total} files, ${drifted === 0 ? 'all up to date' : `${drifted} out of date: run npm run gen`}\n`,
      );
      return drifted === 0 ? 0 : 1;
    }
    if (drifted === 0) {
      process.stdout.write(`${outputs.length} generators, ${total} files, all up to date\n`);
      return 0;
    }
  }
  process.stderr.write(`generated files still changed after ${MAX_PASSES} passes: two generators disagree\n`);
  return 1;
}

process.exitCode = await main();
