import { Command, CommanderError } from 'commander';
import { EXIT } from '../errors/exit-status.js';
import { registerCalendarCommands } from './calendar.command.js';
import { registerDemoCommand } from './demo.command.js';
import { registerDoctorCommand } from './doctor.command.js';
import { registerEventsCommand } from './events.command.js';
import { registerExplainCommand } from './explain.command.js';
import { registerMigrateCommand } from './migrate.command.js';
import { registerPolicyCommands } from './policy.command.js';
import { registerRunCommand } from './run.command.js';
import { reportError, takeExitStatus } from './run-action.js';
import { registerStatusCommand } from './status.command.js';
import { registerSyncCommand } from './sync.command.js';
import { registerTrackingStartCommand } from './tracking-start.command.js';
import { VERSION } from './version.js';

/** Builds the `sla-bridge` program. Each command lives in its own file and registers itself. */
export function buildProgram(): Command {
  const program = new Command('sla-bridge')
    .description('Support contracts and SLAs inside SuiteCRM: the sync bridge and its tools.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerCalendarCommands(program);
  registerDemoCommand(program);
  registerPolicyCommands(program);
  registerMigrateCommand(program);
  registerTrackingStartCommand(program);
  registerSyncCommand(program);
  registerExplainCommand(program);
  registerRunCommand(program);
  registerDoctorCommand(program);
  registerStatusCommand(program);
  registerEventsCommand(program);
  for (const command of program.commands) applyExitOverride(command);
  return program;
}

function applyExitOverride(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) applyExitOverride(sub);
}

/** Runs the CLI and returns its exit status (the bin shim sets process.exitCode). */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return takeExitStatus();
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0 in commander; bad usage is ours to number.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return reportError(error);
  }
}
