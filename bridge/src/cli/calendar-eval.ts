import type { BusinessCalendar } from '../domain/calendar/business-calendar.js';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  compileCalendar,
  formatInstant,
  type HolidayRegistry,
  isBusinessTime,
  nextBusinessTime,
  type Pause,
  parseInstant,
} from '../domain/calendar/index.js';
import { isBridgeError } from '../errors/bridge-error.js';

/**
 * `sla-bridge calendar eval`: one JSON request per line in, one JSON answer per line out.
 *   {"op":"add","calendar":CAL,"start":ISO,"minutes":N,"pauses":[[ISO,ISO]]} -> {"result":ISO}
 *   {"op":"between","calendar":CAL,"from":ISO,"to":ISO,"pauses":[...]}       -> {"result":N}
 *   {"op":"isBusinessTime","calendar":CAL,"at":ISO}                            -> {"result":true}
 *   {"op":"nextBusinessTime","calendar":CAL,"at":ISO}                          -> {"result":ISO}
 * A bad line answers {"error":"..."} and the run goes on. The hot path does no date-library
 * work: instants are parsed and formatted by hand, calendars compiled once per distinct text.
 */
const FIELDS: Record<string, ReadonlySet<string>> = {
  add: new Set(['op', 'calendar', 'start', 'minutes', 'pauses']),
  between: new Set(['op', 'calendar', 'from', 'to', 'pauses']),
  isBusinessTime: new Set(['op', 'calendar', 'at']),
  nextBusinessTime: new Set(['op', 'calendar', 'at']),
};
const OPS = Object.keys(FIELDS).join(', ');
const CACHE_LIMIT = 1_000; // distinct calendar texts kept; beyond that the cache restarts (constant memory)

export interface EvalOptions {
  registry: HolidayRegistry;
  /** Calendars a line may name instead of spelling out (the policy's named calendars). */
  named?: ReadonlyMap<string, BusinessCalendar>;
}

class LineError extends Error {}

export class CalendarLineEvaluator {
  private readonly byText = new Map<string, BusinessCalendar>();
  constructor(private readonly options: EvalOptions) {}

  /** Evaluates one line; returns the answer line (without newline) and whether it failed. */
  evaluate(line: string): { text: string; failed: boolean } {
    try {
      return { text: `{"result":${this.answer(line)}}`, failed: false };
    } catch (error) {
      const message =
        error instanceof LineError || isBridgeError(error) || error instanceof RangeError
          ? error.message
          : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
      return { text: JSON.stringify({ error: message }), failed: true };
    }
  }

  private answer(line: string): string {
    if (line.trim() === '') throw new LineError('empty line');
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch {
      throw new LineError('not valid JSON');
    }
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      throw new LineError('expected a JSON object');
    }
    const fields = request as Record<string, unknown>;
    const op = fields.op;
    const allowed = typeof op === 'string' ? FIELDS[op] : undefined;
    if (!allowed) throw new LineError(`"op" must be one of ${OPS}`);
    for (const key in fields)
      if (!allowed.has(key)) throw new LineError(`unknown field "${key}" for op "${op}"`);
    const calendar = this.calendar(fields.calendar, line);
    switch (op) {
      case 'add': {
        const minutes = fields.minutes;
        if (typeof minutes !== 'number' || !Number.isSafeInteger(minutes) || minutes < 0) {
          throw new LineError('"minutes" must be a non-negative whole number');
        }
        return `"${formatInstant(addBusinessMinutes(instant(fields.start, 'start'), minutes, calendar, pauses(fields.pauses)))}"`;
      }
      case 'between':
        return String(
          businessMinutesBetween(
            instant(fields.from, 'from'),
            instant(fields.to, 'to'),
            calendar,
            pauses(fields.pauses),
          ),
        );
      case 'isBusinessTime':
        return String(isBusinessTime(instant(fields.at, 'at'), calendar));
      default:
        return `"${formatInstant(nextBusinessTime(instant(fields.at, 'at'), calendar))}"`;
    }
  }

  private calendar(value: unknown, line: string): BusinessCalendar {
    if (typeof value === 'string') {
      const named = this.options.named?.get(value);
      if (!named) {
        const known = [...(this.options.named?.keys() ?? [])];
        throw new LineError(
          known.length === 0
            ? `"calendar" names "${value}" but no named calendars are loaded (spell the calendar out, or pass --policy)`
            : `unknown calendar "${value}" (known: ${known.join(', ')})`,
        );
      }
      return named;
    }
    if (typeof value !== 'object' || value === null)
      throw new LineError('"calendar" must be a calendar object or a calendar name');
    // The calendar's own text in the line is a cheaper cache key than re-serialising the parsed object.
    const text = rawObjectText(line, '"calendar":') ?? JSON.stringify(value);
    let compiled = this.byText.get(text);
    if (!compiled) {
      compiled = compileCalendar(value, this.options.registry);
      if (this.byText.size >= CACHE_LIMIT) this.byText.clear();
      this.byText.set(text, compiled);
    }
    return compiled;
  }
}

/**
 * The text of the JSON object that follows `marker` in `line` (braces matched outside strings),
 * or undefined when the marker is absent or not followed directly by an object. The line has
 * already been parsed as valid JSON, so this only has to find where the object ends.
 */
export function rawObjectText(line: string, marker: string): string | undefined {
  const at = line.indexOf(marker);
  if (at === -1 || line.indexOf(marker, at + marker.length) !== -1) return undefined; // absent, or ambiguous
  let i = at + marker.length;
  while (line.charCodeAt(i) === 32) i++;
  if (line.charCodeAt(i) !== 123) return undefined; // not "{"
  const start = i;
  let depth = 0;
  let inString = false;
  for (; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (inString) {
      if (code === 92)
        i++; // backslash: skip the escaped character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 123) depth++;
    else if (code === 125 && --depth === 0) return line.slice(start, i + 1);
  }
  return undefined;
}

function instant(value: unknown, field: string): number {
  const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
  if (parsed === undefined) {
    throw new LineError(
      `"${field}" must be an ISO-8601 instant with an offset, such as "2024-06-05T08:00:00Z"`,
    );
  }
  return parsed;
}

function pauses(value: unknown): Pause[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new LineError('"pauses" must be a list of [start, end] pairs');
  return value.map((pair, index) => {
    if (!Array.isArray(pair) || pair.length !== 2)
      throw new LineError(`"pauses[${index}]" must be a [start, end] pair`);
    const start = instant(pair[0], `pauses[${index}][0]`);
    const end = instant(pair[1], `pauses[${index}][1]`);
    if (end < start) throw new LineError(`"pauses[${index}]" ends before it starts`);
    return [start, end] as const;
  });
}
