import { parseInstant } from '../iso/iso-instant.js';

/**
 * Datetimes at the V8 boundary. Filters compare raw strings with the UTC `Y-m-d H:i:s` column
 * (fixtures README item 19: an ISO offset is silently ignored), so filter values are always
 * written in that form. Returned datetimes are `2026-11-25T12:57:00+00:00`, with the seconds
 * already zeroed by SuiteCRM (item 17): everything SuiteCRM tells us is minute-precise, so the
 * keyset reader floors with the domain's `floorToMinute` (domain/time/local-day.ts).
 */

/** `2026-11-24 14:03:00`, the UTC form SuiteCRM's filters compare with the database column. */
export function formatFilterDateTime(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${ms}`);
  const iso = new Date(ms).toISOString(); // 2026-11-24T14:03:00.000Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** Epoch ms of a V8 datetime attribute, or undefined when it is not one (e.g. `""`). */
export function parseV8DateTime(text: string): number | undefined {
  return parseInstant(text);
}
