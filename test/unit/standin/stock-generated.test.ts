import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../scripts/gen/standin-stock.gen.js';

describe('the stand-in stock data generated from the captures', () => {
  it('is up to date (regenerate with scripts/gen/standin-stock.gen.ts)', () => {
    for (const file of generate()) {
      expect(readFileSync(file.path, 'utf8'), `${file.path} is stale`).toBe(file.content);
      expect(file.content.split('\n')[0]).toContain('do not edit');
    }
  });
});
