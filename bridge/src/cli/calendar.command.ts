import type { Command } from 'commander';
import { readHolidayOverridesFile } from '../config/holiday-overrides-file.js';
import { loadPolicyFile } from '../config/policy-file.js';
import {
  builtInHolidays,
  compileCalendar,
  createHolidayRegistry,
  englandAndWalesCoverage,
  type HolidayRegistry,
  nonWorkingDays,
} from '../domain/calendar/index.js';
import { BridgeError } from '../errors/bridge-error.js';
import { EXIT } from '../errors/exit-status.js';
import { CalendarLineEvaluator, type EvalOptions } from './calendar-eval.js';
import { mapLines } from './line-stream.js';
import { action } from './run-action.js';

const DEFAULT_CALENDAR = {
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  hours: [['09:00', '17:30']],
  holidays: 'england-and-wales',
};
const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function registryFrom(file: string | undefined): HolidayRegistry {
  return file
    ? createHolidayRegistry({ englandAndWales: readHolidayOverridesFile(file) })
    : builtInHolidays();
}

/** With --policy, lines may name the policy's calendars, compiled with the policy's own holiday overrides. */
function evalOptions(options: { holidayOverrides?: string; policy?: string }): EvalOptions {
  if (options.policy === undefined) return { registry: registryFrom(options.holidayOverrides) };
  if (options.holidayOverrides !== undefined) {
    throw new BridgeError(
      'usage',
      '--policy carries its own holidayOverrides; do not combine it with --holiday-overrides',
    );
  }
  const { policy } = loadPolicyFile(options.policy);
  return { registry: policy.registry, named: policy.calendars };
}

function parseCalendarOption(text: string | undefined): unknown {
  if (text === undefined) return DEFAULT_CALENDAR;
  try {
    return JSON.parse(text);
  } catch {
    throw new BridgeError(
      'usage',
      '--calendar must be a calendar as JSON, e.g. \'{"timeZone":"Europe/London","alwaysOpen":true}\'',
    );
  }
}

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1900 || year > 2200)
    throw new BridgeError('usage', `--year must be a year such as 2026, got "${text}"`);
  return year;
}

export function registerCalendarCommands(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('Business-time calendar tools (no SuiteCRM needed).');

  calendar
    .command('eval')
    .summary('business-time answers for JSON Lines requests (stdin to stdout)')
    .description(
      'Read JSON Lines requests on stdin, write one JSON answer per line to stdout.\n' +
        '  {"op":"add","calendar":CAL,"start":"2024-06-05T08:00:00Z","minutes":510,"pauses":[[FROM,TO]]}\n' +
        '  {"op":"between","calendar":CAL,"from":"...","to":"...","pauses":[...]}\n' +
        '  {"op":"isBusinessTime","calendar":CAL,"at":"..."}  {"op":"nextBusinessTime","calendar":CAL,"at":"..."}\n' +
        'CAL is a calendar object. A bad line answers {"error":"..."}; the exit status is 1 if any line failed.',
    )
    .option('--holiday-overrides <file>', 'JSON file of extra closed days and removed bank holidays')
    .option('--policy <file>', 'a policy file: lines may then name its calendars ("calendar":"london-24x7")')
    .action(
      action(async (options: { holidayOverrides?: string; policy?: string }) => {
        const evaluator = new CalendarLineEvaluator(evalOptions(options));
        let failed = 0;
        await mapLines(
          process.stdin,
          process.stdout,
          (line) => {
            const answer = evaluator.evaluate(line);
            if (answer.failed) failed++;
            return answer.text;
          },
          {
            onOverlong: () => {
              failed++;
              return JSON.stringify({ error: 'line longer than 1 MiB' });
            },
          },
        );
        return failed > 0 ? EXIT.failures : EXIT.ok;
      }),
    );

  calendar
    .command('holidays')
    .summary('the non-working weekdays of a year')
    .description('List the non-working weekdays of a year (bank holidays and closures) with their names.')
    .requiredOption('--year <year>', 'the year, e.g. 2026')
    .option('--calendar <json>', 'a calendar as JSON (default: London, Mon-Fri 09:00-17:30, England & Wales)')
    .option('--holiday-overrides <file>', 'JSON file of extra closed days and removed bank holidays')
    .option('--json', 'print JSON instead of a table')
    .action(
      action((options: { year: string; calendar?: string; holidayOverrides?: string; json?: boolean }) => {
        const year = parseYear(options.year);
        const compiled = compileCalendar(
          parseCalendarOption(options.calendar),
          registryFrom(options.holidayOverrides),
        );
        const days = nonWorkingDays(year, compiled);
        if (
          compiled.holidays?.id.startsWith('england-and-wales') &&
          englandAndWalesCoverage(year) === 'rules'
        ) {
          process.stderr.write(
            `note: ${year} is outside the official gov.uk list; these days come from the GB/ENG rules (date-holidays) and one-off holidays may be missing.\n`,
          );
        }
        if (options.json) {
          process.stdout.write(`${JSON.stringify(days, null, 2)}\n`);
        } else {
          for (const day of days) {
            process.stdout.write(
              `${day.date}  ${WEEKDAYS[day.weekday]}  ${day.name}${day.source === 'official' ? '' : `  (${day.source})`}\n`,
            );
          }
        }
        return EXIT.ok;
      }),
    );
}
