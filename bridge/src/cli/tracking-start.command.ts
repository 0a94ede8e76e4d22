import type { Command } from 'commander';
import { formatInstant } from '../domain/calendar/index.js';
import { EXIT } from '../errors/exit-status.js';
import { londonMidnight, TRACKING_ZONE } from '../store/index.js';
import { action, usageError } from './run-action.js';
import { describeTrackingStart, trackingStartJson, withStore } from './store-session.js';

/**
 * `sla-bridge tracking-start [--set <YYYY-MM-DD>]`: shows the tracking start (cases reported
 * before it are never written), or moves it to 00:00 Europe/London on another date, printing
 * what it was and what it is now. Cases already evaluated keep their pinned coverage until
 * they are restated.
 */
export function registerTrackingStartCommand(program: Command): void {
  program
    .command('tracking-start')
    .description(
      `Show the tracking start (cases reported before it are never written), or change it with --set (00:00 ${TRACKING_ZONE} on that date).`,
    )
    .option('--set <date>', 'the new tracking start, a date YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action(
      action((options: { set?: string; json?: boolean }) => {
        const date = options.set;
        if (date !== undefined && londonMidnight(date) === null) {
          throw usageError(`--set must be a date YYYY-MM-DD, such as 2026-01-05; got "${date}"`);
        }
        return withStore({}, async (store) => {
          await store.requireCurrentSchema();
          if (date === undefined) {
            const current = await store.read((readers) => readers.trackingStart.get());
            if (options.json) {
              process.stdout.write(
                `${JSON.stringify({ trackingStart: trackingStartJson(current) }, null, 2)}\n`,
              );
            } else if (current === null) {
              process.stdout.write('Tracking start: not set (run `sla-bridge migrate`)\n');
            } else {
              process.stdout.write(
                `Tracking start: ${describeTrackingStart(current)}; set ${formatInstant(current.setAt)} by ${current.setBy}\n`,
              );
            }
            return EXIT.ok;
          }
          const { previous, current } = await store.writeUnfenced((repositories) =>
            repositories.trackingStart.set(date, 'tracking-start'),
          );
          const changed = previous?.date !== current.date;
          if (options.json) {
            const out = {
              previous: trackingStartJson(previous),
              trackingStart: trackingStartJson(current),
              changed,
            };
            process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
          } else if (!changed) {
            process.stdout.write(`Tracking start unchanged: ${describeTrackingStart(current)}\n`);
          } else {
            process.stdout.write(
              `Tracking start changed\n  was: ${previous ? describeTrackingStart(previous) : 'not set'}\n  now: ${describeTrackingStart(current)}\n`,
            );
          }
          return EXIT.ok;
        });
      }),
    );
}
