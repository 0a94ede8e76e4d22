import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  brokenReferences,
  checkFile,
  headingsOf,
  slug,
  trackedTextFiles,
} from '../../support/doc-references.js';
import { ROOT } from '../../support/php.js';

/**
 * Every documentation reference in the repository leads somewhere: a `*.md` file named in any
 * tracked text file exists, every relative link in the Markdown files resolves, and an anchor,
 * a quoted heading or a business-time rule number after a file name exists in that file.
 */
const EXEMPT = new Map([
  ['test/support/doc-references.ts', 'the checker: its comments show the forms of reference it reads'],
  ['test/unit/docs/doc-references.test.ts', "the checker's own test: it writes broken references on purpose"],
  [
    'scripts/docs/rewrite-citations.ts',
    'the rewrite of the old citations: it has to name the files that were never in the repository',
  ],
]);

/**
 * Names of docs that exist nowhere, for the checker's own cases. Built here rather than written
 * out, so this file does not itself read as citing a document the repository lacks.
 */
const MISSING_NOTES = `${['OLD', 'NOTES'].join('-')}.md`;
const REMOTE_NOTES = `${'NOTES'}.md`;

describe('documentation references in the repository', () => {
  it('all lead to a file, a heading or a rule that exists', () => {
    const broken = brokenReferences(ROOT, EXEMPT).map(
      (ref) => `${ref.file}:${ref.line} ${ref.text}: ${ref.problem}`,
    );
    expect(broken, 'fix the reference, or write the page it names').toEqual([]);
  });

  it('cover the docs, the README, the code and the package', () => {
    const files = trackedTextFiles(ROOT);
    for (const file of [
      'README.md',
      'docs/README.md',
      'docs/fields.md',
      'bridge/src/sync/sync-engine.ts',
      'suitecrm-module/custom/include/SupportSla/SupportSla_SaveActor.php',
      'schemas/change-log.md',
    ]) {
      expect(files, file).toContain(file);
    }
    expect(files.some((file) => file.startsWith('test/fixtures/'))).toBe(false);
  });

  it('each exemption names a file that exists and says why', () => {
    const files = trackedTextFiles(ROOT);
    for (const [file, why] of EXEMPT) {
      expect(files).toContain(file);
      expect(why.length).toBeGreaterThan(20);
    }
  });
});

describe('the reference checker', () => {
  const root = mkdtempSync(join(tmpdir(), 'doc-refs-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const problems = (file: string) =>
    checkFile(root, file, (path) => headingsOf(readFileSync(join(root, path), 'utf8')));

  write(
    'docs/guide.md',
    [
      '# Guide',
      '',
      '## Who is saving?',
      '',
      '| rule | what |',
      '| 2.6  | pauses |',
      '',
      '```sh',
      '# not a heading',
      '```',
      '',
      'See [rules](rules.md), [the top](#guide), [saving](#who-is-saving), [missing](gone.md),',
      '[bad anchor](#not-a-heading) and [site](https://example.com/x.md).',
    ].join('\n'),
  );
  write('docs/rules.md', '# Rules\n');
  write(
    'src/code.ts',
    [
      '// docs/guide.md#who-is-saving, docs/guide.md rule 2.6, docs/guide.md "Who is saving?"',
      `// ${MISSING_NOTES}, docs/guide.md rule 9.9, docs/guide.md#nowhere, "Configuration" in docs/guide.md`,
      `// file:///opt/app/README.md and https://example.com/${REMOTE_NOTES} are not repository paths`,
    ].join('\n'),
  );

  it('reports a missing file and a missing anchor in Markdown links, and nothing else', () => {
    expect(problems('docs/guide.md').map((p) => [p.line, p.text, p.problem])).toEqual([
      [12, 'gone.md', 'no such file in the repository'],
      [13, '#not-a-heading', 'no heading #not-a-heading'],
    ]);
  });

  it('reports a missing file, rule, anchor and heading cited in code', () => {
    expect(problems('src/code.ts').map((p) => [p.line, p.text, p.problem])).toEqual([
      [2, MISSING_NOTES, 'no such file in the repository'],
      [2, 'docs/guide.md', 'no rule 9.9'],
      [2, 'docs/guide.md#nowhere', 'no heading #nowhere'],
      [2, 'docs/guide.md', 'no heading "Configuration"'],
    ]);
  });

  it("makes GitHub's heading anchors", () => {
    expect(slug('Faults: what is tested')).toBe('faults-what-is-tested');
    expect(slug('Support time (module SLA_TimeEntries)')).toBe('support-time-module-sla_timeentries');
    expect(slug('1. The time model')).toBe('1-the-time-model');
    expect([...headingsOf('# A\n## A\n').anchors]).toEqual(['a', 'a-1']);
  });
});
