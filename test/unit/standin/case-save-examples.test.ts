import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChangeLogActor } from '../../../bridge/src/contract/change-log-entry.js';
import { applyCaseSaveRules } from '../../../bridge/src/standin/write/case-save-rules.js';

/**
 * The example tables of the Cases before_save hook (rules R1-R5) run against the stand-in's
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
  savedValues?: Record<string, string | null>;
  expect: Record<string, string | null>;
}

const TABLES = [
  'test/fixtures/standin/case-save-own-examples.json',
  'schemas/case-save-examples.json',
].filter((path) => path.startsWith('test/') || existsSync(path));

for (const path of TABLES) {
  const table = JSON.parse(readFileSync(path, 'utf8')) as { examples: Example[] };
  describe(`the stand-in's Cases hook runs ${path}`, () => {
    it('has examples', () => expect(table.examples.length).toBeGreaterThan(0));
    for (const example of table.examples) {
      it(`${example.name} (${example.source})`, () => {
        const after = applyCaseSaveRules({
          actor: example.actor,
          userId: example.userId,
          now: Date.parse(example.now),
          stored: example.stored,
          bean: example.bean,
          savedValues: example.savedValues ?? null,
        });
        const actual = Object.fromEntries(
          Object.keys(example.expect).map((field) => [field, after[field] ?? null]),
        );
        expect(actual).toEqual(example.expect);
      });
    }
  });
}
