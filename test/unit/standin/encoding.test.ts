import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, toHtml } from '../../../bridge/src/standin/encoding/entities.js';
import { purify } from '../../../bridge/src/standin/encoding/html-purifier.js';
import {
  cleanedForCoreColumn,
  cleanedForCustomColumn,
} from '../../../bridge/src/standin/encoding/save-cleaning.js';

describe('what SuiteCRM does to text on save and on output (fixtures item 37)', () => {
  it('stores a varchar custom field sanitised and entity-encoded once, and encodes it again on output', () => {
    const stored = cleanedForCustomColumn(`O'Brien & <b>x</b> "q" ñ`);
    expect(stored).toBe(`O'Brien &amp; <b>x</b> "q" ñ`);
    expect(toHtml(stored)).toBe('O&#039;Brien &amp; &lt;b&gt;x&lt;/b&gt; &quot;q&quot; ñ');
  });

  it('drops a script element with its content, keeps quotes and non-ASCII letters (capture 138)', () => {
    const stored = cleanedForCoreColumn(`Line1\nO'Brien & Co <script>alert(1)</script> {"a":[1]} ñ`);
    expect(stored).toBe(`Line1\nO'Brien & Co  {"a":[1]} ñ`);
  });

  it('keeps a core column like an account name as typed: "Smith & Sons" reads back unchanged (captures 31, 116)', () => {
    const stored = cleanedForCoreColumn('Smith & Sons');
    expect(stored).toBe('Smith & Sons');
    expect(toHtml(stored)).toBe('Smith & Sons');
  });

  it('empties a value in which a script tag appears once the entities are decoded', () => {
    expect(cleanedForCustomColumn('x &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;')).toBe('');
  });

  it('escapes stray angle brackets and drops unknown tags but keeps their text', () => {
    expect(purify('a < b > c')).toBe('a &lt; b &gt; c');
    expect(purify('<blink>hi</blink> <i>there</i>')).toBe('hi <i>there</i>');
    expect(purify('<b>open')).toBe('<b>open</b>');
    expect(purify('<a href="javascript:alert(1)" onclick="x()">link</a>')).toBe('<a>link</a>');
    expect(purify('<a href="https://example.com/?a=1&b=2">link</a>')).toBe(
      '<a href="https://example.com/?a=1&amp;b=2">link</a>',
    );
    expect(purify('x<!-- hidden --><br>y')).toBe('x<br />y');
    expect(purify('<b></b>kept')).toBe('kept');
  });

  it('decodes entities in one pass, HTML 4.01 style (no &apos;)', () => {
    expect(decodeEntities('&amp;amp; &lt;b&gt; &#039; &ntilde; &apos;')).toBe("&amp; <b> ' ñ &apos;");
  });

  it('leaves machine-readable values alone: no & < > " \' means no change at all', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 _|;:%.,()-]*$/), (value) => {
        const trimmed = value;
        expect(cleanedForCustomColumn(trimmed)).toBe(trimmed);
        expect(cleanedForCoreColumn(trimmed)).toBe(trimmed);
      }),
    );
  });

  it('is stable: saving a stored value again (as the bean reads it back, to_html-encoded) changes nothing', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        'a',
        'b',
        ' ',
        '&',
        '<',
        '>',
        '"',
        "'",
        ';',
        'ñ',
        '/',
        '=',
        'amp;',
        'lt;',
        'i>',
        '</i>',
      ),
    });
    fc.assert(
      fc.property(text, (value) => {
        const custom = cleanedForCustomColumn(value);
        expect(cleanedForCustomColumn(toHtml(custom))).toBe(custom);
        const core = cleanedForCoreColumn(value);
        expect(cleanedForCoreColumn(toHtml(core))).toBe(core);
      }),
      { numRuns: 500 },
    );
  });
});
