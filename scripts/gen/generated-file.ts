/**
 * The convention every generator follows: each `scripts/gen/*.gen.ts` exports
 * `generate(): GeneratedFile[] | Promise<GeneratedFile[]>` (pure: reads committed sources,
 * returns file contents).
 * `npm run gen` writes them; a test regenerates in memory and fails on any stale or
 * hand-edited file. Runner and test find generators by their file name (scripts/gen/registry.ts).
 */
export interface GeneratedFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  content: string;
}
