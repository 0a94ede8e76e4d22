import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChangeLogActor } from '../../../bridge/src/catalogue/change-log-entry.js';
import { applyCaseSaveRules, savedValuesOf } from '../../../bridge/src/standin/write/case-save-rules.js';

/**
 * The example tables of the Cases before_save hook (rules R1-R6) run against the stand-in's
 * model of the hook. The PHP hook runs the shared table too (test/php).
 */
interface Example {
  name: string;
  source: string;
  actor: ChangeLogActor;
  userId: string | null;
  now: string;
  stored: Record<string, string | null> | null;
  bean: Record<string, string | null>;
  /** The shared table: how many times the same bean object is saved in one request (default 1). */
  saves?: number;
  /** This stand-in's own table: the marker a previous save of the same bean left. */
  savedValues?: Record<string, string | null>;
  expect: Record<string, string | null>;
}

// The shared table (owned with the PHP hook) and the stand-in's own, written before it existed,
// with how many examples each holds, so a lost or unread example fails here.
const TABLES: ReadonlyArray<[path: string, examples: number]> = [
  ['schemas/case-save-examples.json', 50],
  ['test/fixtures/standin/case-save-own-examples.json', 12],
];

for (const [path, count] of TABLES) {
  const table = JSON.parse(readFileSync(path, 'utf8')) as { examples: Example[] };
  describe(`the stand-in's Cases hook runs ${path}`, () => {
    it(`has its ${count} examples`, () => expect(table.examples.length).toBe(count));
    for (const example of table.examples) {
      it(`${example.name} (${example.source})`, () => {
        const save = (
          bean: Record<string, string | null>,
          savedValues: Record<string, string | null> | null,
        ) =>
          applyCaseSaveRules({
            actor: example.actor,
            userId: example.userId,
            now: Date.parse(example.now),
            stored: example.stored,
            bean,
            savedValues,
          });
        let after = save(example.bean, example.savedValues ?? null);
        // Each further save of the same object sees the hook's marker from the one before.
        for (let n = 1; n < (example.saves ?? 1); n++) after = save(after, savedValuesOf(after));
        const actual = Object.fromEntries(
          Object.keys(example.expect).map((field) => [field, after[field] ?? null]),
        );
        expect(actual).toEqual(example.expect);
      });
    }
  });
}
