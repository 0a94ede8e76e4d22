import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** madge's API (it ships no types): the dependency graph of the given folders. */
type Madge = (
  paths: string[],
  config: { baseDir: string; fileExtensions: string[]; tsConfig: string },
) => Promise<{ circular(): string[][]; obj(): Record<string, string[]> }>;
const madge = createRequire(import.meta.url)('madge') as Madge;

/**
 * No import cycle anywhere in the code, the scripts or the tests, type-only imports included: a
 * cycle makes module load order matter, and it is how layers start to leak into each other
 * (docs/architecture.md). madge resolves the `.js` specifiers to the `.ts` sources through the
 * tsconfig.
 */
const graphOf = (paths: string[]) =>
  madge(paths, { baseDir: ROOT, fileExtensions: ['ts'], tsConfig: join(ROOT, 'tsconfig.json') });

describe('the import graph', () => {
  it('has no cycle', { timeout: 120_000 }, async () => {
    const graph = await graphOf(['bridge/src', 'scripts', 'test']);
    // The graph really was read: the sync engine depends on the domain and the client.
    const engine = graph.obj()['bridge/src/sync/sync-engine.ts'] ?? [];
    expect(engine.some((file) => file.startsWith('bridge/src/domain/'))).toBe(true);
    expect(engine.some((file) => file.startsWith('bridge/src/suitecrm/'))).toBe(true);
    expect(graph.circular()).toEqual([]);
  });

  // The folders depend one way: the domain reads the catalogue's types, the catalogue parses
  // with the ISO leaf, and the leaf needs nothing of the bridge.
  it('keeps the ISO parsers a leaf and the catalogue free of the domain', { timeout: 120_000 }, async () => {
    const graph = (await graphOf(['bridge/src'])).obj();
    const importsOf = (folder: string) =>
      Object.entries(graph)
        .filter(([file]) => file.startsWith(folder))
        .flatMap(([, deps]) => deps);
    expect(Object.keys(graph).filter((file) => file.startsWith('bridge/src/iso/'))).toEqual([
      'bridge/src/iso/day-number.ts',
      'bridge/src/iso/iso-instant.ts',
    ]);
    expect(importsOf('bridge/src/iso/')).toEqual([]);
    const catalogue = importsOf('bridge/src/catalogue/');
    expect(catalogue).toContain('bridge/src/iso/iso-instant.ts');
    expect(catalogue.filter((file) => file.startsWith('bridge/src/domain/'))).toEqual([]);
  });
});
