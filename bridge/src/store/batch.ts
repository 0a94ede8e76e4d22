/**
 * Statement sizes: at most this many rows per multi-row statement and ids per `IN (...)` list.
 * SQLite allows 32,766 bound variables and MariaDB's default max_allowed_packet is 16 MiB;
 * 500 rows of a dozen columns and a few KiB of JSON each stay well inside both.
 */
export const BATCH_ROWS = 500;

export function chunks<T>(items: readonly T[], size = BATCH_ROWS): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

/** Distinct values in first-seen order. */
export function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
