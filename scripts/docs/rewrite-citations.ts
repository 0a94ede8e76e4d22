import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Rewrites the citations of the project's early design notes, which were never in the
 * repository (REQUIREMENTS, DESIGN, BUSINESS-TIME and SUITECRM-PACKAGING, each `.md`), and of
 * README sections that moved to docs/, into citations of the pages in docs/ that now hold those
 * rules. It only ever replaces an old citation, so it is idempotent: run it again after a merge
 * brings in code written against the old names, then run the docs test
 * (test/unit/docs/doc-references.test.ts), which fails on any citation still leading nowhere.
 *
 *   npx tsx scripts/docs/rewrite-citations.ts           rewrite, and list the files changed
 *   npx tsx scripts/docs/rewrite-citations.ts --check   change nothing; exit 1 if any is left
 *
 * The specific forms come first (a section named after the old file), then the bare names.
 * Rewritten files are then formatted by Biome (a longer citation re-pads a Markdown table).
 */
const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const SELF = 'scripts/docs/rewrite-citations.ts';

const OLD = (name: string) => `${name}.md`;
const REQ = OLD('REQUIREMENTS');
const DESIGN = OLD('DESIGN');
const BT = OLD('BUSINESS-TIME');
const PKG = OLD('SUITECRM-PACKAGING');

export type Rewrite = readonly [from: string | RegExp, to: string];

export const REWRITES: readonly Rewrite[] = [
  // The business-time rules keep their numbers in docs/business-time.md; "4" (calendars changed
  // mid-case) is rule 4.5 there.
  [`${BT} 4: consumed`, 'docs/business-time.md rule 4.5: consumed'],
  [new RegExp(`${BT.replace('.', '\\.')} (\\d\\.\\d)`, 'g'), 'docs/business-time.md rule $1'],
  [BT, 'docs/business-time.md'],

  // Product rules: docs/sla-rules.md, by section.
  [
    `Acknowledgement and withdrawal from the status history (${REQ}, Clocks)`,
    'Acknowledgement and withdrawal from the status history (docs/sla-rules.md#acknowledgement)',
  ],
  [`The resolution clock (${REQ}, Clocks)`, 'The resolution clock (docs/sla-rules.md#the-resolution-clock)'],
  [`The response clock (${REQ}, Clocks)`, 'The response clock (docs/sla-rules.md#the-response-clock)'],
  [`${REQ}, Clocks`, 'docs/sla-rules.md#the-response-clock'],
  [`${REQ}, Contract terms`, 'docs/sla-rules.md#contract-terms'],
  [`${REQ}, Severity`, 'docs/sla-rules.md#severity'],
  [`Defaults follow ${REQ}:`, 'Defaults follow docs/sla-rules.md#severity:'],
  [`(${REQ}: coverage is decided once)`, '(docs/sla-rules.md#decided-once)'],
  [`the order of precedence ${REQ} gives`, 'the order of precedence docs/sla-rules.md#coverage gives'],
  [
    `(${REQ}: the reason in its SLA status,`,
    '(docs/sla-rules.md#not-computed: the reason in its SLA status,',
  ],
  [
    `the settings ${REQ} leaves to\n * each installation`,
    'the settings left to each installation\n * (docs/sla-rules.md#the-policy-file)',
  ],
  [
    `Cancelling is allowed at any time (${REQ})`,
    'Cancelling is allowed at any time (docs/sla-rules.md#renewals-cancellations-and-refunds)',
  ],
  [`the staff defaults ${REQ} decides`, 'the staff defaults docs/sla-rules.md#severity decides'],
  [
    `(${REQ},\n"Decisions where the seed is silent")`,
    '([sla-rules.md](../docs/sla-rules.md#acknowledgement))',
  ],
  [REQ, 'docs/sla-rules.md'],

  // The sync loop: docs/architecture.md.
  [`${DESIGN} "Sync, in one loop"`, 'docs/architecture.md#one-sync-pass'],
  [DESIGN, 'docs/architecture.md'],

  // The package's SuiteCRM facts: docs/package-internals.md, by section.
  [`${PKG}, "Who is saving?"`, 'docs/package-internals.md#who-is-saving'],
  [`${PKG} "Who is saving?"`, 'docs/package-internals.md#who-is-saving'],
  [
    `(see docs/package-internals.md#who-is-saving)`,
    '(see [package-internals.md](../docs/package-internals.md#who-is-saving))',
  ],
  [
    `Formats as SuiteCRM 7.14 stores them (${PKG})`,
    'Formats as SuiteCRM 7.14 stores them (docs/package-internals.md#ready-made-reports-and-workflows)',
  ],
  [`What ${PKG} says the real scanner`, 'What docs/package-internals.md#modulescanner says the real scanner'],
  [`(${PKG})`, '(docs/package-internals.md#datetimes-on-later-saves)'],
  [PKG, 'docs/package-internals.md'],

  // README sections that moved to docs/ (the README keeps "Configuration").
  ['(see README, "Doctor")', '(see docs/operations.md#doctor)'],
  ['(documented in README, "The command line")', '(documented in docs/operations.md#json-output)'],
  ['(README, "Faults and security: what is tested")', '(docs/operations.md#faults-what-is-tested)'],
  ['see the README section \\"How SLAs are computed\\".', 'see docs/sla-rules.md.'],
  ['see the README section "How SLAs are computed".', 'see docs/sla-rules.md.'],
];

/** The text with every rewrite applied, in order. */
export function rewrite(text: string): string {
  let out = text;
  for (const [from, to] of REWRITES) {
    out = typeof from === 'string' ? out.split(from).join(to) : out.replace(from, to);
  }
  return out;
}

/** An old citation still in the text: one of the four old names, or a moved README section. */
export function leftOver(text: string): string | undefined {
  const names = [REQ, DESIGN, BT, PKG, 'README, "Doctor"', 'README, "The command line"', 'README, "Faults'];
  return (
    names.find((name) => text.includes(name)) ??
    (/README section \\?"How SLAs/.test(text) ? 'README section' : undefined)
  );
}

function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((path) => /\.(ts|mjs|js|php|json|md|service)$/.test(path))
    .filter(
      (path) =>
        path !== SELF && !path.startsWith('test/unit/docs/') && path !== 'test/support/doc-references.ts',
    )
    .filter((path) => !path.startsWith('test/fixtures/') && path !== 'package-lock.json')
    .filter((path) => !path.startsWith('bridge/src/domain/calendar/data/'));
}

function main(): number {
  const check = process.argv.includes('--check');
  const rewritten: string[] = [];
  let left = 0;
  for (const path of trackedFiles()) {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const next = rewrite(text);
    if (next !== text) {
      rewritten.push(path);
      if (!check) writeFileSync(join(ROOT, path), next);
      process.stdout.write(`${check ? 'would rewrite' : 'rewrote'} ${path}\n`);
    }
    const still = leftOver(next);
    if (still !== undefined) {
      left++;
      process.stdout.write(`left: ${path} still cites ${still} (add a rewrite above)\n`);
    }
  }
  if (!check && rewritten.length > 0) {
    // Files Biome does not format (PHP) or ignores (generated JSON) are skipped, not errors.
    const biome = ['biome', 'format', '--write', '--files-ignore-unknown=true', '--no-errors-on-unmatched'];
    execFileSync('npx', [...biome, ...rewritten], { cwd: ROOT, stdio: 'inherit' });
  }
  process.stdout.write(
    `${rewritten.length} files ${check ? 'to rewrite' : 'rewritten'}, ${left} with old citations left\n`,
  );
  return (check && rewritten.length > 0) || left > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main();
