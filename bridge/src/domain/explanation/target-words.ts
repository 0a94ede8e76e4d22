import { wallMinutes } from '../calendar/calendar-definition.js';
import { type CalendarDefinition, isAlwaysOpen } from '../calendar/index.js';
import { duration } from './local-format.js';

/**
 * Targets and spans of business time as a person says them (issue 13, finding 7): "5 business
 * days" where the target is a whole number of the calendar's working days, "4 business hours",
 * and the minutes with "(4 h 30 min)" only where hours and minutes are both needed to read it.
 */
export interface TimeWords {
  day(count: number): string;
  hour(count: number): string;
  minute(count: number): string;
  /** On a 24/7 calendar every minute is a business minute: plain days, hours and minutes. */
  plainDay(count: number): string;
  plainHour(count: number): string;
  plainMinute(count: number): string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const ENGLISH_TIME: TimeWords = {
  day: (n) => plural(n, 'business day', 'business days'),
  hour: (n) => plural(n, 'business hour', 'business hours'),
  minute: (n) => plural(n, 'business minute', 'business minutes'),
  plainDay: (n) => plural(n, 'day', 'days'),
  plainHour: (n) => plural(n, 'hour', 'hours'),
  plainMinute: (n) => plural(n, 'minute', 'minutes'),
};

export const SPANISH_TIME: TimeWords = {
  day: (n) => plural(n, 'día laborable', 'días laborables'),
  hour: (n) => plural(n, 'hora laborable', 'horas laborables'),
  minute: (n) => plural(n, 'minuto laborable', 'minutos laborables'),
  plainDay: (n) => plural(n, 'día', 'días'),
  plainHour: (n) => plural(n, 'hora', 'horas'),
  plainMinute: (n) => plural(n, 'minuto', 'minutos'),
};

/**
 * The business minutes of one working day, when every working day has the same hours (every
 * calendar definition does: one list of hours for all working days); null on a 24/7 calendar.
 */
export function workingDayMinutes(definition: CalendarDefinition): number | null {
  if (isAlwaysOpen(definition)) return null;
  let total = 0;
  for (const [open, close] of definition.hours) total += wallMinutes(close) - wallMinutes(open);
  return total > 0 ? total : null;
}

/** A target: "5 business days", "4 business hours", "270 business minutes (4 h 30 min)". */
export function targetText(minutes: number, definition: CalendarDefinition, words: TimeWords): string {
  const perDay = workingDayMinutes(definition);
  if (perDay === null) {
    if (minutes % 1440 === 0) return words.plainDay(minutes / 1440);
    if (minutes % 60 === 0) return words.plainHour(minutes / 60);
    return withClock(words.plainMinute(minutes), minutes);
  }
  if (minutes % perDay === 0) return words.day(minutes / perDay);
  if (minutes % 60 === 0) return words.hour(minutes / 60);
  return withClock(words.minute(minutes), minutes);
}

/** Business minutes used or waited: "45 business minutes", "265 business minutes (4 h 25 min)". */
export function spanText(minutes: number, words: TimeWords): string {
  return withClock(words.minute(minutes), minutes);
}

function withClock(text: string, minutes: number): string {
  // Under an hour the minutes say it all; from an hour on, hours and minutes help.
  return minutes < 60 ? text : `${text} (${duration(minutes)})`;
}
