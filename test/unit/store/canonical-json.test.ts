import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalContent, canonicalJson } from '../../../bridge/src/store/canonical-json.js';

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives equal text and hash to equal content built in any key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const shuffled = JSON.parse(JSON.stringify(value), function reviver(_key, item) {
          if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
          return Object.fromEntries(Object.entries(item).reverse());
        });
        expect(canonicalContent(shuffled)).toEqual(canonicalContent(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('refuses numbers JSON cannot hold, naming where', () => {
    expect(() => canonicalJson({ hours: [1, Number.NaN] })).toThrow('$.hours[1] is NaN');
  });
});
