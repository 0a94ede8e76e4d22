import type { Command } from 'commander';
import { demoEnvironment } from '../config/demo-env.js';
import { boardJson } from '../demo/board-json.js';
import { keptNotice, renderBoard, type SandboxInfo, stoppedNotice } from '../demo/board-text.js';
import { type DemoSession, runDemoSession } from '../demo/demo-session.js';
import { listenForStop } from '../demo/stop-signals.js';
import { EXIT } from '../errors/exit-status.js';
import { configureLogging, logger } from '../logging/logger.js';
import { action } from './run-action.js';

/**
 * `sla-bridge demo` (what `npm start` runs): the product at work on a fresh clone with no
 * configuration. A fake SuiteCRM (the V8 stand-in) in its own process gets a week of sample
 * customers and cases; the real daemon syncs it on a temp SQLite store while the demo's clock
 * walks the week; then the SLA board is printed and everything is stopped and removed. It never
 * reads SuiteCRM settings, so it cannot reach a real SuiteCRM.
 */
const INTERRUPTED = 130;

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .summary('the built-in sandbox: a week of sample SLAs, no SuiteCRM needed')
    .description(
      'Run the bridge on built-in sample data: a fake SuiteCRM (the V8 stand-in) in a separate process, the real daemon with a temporary SQLite store, a virtual week of cases, contracts and time entries, then an SLA board. Needs no configuration and never contacts a real SuiteCRM. Ends by itself unless --keep-running.',
    )
    .option('--json', 'print the board as JSON')
    .option(
      '--keep-running',
      'after the board, keep the sandbox and the daemon running in real time until Ctrl-C',
    )
    .action(
      action(async (options: { json?: boolean; keepRunning?: boolean }) => {
        const environment = demoEnvironment();
        configureLogging(environment.logging);
        const log = logger('demo');
        const signals = listenForStop((signal) => {
          log.warn('second signal: exiting at once', { signal });
          process.exit(INTERRUPTED);
        });
        try {
          let session: DemoSession;
          try {
            session = await runDemoSession({ stopped: () => signals.received });
          } catch (error) {
            // The session has cleaned up after itself; a stop asked for is not a failure.
            if (!signals.received) throw error;
            process.stderr.write('sla-bridge: demo interrupted; the sandbox has been stopped.\n');
            return INTERRUPTED;
          }
          const info: SandboxInfo = {
            standInPid: session.standIn.pid,
            standInUrl: session.standIn.url,
            realMs: session.realMs,
            kept: options.keepRunning === true,
            ignoredSettings: environment.ignored,
          };
          const board = options.json
            ? `${JSON.stringify(boardJson(session.board, info), null, 2)}\n`
            : renderBoard(session.board, info);
          if (!options.keepRunning) {
            await session.close();
            process.stdout.write(board);
            return EXIT.ok;
          }
          try {
            process.stdout.write(board);
            if (!signals.received) {
              await session.keepRunning();
              const notice = `${keptNotice(session).join('\n')}\n`;
              // With --json, stdout stays one JSON document.
              (options.json ? process.stderr : process.stdout).write(notice);
              await signals.wait();
              log.info('stopping the sandbox: the daemon finishes its batch first');
            }
          } finally {
            await session.close();
          }
          (options.json ? process.stderr : process.stdout).write(`${stoppedNotice().join('\n')}\n`);
          return EXIT.ok;
        } finally {
          signals.dispose();
        }
      }),
    );
}
