import { BusinessCalendar } from './business-calendar.js';
import { type CalendarDefinition, canonicalKey, parseCalendar } from './calendar-definition.js';
import { builtInHolidays, type HolidayRegistry } from './holiday-registry.js';

/**
 * Compiled calendars are cached by their canonical key (per holiday registry), so the same
 * calendar written a thousand times, in any key order, is validated and tabulated once.
 */
const caches = new WeakMap<HolidayRegistry, Map<string, BusinessCalendar>>();

export function compileDefinition(
  definition: CalendarDefinition,
  registry: HolidayRegistry = builtInHolidays(),
): BusinessCalendar {
  let cache = caches.get(registry);
  if (!cache) {
    cache = new Map();
    caches.set(registry, cache);
  }
  const key = canonicalKey(definition);
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = new BusinessCalendar(definition, registry);
    cache.set(key, compiled);
  }
  return compiled;
}

/** Validates (throwing `calendar_invalid` with every mistake named) and compiles. */
export function compileCalendar(
  input: unknown,
  registry: HolidayRegistry = builtInHolidays(),
): BusinessCalendar {
  return compileDefinition(parseCalendar(input), registry);
}
