import { decodeHTML4Strict } from 'entities';

/**
 * PHP's entity helpers as SuiteCRM uses them. `html_entity_decode(ENT_QUOTES | ENT_HTML401)`
 * decodes named and numeric entities that end with `;`, in one pass (`&amp;amp;` → `&amp;`);
 * HTML 4.01 has no `&apos;`, so it stays. (The `entities` table is HTML5's, a superset: names
 * only HTML5 knows are decoded here and not by PHP, which no SuiteCRM value relies on.)
 */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return decodeHTML4Strict(value.replace(/&apos;/g, '&\ue000apos;')).replace(/&\ue000apos;/g, '&apos;');
}

const TO_HTML: Record<string, string> = { '"': '&quot;', '<': '&lt;', '>': '&gt;', "'": '&#039;' };

/**
 * SuiteCRM's `to_html()`, applied to every column a bean reads from the database and so to
 * every value the V8 API returns: `" < > '` become entities, `&` is left alone.
 */
export function toHtml(value: string): string {
  return /["<>']/.test(value) ? value.replace(/["<>']/g, (c) => TO_HTML[c] as string) : value;
}

/** SuiteCRM's `from_html()`: decode entities, then undo `to_html()` (a no-op after the decode). */
export function fromHtml(value: string): string {
  return decodeEntities(value);
}

/** What HTMLPurifier does to text: `& < >` escaped, quotes left as they are. */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: as text, plus `"`. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
