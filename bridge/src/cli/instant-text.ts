import { DateTime } from 'luxon';
import { formatInstant, parseInstant } from '../domain/calendar/index.js';
import { londonMidnight, TRACKING_ZONE } from '../store/index.js';

/**
 * How the operator commands write instants and durations: UTC for machines, London time (the
 * business's zone, with GMT or BST) for people, and `--since` read as a London date or an
 * explicit instant.
 */

/** `2026-07-01T08:00:00Z` */
export function utcText(ms: number): string {
  return formatInstant(ms);
}

/** `2026-07-01 09:00 BST` (en-GB zone names: GMT in winter, BST in summer). */
export function londonText(ms: number): string {
  return DateTime.fromMillis(ms, { zone: TRACKING_ZONE, locale: 'en-GB' }).toFormat('yyyy-MM-dd HH:mm ZZZZ');
}

/** `2026-07-01T08:00:00Z (09:00 BST)`; the London date is added when it differs from the UTC one. */
export function instantText(ms: number): string {
  const utc = utcText(ms);
  const london = londonText(ms);
  const sameDay = london.slice(0, 10) === utc.slice(0, 10);
  return `${utc} (${sameDay ? london.slice(11) : london})`;
}

/** `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h`; negative spans get a minus sign. */
export function durationText(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 60) return `${sign}${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${sign}${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${sign}${hours} h${minutes % 60 === 0 ? '' : ` ${minutes % 60} min`}`;
  const days = Math.floor(hours / 24);
  return `${sign}${days} d${hours % 24 === 0 ? '' : ` ${hours % 24} h`}`;
}

/**
 * `--since`: a date `YYYY-MM-DD` means 00:00 Europe/London that day (as the tracking start
 * does); otherwise an ISO instant with `Z` or an offset. Undefined when it is neither.
 */
export function parseSince(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return londonMidnight(trimmed) ?? undefined;
  return parseInstant(trimmed);
}
