import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendChangeLog,
  changeLogEntriesFor,
  describeChangeLogProblem,
  escapeChangeLogValue,
  formatChangeLog,
  formatChangeLogEntry,
  type HookValues,
  parseChangeLog,
  unescapeChangeLogValue,
} from '../../../bridge/src/catalogue/change-log.js';
import {
  CHANGE_LOG_ACTORS,
  CHANGE_LOG_FIELDS,
  type ChangeLogActor,
  type ChangeLogEntry,
} from '../../../bridge/src/catalogue/change-log-entry.js';

interface ChangeExample {
  name: string;
  before: HookValues | null;
  after: HookValues;
  userId: string | null;
  actor: ChangeLogActor;
  at: string;
  logBefore: string;
  appended: string;
  logAfter: string;
}

interface ExampleEntry extends Omit<ChangeLogEntry, 'at'> {
  at: string;
}

interface ParseExample {
  name: string;
  log: string | null;
  entries: ExampleEntry[];
  problems: Array<{ index: number; entry: string; reason: string }>;
}

const table = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'schemas', 'change-log-examples.json'), 'utf8'),
) as { changes: ChangeExample[]; parse: ParseExample[] };

const entryAt = (entry: ExampleEntry): ChangeLogEntry => ({ ...entry, at: Date.parse(entry.at) });

describe('the shared change examples (the PHP writer runs the same table)', () => {
  it('has examples of every actor', () => {
    expect(new Set(table.changes.map((example) => example.actor))).toEqual(new Set(CHANGE_LOG_ACTORS));
  });

  for (const example of table.changes) {
    it(example.name, () => {
      const entries = changeLogEntriesFor({
        before: example.before,
        after: example.after,
        userId: example.userId,
        actor: example.actor,
        at: Date.parse(example.at),
      });
      expect(formatChangeLog(entries)).toBe(example.appended);
      expect(appendChangeLog(example.logBefore, entries)).toBe(example.logAfter);
      // What was appended reads back as exactly those entries.
      expect(parseChangeLog(example.appended)).toEqual({ entries, problems: [] });
      expect(example.appended).not.toMatch(/[&<>"']/);
    });
  }
});

describe('parsing a change log', () => {
  for (const example of table.parse) {
    it(example.name, () => {
      const parsed = parseChangeLog(example.log);
      expect(parsed.entries).toEqual(example.entries.map(entryAt));
      expect(parsed.problems).toEqual(example.problems);
    });
  }

  it('describes a problem the way the sync reports it', () => {
    const { problems } = parseChangeLog('2026-11-24T09:12:07Z|status||Open_New|1|person;x');
    expect(problems.map(describeChangeLogProblem)).toEqual([
      'change log entry 2: expected 6 parts separated by "|", found 1',
    ]);
  });

  it('shortens a long unreadable segment to 120 characters', () => {
    const { problems } = parseChangeLog('x'.repeat(500));
    expect(problems[0]?.entry).toHaveLength(120);
  });
});

const anyValue = fc.option(
  fc.oneof(
    fc.string({
      unit: fc.constantFrom('a', 'Z', ' ', '%', '|', ';', '&', '<', '>', '"', "'", '\n', '\u007f', 'ñ', '_'),
    }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
  ),
  { nil: null },
);

const anyEntry: fc.Arbitrary<ChangeLogEntry> = fc.record({
  at: fc
    .integer({
      min: Date.parse('2000-01-01T00:00:00Z') / 1000,
      max: Date.parse('2099-12-31T23:59:59Z') / 1000,
    })
    .map((seconds) => seconds * 1000),
  field: fc.constantFrom(...CHANGE_LOG_FIELDS),
  from: anyValue,
  to: anyValue,
  userId: anyValue,
  actor: fc.constantFrom(...CHANGE_LOG_ACTORS),
});

/** Blank reads as null: an empty string written is an empty part. */
const blankAsNull = (entry: ChangeLogEntry): ChangeLogEntry => ({
  ...entry,
  from: entry.from === '' ? null : entry.from,
  to: entry.to === '' ? null : entry.to,
  userId: entry.userId === '' ? null : entry.userId,
});

describe('format → parse', () => {
  it('is the identity for any entries, reserved characters and all', () => {
    fc.assert(
      fc.property(fc.array(anyEntry, { maxLength: 8 }), (entries) => {
        const text = formatChangeLog(entries);
        expect(text).not.toMatch(/[&<>"']/);
        expect(parseChangeLog(text)).toEqual({ entries: entries.map(blankAsNull), problems: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('appends after any existing log without touching it', () => {
    fc.assert(
      fc.property(
        fc.array(anyEntry, { maxLength: 4 }),
        fc.array(anyEntry, { maxLength: 4 }),
        (old, added) => {
          const log = appendChangeLog(formatChangeLog(old), added);
          expect(log.startsWith(formatChangeLog(old))).toBe(true);
          expect(parseChangeLog(log).entries).toEqual([...old, ...added].map(blankAsNull));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('escapes exactly the reserved characters, and unescapes any %XX a wider escaper wrote', () => {
    expect(escapeChangeLogValue('100% |A;B| & <x> "q" \'s\' \n\t\u007f ñ_-')).toBe(
      '100%25 %7CA%3BB%7C %26 %3Cx%3E %22q%22 %27s%27 %0A%09%7F ñ_-',
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        expect(unescapeChangeLogValue(escapeChangeLogValue(value))).toBe(value);
        expect(unescapeChangeLogValue(encodeURIComponent(value))).toBe(value);
      }),
      { numRuns: 300 },
    );
  });

  it('writes the time to the whole second', () => {
    const entry: ChangeLogEntry = {
      at: Date.parse('2026-11-24T09:12:07.999Z'),
      field: 'status',
      from: null,
      to: 'Open_New',
      userId: '1',
      actor: 'person',
    };
    expect(formatChangeLogEntry(entry)).toBe('2026-11-24T09:12:07Z|status||Open_New|1|person');
  });
});
