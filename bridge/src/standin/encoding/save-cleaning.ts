import { decodeEntities } from './entities.js';
import { purify } from './html-purifier.js';

/**
 * SuiteCRM's `purify_html()` as `SugarBean::cleanBean()` runs it on every char, text and enum
 * value at each save, followed by what the database layer does on the way to the column.
 *
 * purify_html(v) = htmlentities(P(decode(dd))), where dd = decode(decode(P(decode(v)))) and P
 * is HTMLPurifier; a value in which a `<script>` tag surfaces after decoding is emptied. This
 * returns P(decode(dd)), the "cleaned" value, without the final htmlentities: every writer
 * below decodes at least once, which undoes it exactly.
 *
 * - Custom (`_cstm`) columns are written by DynamicField with one `from_html()`: they store the
 *   cleaned value, `O'Brien &amp; <b>x</b> "q" ñ` for `O'Brien & <b>x</b> "q" ñ` (item 37).
 * - Core columns go through `updateSQL`/`insertSQL` and then `quoted()`, two `from_html()`:
 *   they store the cleaned value decoded once more, so `Smith & Sons` stays `Smith & Sons`.
 */
export function purifyHtml(value: string): string {
  const first = purify(decodeEntities(value));
  const doubleDecoded = decodeEntities(first);
  if (/<script>/i.test(first) || /<script>/i.test(doubleDecoded)) return '';
  return purify(decodeEntities(doubleDecoded));
}

export function cleanedForCustomColumn(value: string): string {
  return purifyHtml(value);
}

export function cleanedForCoreColumn(value: string): string {
  return decodeEntities(purifyHtml(value));
}
