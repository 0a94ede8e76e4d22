import { DateTime } from 'luxon';

/**
 * SuiteCRM returns a datetime after a round trip through the API user's display format
 * (`m/d/Y H:i` in the user's zone) and back: the seconds are lost, and for a user in a DST
 * zone an instant in the repeated autumn hour comes back an hour early, because PHP reads an
 * ambiguous wall time as its first occurrence (fixtures items 17-18, captures 34-36).
 */
export function apiDatetime(dbValue: string, timezone: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/.exec(dbValue);
  if (!match) return dbValue;
  if (timezone === 'UTC') return `${match[1]}T${match[2]}:00+00:00`;
  const instant = DateTime.fromISO(`${match[1]}T${match[2]}:00Z`, { zone: timezone });
  if (!instant.isValid) return `${match[1]}T${match[2]}:00+00:00`;
  const back = wallTimeToUtc(
    instant.year,
    instant.month,
    instant.day,
    instant.hour,
    instant.minute,
    timezone,
  );
  return `${new Date(back).toISOString().slice(0, 16)}:00+00:00`;
}

/** The earliest instant whose wall time in the zone is the given one (PHP's choice). */
export function wallTimeToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timezone: string,
): number {
  const guess = DateTime.fromObject({ year, month, day, hour, minute }, { zone: timezone }).toMillis();
  for (const earlier of [3_600_000, 1_800_000]) {
    const other = DateTime.fromMillis(guess - earlier, { zone: timezone });
    if (
      other.year === year &&
      other.month === month &&
      other.day === day &&
      other.hour === hour &&
      other.minute === minute
    ) {
      return guess - earlier;
    }
  }
  return guess;
}
