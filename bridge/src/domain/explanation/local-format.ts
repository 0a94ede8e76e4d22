import { DateTime } from 'luxon';
import { civilOf, type DayNumber, isoWeekday, pad2 } from '../../iso/day-number.js';

/**
 * Dates and times in words, hand-written per language rather than taken from ICU, so the text
 * is the same on every Node build (explanations are compared to decide whether to write).
 */
export interface DateWords {
  weekdays: readonly string[]; // index 1 = Monday
  months: readonly string[]; // index 1 = January
}

export const ENGLISH_DATES: DateWords = {
  weekdays: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  months: ['', 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

export const SPANISH_DATES: DateWords = {
  weekdays: ['', 'lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
  months: ['', 'ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
};

/** `Fri 5 May` */
export function shortDay(day: DayNumber, words: DateWords): string {
  const { month, day: dayOfMonth } = civilOf(day);
  return `${words.weekdays[isoWeekday(day)]} ${dayOfMonth} ${words.months[month]}`;
}

/** `Fri 5 May 2023` */
export function longDay(day: DayNumber, words: DateWords): string {
  return `${shortDay(day, words)} ${civilOf(day).year}`;
}

/** `Fri 5 May 2023 16:45`, in the zone's wall-clock time. */
export function dateTime(instant: number, zone: string, words: DateWords): string {
  const local = DateTime.fromMillis(instant, { zone });
  const weekday = local.weekday;
  return `${words.weekdays[weekday]} ${local.day} ${words.months[local.month]} ${local.year} ${pad2(local.hour)}:${pad2(local.minute)}`;
}

/** `4 h`, `4 h 15 min`, `45 min`. */
export function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** Staff text quoted in a sentence: trimmed, without its own final full stop. */
export function reasonText(text: string | null): string | null {
  const trimmed = text?.trim().replace(/[.\s]+$/, '') ?? '';
  return trimmed === '' ? null : trimmed;
}
