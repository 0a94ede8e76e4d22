import type { Command } from 'commander';
import { formatInstant } from '../domain/calendar/index.js';
import { EXIT } from '../errors/exit-status.js';
import { action } from './run-action.js';
import { describeTrackingStart, trackingStartJson, withStore } from './store-session.js';

/**
 * `sla-bridge migrate`: creates or upgrades the store's schema (creating the MySQL database
 * when it does not exist) and, on the first run, sets the tracking start to 00:00
 * Europe/London today. Safe to run again at any time; it needs only BRIDGE_STORE_URL.
 */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description(
      "Create or upgrade the bridge's store (BRIDGE_STORE_URL) and, on the first run, set the tracking start to today.",
    )
    .option('--json', 'print what was done as JSON')
    .option('--force-unlock', 'clear the migration lock an interrupted migrate left behind, then migrate')
    .action(
      action((options: { json?: boolean; forceUnlock?: boolean }) =>
        withStore({ create: true }, async (store) => {
          const schema = await store.migrate({ forceUnlock: options.forceUnlock ?? false });
          const { trackingStart, created } = await store.writeUnfenced((repositories) =>
            repositories.trackingStart.initialise(Date.now(), 'migrate'),
          );
          if (options.json) {
            const out = {
              store: store.location,
              schema,
              trackingStart: trackingStartJson(trackingStart),
              trackingStartSetNow: created,
            };
            process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
            return EXIT.ok;
          }
          const fresh = schema.applied.length === schema.migrations.length;
          const schemaLine =
            schema.applied.length === 0
              ? `up to date (${schema.migrations.length} migration${schema.migrations.length === 1 ? '' : 's'})`
              : `${fresh ? 'created' : 'upgraded'} (ran ${schema.applied.join(', ')})`;
          const startLine = created
            ? `${describeTrackingStart(trackingStart)}, set now`
            : `${describeTrackingStart(trackingStart)}, unchanged (set ${formatInstant(trackingStart.setAt)} by ${trackingStart.setBy})`;
          process.stdout.write(
            `Store: ${store.location}\nSchema: ${schemaLine}\nTracking start: ${startLine}\n`,
          );
          return EXIT.ok;
        }),
      ),
    );
}
