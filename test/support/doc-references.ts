import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/**
 * Finds what the repository's files say about its documentation, so a test can fail on a
 * reference that leads nowhere: a `*.md` file named in any tracked text file, a relative
 * Markdown link, a `file.md#anchor`, a `file.md "Heading"`, or a "docs/business-time.md rule N".
 * Anchors follow GitHub's heading slugs, as a reader clicking the link would meet them.
 */
export interface Reference {
  file: string; // the citing file, relative to the root
  line: number;
  text: string; // what was cited, as written
  problem: string;
}

/** Text files a person or a generator writes; data captures and the lock file are left out. */
const TEXT = /\.(ts|mts|mjs|js|php|json|md|service|sh|ya?ml)$|^\.ci\/run$/;
const SKIP = [/^package-lock\.json$/, /^test\/fixtures\//];

export function trackedTextFiles(root: string): string[] {
  // Tracked files plus new ones not yet added (but not ignored ones), so a new page is checked too.
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return listed
    .split('\0')
    .filter((path) => path !== '' && TEXT.test(path) && !SKIP.some((skip) => skip.test(path)))
    .filter((path) => existsSync(join(root, path)));
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The text without fenced code blocks (a `# comment` in a shell block is not a heading). */
function withoutFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '));
}

export interface Headings {
  anchors: Set<string>;
  titles: Set<string>; // lower case
  rules: Set<string>; // "2.1" from a table row `| 2.1 |`
}

export function headingsOf(markdown: string): Headings {
  const anchors = new Set<string>();
  const titles = new Set<string>();
  const rules = new Set<string>();
  const seen = new Map<string, number>();
  for (const line of withoutFences(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading?.[1] !== undefined) {
      const title = heading[1].replace(/`/g, '');
      const base = slug(title);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
      titles.add(title.toLowerCase());
    }
    const rule = /^\|\s*(\d+(?:\.\d+)?)\s*\|/.exec(line);
    if (rule?.[1] !== undefined) rules.add(rule[1]);
  }
  return { anchors, titles, rules };
}

interface Found {
  index: number;
  target: string; // path as written
  anchor?: string;
  heading?: string;
  rule?: string;
}

/** `*.md` names in any text, with what follows them when it says where in the file. */
export function mdNames(text: string): Found[] {
  const found: Found[] = [];
  // Not inside a URL or an absolute path: the name starts after a non-path character.
  const name = /(?<![\w/.:-])((?:\.{1,2}\/)*(?:[\w-]+\/)*[\w.-]*[\w-]\.md)(?![\w])(#[\w-]+)?/g;
  for (const match of text.matchAll(name)) {
    // A Markdown link's target is checked with the link (markdownLinks), not twice.
    if (text.slice(Math.max(0, (match.index ?? 0) - 2), match.index ?? 0) === '](') continue;
    const target = match[1] ?? '';
    const after = text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 80);
    // `X.md, "Heading"`, unless the quote belongs to the next citation (`"Heading" in Y.md`).
    const quoted = match[2] === undefined ? /^,? \\?"([^"\\]+)\\?"(?! in )/.exec(after) : null;
    const rule = /^,? rules? (\d+(?:\.\d+)?)/.exec(after);
    const before = text.slice(Math.max(0, (match.index ?? 0) - 80), match.index ?? 0);
    const quotedBefore = /\\?"([^"\\]+)\\?" in $/.exec(before);
    found.push({
      index: match.index ?? 0,
      target,
      ...(match[2] !== undefined ? { anchor: match[2].slice(1) } : {}),
      ...(quoted?.[1] !== undefined ? { heading: quoted[1] } : {}),
      ...(quotedBefore?.[1] !== undefined ? { heading: quotedBefore[1] } : {}),
      ...(rule?.[1] !== undefined ? { rule: rule[1] } : {}),
    });
  }
  return found;
}

/** Relative Markdown links `[text](target)` outside code blocks and inline code. */
export function markdownLinks(markdown: string): Found[] {
  const found: Found[] = [];
  const text = withoutFences(markdown).replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length));
  for (const match of text.matchAll(/\[[^\]\n]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const link = match[1] ?? '';
    if (/^[a-z][a-z+.-]*:/i.test(link)) continue; // https:, mailto:
    const [path = '', anchor] = link.split('#');
    found.push({ index: match.index ?? 0, target: path, ...(anchor !== undefined ? { anchor } : {}) });
  }
  return found;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/**
 * A cited path exists relative to the citing file's folder, or else to the repository root, or
 * else in docs/ (a generator or a comment may name a page as the pages name each other).
 */
function resolve(root: string, from: string, target: string): string | undefined {
  for (const base of [dirname(from), '.', 'docs']) {
    const path = normalize(join(base, target));
    if (!path.startsWith('..') && existsSync(join(root, path))) return path;
  }
  return undefined;
}

export function checkFile(root: string, file: string, headings: (path: string) => Headings): Reference[] {
  const text = readFileSync(join(root, file), 'utf8');
  const problems: Reference[] = [];
  const report = (found: Found, problem: string) =>
    problems.push({
      file,
      line: lineOf(text, found.index),
      text: `${found.target}${found.anchor !== undefined ? `#${found.anchor}` : ''}`,
      problem,
    });
  const check = (found: Found) => {
    const path = found.target === '' ? file : resolve(root, file, found.target);
    if (path === undefined) return report(found, 'no such file in the repository');
    if (!path.endsWith('.md') || statSync(join(root, path)).isDirectory()) return;
    const { anchors, titles, rules } = headings(path);
    if (found.anchor !== undefined && !anchors.has(found.anchor))
      report(found, `no heading #${found.anchor}`);
    if (found.heading !== undefined && !titles.has(found.heading.toLowerCase()))
      report(found, `no heading "${found.heading}"`);
    if (found.rule !== undefined && !rules.has(found.rule)) report(found, `no rule ${found.rule}`);
  };
  for (const found of mdNames(text)) check(found);
  if (file.endsWith('.md')) for (const found of markdownLinks(text)) check(found);
  return problems;
}

/** Every broken documentation reference in the repository's tracked files. */
export function brokenReferences(root: string, exempt: ReadonlyMap<string, string> = new Map()): Reference[] {
  const cache = new Map<string, Headings>();
  const headings = (path: string) => {
    let found = cache.get(path);
    if (found === undefined) {
      found = headingsOf(readFileSync(join(root, path), 'utf8'));
      cache.set(path, found);
    }
    return found;
  };
  return trackedTextFiles(root)
    .filter((file) => !exempt.has(file))
    .flatMap((file) => checkFile(root, file, headings));
}
