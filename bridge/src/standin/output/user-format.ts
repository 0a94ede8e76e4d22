import { DateTime, IANAZone } from 'luxon';
import type { StandInUser } from '../auth/users.js';
import { wallTimeToUtc } from './datetime-format.js';

/**
 * Datetimes as SuiteCRM 7.14's web UI shows and reads them: in the user's time zone and their
 * date and time formats (include/TimeDate.php: to_display_date_time, to_db, which parse with
 * SugarDateTime::createFromFormat in the user's zone; an ambiguous wall time is read as its first
 * occurrence, an unparsable one gives ''). The formats are the ones SuiteCRM offers in a
 * user's profile (include/utils.php, `date_formats` and `time_formats`).
 */
export const DATE_FORMATS = ['Y-m-d', 'm-d-Y', 'd-m-Y', 'Y/m/d', 'm/d/Y', 'd/m/Y', 'Y.m.d', 'd.m.Y', 'm.d.Y'];
export const TIME_FORMATS = [
  'H:i',
  'h:ia',
  'h:iA',
  'h:i a',
  'h:i A',
  'H.i',
  'h.ia',
  'h.iA',
  'h.i a',
  'h.i A',
];

export const DEFAULT_DATE_FORMAT = 'm/d/Y';
export const DEFAULT_TIME_FORMAT = 'H:i';

export interface UserFormat {
  timezone: string;
  dateFormat: string;
  timeFormat: string;
}

export function userFormat(user: StandInUser | undefined): UserFormat {
  return {
    timezone: user?.timezone ?? 'UTC',
    dateFormat: user?.dateFormat ?? DEFAULT_DATE_FORMAT,
    timeFormat: user?.timeFormat ?? DEFAULT_TIME_FORMAT,
  };
}

/** Throws on a zone or format SuiteCRM's profile would not offer. */
export function checkUserFormat(format: Partial<UserFormat>): void {
  if (format.timezone !== undefined && !IANAZone.isValidZone(format.timezone))
    throw new Error(`not a time zone: ${format.timezone}`);
  if (format.dateFormat !== undefined && !DATE_FORMATS.includes(format.dateFormat))
    throw new Error(`not a SuiteCRM date format: ${format.dateFormat} (one of ${DATE_FORMATS.join(', ')})`);
  if (format.timeFormat !== undefined && !TIME_FORMATS.includes(format.timeFormat))
    throw new Error(`not a SuiteCRM time format: ${format.timeFormat} (one of ${TIME_FORMATS.join(', ')})`);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function formatPhp(format: string, wall: Wall): string {
  let out = '';
  for (const char of format) {
    const hour12 = wall.hour % 12 === 0 ? 12 : wall.hour % 12;
    if (char === 'Y') out += String(wall.year);
    else if (char === 'm') out += pad(wall.month);
    else if (char === 'd') out += pad(wall.day);
    else if (char === 'H') out += pad(wall.hour);
    else if (char === 'h') out += pad(hour12);
    else if (char === 'i') out += pad(wall.minute);
    else if (char === 'a') out += wall.hour < 12 ? 'am' : 'pm';
    else if (char === 'A') out += wall.hour < 12 ? 'AM' : 'PM';
    else out += char;
  }
  return out;
}

/** TimeDate::to_display_date_time: a database datetime in the user's zone and formats ('' for blank). */
export function toDisplayDatetime(dbValue: string | null | undefined, format: UserFormat): string {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/.exec(dbValue ?? '');
  if (!match) return '';
  const local = DateTime.fromISO(`${match[1]}T${match[2]}:00Z`, { zone: format.timezone });
  return formatPhp(`${format.dateFormat} ${format.timeFormat}`, local);
}

/** TimeDate::to_display_date. */
export function toDisplayDate(dbValue: string | null | undefined, format: UserFormat): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dbValue ?? '');
  if (!match) return '';
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return formatPhp(format.dateFormat, { year, month, day, hour: 0, minute: 0 });
}

/** Parses `text` in a PHP format of the characters above; undefined when it does not match. */
function parsePhp(format: string, text: string): Wall | undefined {
  let pattern = '';
  const order: string[] = [];
  for (const char of format) {
    if ('YmdHhi'.includes(char)) {
      pattern += char === 'Y' ? '(\\d{4})' : '(\\d{2})';
      order.push(char);
    } else if (char === 'a' || char === 'A') {
      pattern += '([aApP][mM])';
      order.push('a');
    } else pattern += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  const match = new RegExp(`^${pattern}$`).exec(text.trim());
  if (!match) return undefined;
  const wall: Wall = { year: 0, month: 1, day: 1, hour: 0, minute: 0 };
  let meridiem: string | undefined;
  order.forEach((char, index) => {
    const part = match[index + 1] as string;
    if (char === 'Y') wall.year = Number(part);
    else if (char === 'm') wall.month = Number(part);
    else if (char === 'd') wall.day = Number(part);
    else if (char === 'H' || char === 'h') wall.hour = Number(part);
    else if (char === 'i') wall.minute = Number(part);
    else meridiem = part.toLowerCase();
  });
  if (meridiem !== undefined) {
    if (wall.hour < 1 || wall.hour > 12) return undefined;
    wall.hour = (wall.hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (
    wall.month < 1 ||
    wall.month > 12 ||
    wall.day < 1 ||
    wall.day > 31 ||
    wall.hour > 23 ||
    wall.minute > 59
  )
    return undefined;
  return wall;
}

/** TimeDate::to_db: a datetime typed in the user's formats and zone, as UTC `Y-m-d H:i:s` ('' if unreadable). */
export function userDatetimeToDbValue(text: string, format: UserFormat): string {
  const wall = parsePhp(`${format.dateFormat} ${format.timeFormat}`, text);
  if (!wall) return '';
  const ms = wallTimeToUtc(wall.year, wall.month, wall.day, wall.hour, wall.minute, format.timezone);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** TimeDate::to_db_date: a date in the user's format ('' if unreadable). */
export function userDateToDbValue(text: string, format: UserFormat): string {
  const wall = parsePhp(format.dateFormat, text);
  return wall ? `${wall.year}-${pad(wall.month)}-${pad(wall.day)}` : '';
}
