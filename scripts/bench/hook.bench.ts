import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fmt } from './measure.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The package's Cases hook, per save, in PHP (scripts/bench/php/case-hook.bench.php): what it
 * adds to a save next to the ~100 ms of PHP CPU a bridge PATCH costs a real SuiteCRM 7.14.6.
 * Skipped when php is not installed.
 */
export function benchHook(log: (line: string) => void, options: { iterations: number }): void {
  const run = spawnSync(
    'php',
    [join(ROOT, 'scripts/bench/php/case-hook.bench.php'), String(options.iterations)],
    {
      encoding: 'utf8',
    },
  );
  if (run.error || run.status !== 0) {
    log(`Cases hook benchmark skipped: php did not run (${run.error?.message ?? run.stderr.slice(-300)})`);
    return;
  }
  const result = JSON.parse(run.stdout) as { bridgePatchUs: number; staffEditUs: number; php: string };
  log(
    `Cases hook (SupportSla_CaseSave::apply on fake beans, PHP ${result.php}, ${fmt(options.iterations)} saves each)`,
  );
  log(
    `  bridge PATCH (12 computed fields, no log entry) ${fmt(result.bridgePatchUs, 1)} µs/save = ${fmt((result.bridgePatchUs / 1000 / 100) * 100, 3)}% of a PATCH's ~100 ms PHP CPU; staff edit (severity + cause, one log entry) ${fmt(result.staffEditUs, 1)} µs/save`,
  );
}
