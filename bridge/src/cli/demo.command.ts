import type { Command } from 'commander';
import {
  addBusinessMinutes,
  compileCalendar,
  formatInstant,
  parseInstant,
} from '../domain/calendar/index.js';
import { EXIT } from '../errors/exit-status.js';
import { action } from './run-action.js';

/**
 * The out-of-the-box demo. Until the sync engine lands it shows the business clock at work on
 * a few sample cases: response deadlines on the default London calendar, across a bank holiday
 * weekend, a DST change and Christmas, next to a 24/7 Severity 1 clock.
 */
const SAMPLES = [
  {
    ref: 'CASE-1001',
    severity: 2,
    reported: '2023-05-05T15:45:00Z',
    minutes: 240,
    note: 'Fri 16:45 before the Coronation bank holiday',
  },
  {
    ref: 'CASE-1002',
    severity: 3,
    reported: '2024-03-28T16:00:00Z',
    minutes: 480,
    note: 'Thursday before Easter and the clocks going forward',
  },
  {
    ref: 'CASE-1003',
    severity: 2,
    reported: '2026-12-24T15:00:00Z',
    minutes: 240,
    note: 'Christmas Eve afternoon',
  },
  {
    ref: 'CASE-1004',
    severity: 1,
    reported: '2024-03-30T12:00:00Z',
    minutes: 1440,
    note: 'Severity 1 on 24/7 cover, Saturday noon',
    alwaysOpen: true,
  },
] as const;

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Show the product working on built-in sample data (no SuiteCRM, no configuration).')
    .action(
      action(() => {
        const london = compileCalendar({
          timeZone: 'Europe/London',
          hours: [['09:00', '17:30']],
          holidays: 'england-and-wales',
        });
        const always = compileCalendar({ timeZone: 'Europe/London', alwaysOpen: true });
        const out: string[] = [
          'SLA bridge demo: the business clock (built-in sandbox; no SuiteCRM is contacted)',
          'Calendar: London, Mon-Fri 09:00-17:30, England & Wales bank holidays',
          '',
        ];
        for (const sample of SAMPLES) {
          const reported = parseInstant(sample.reported) as number;
          const due = addBusinessMinutes(reported, sample.minutes, 'alwaysOpen' in sample ? always : london);
          out.push(
            `${sample.ref}  Sev ${sample.severity}  reported ${formatInstant(reported)}  +${sample.minutes / 60} business h  due ${formatInstant(due)}  (${sample.note})`,
          );
        }
        out.push(
          '',
          'This is the built-in sandbox; README.md explains what the bridge does with a real SuiteCRM.',
        );
        process.stdout.write(`${out.join('\n')}\n`);
        return EXIT.ok;
      }),
    );
}
