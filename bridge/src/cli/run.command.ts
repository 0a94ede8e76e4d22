import type { Command } from 'commander';
import { IANAZone } from 'luxon';
import { BridgeError } from '../errors/bridge-error.js';
import { EXIT } from '../errors/exit-status.js';
import { Daemon } from '../jobs/daemon.js';
import { logger } from '../logging/logger.js';
import { openRuntime } from './bridge-runtime.js';
import { action } from './run-action.js';

/**
 * `sla-bridge run`: the daemon. Refuses to start without SuiteCRM settings (every missing one
 * listed; it never falls back to the demo). SIGTERM or SIGINT: no new work, the batch in hand
 * finishes and is recorded, the lease is released, the store closed, exit 0. A second signal
 * exits at once (status 130); nothing is lost, since every batch is recorded atomically.
 */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .summary('the daemon: follow saves within seconds, tick every minute, reconcile nightly')
    .description(
      "Run the bridge as a service: the change marker read every BRIDGE_FOLLOW_INTERVAL_S seconds (default 8) and the changed modules read when it moves, a tick every minute (changes since the last tick, plus records whose next transition has come) and a full reconciliation nightly at 02:30. Only one instance writes at a time (the store's lease); others wait and take over. Stops cleanly on SIGTERM/SIGINT.",
    )
    .option('--time-zone <zone>', 'time zone of the job schedule', 'Europe/London')
    .action(
      action(async (options: { timeZone: string }) => {
        if (!IANAZone.isValidZone(options.timeZone)) {
          throw new BridgeError('usage', `--time-zone: unknown time zone "${options.timeZone}"`);
        }
        const runtime = await openRuntime();
        const log = logger('run');
        const engine = runtime.syncEngine();
        const daemon = new Daemon(
          { engine, store: runtime.store },
          { timeZone: options.timeZone, followIntervalMs: runtime.config.follow.intervalMs },
        );
        log.info('policy in force', { version: runtime.policy.version, source: runtime.policySource });
        await new Promise<void>((resolve) => {
          let signals = 0;
          const onSignal = (signal: NodeJS.Signals) => {
            signals++;
            if (signals > 1) {
              log.warn('second signal: exiting at once', { signal });
              process.exit(130);
            }
            log.info('stopping: finishing the batch in hand', { signal });
            daemon
              .stop()
              .then(() => runtime.close())
              .finally(resolve);
          };
          process.on('SIGTERM', onSignal);
          process.on('SIGINT', onSignal);
          daemon.start();
        });
        return EXIT.ok;
      }),
    );
}
