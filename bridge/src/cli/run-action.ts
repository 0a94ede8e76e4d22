import { type AnyBridgeError, BridgeError, isBridgeError } from '../errors/bridge-error.js';
import type { ListedMistakes } from '../errors/error-details.js';
import { EXIT, exitStatusFor } from '../errors/exit-status.js';
import { logger } from '../logging/logger.js';
import { redactText } from '../logging/redact.js';

/**
 * Wraps a command's action: the action returns its exit status; any error becomes one line on
 * stderr (`sla-bridge: <code>: <message>`) and the status its code maps to.
 */
export type CommandResult = number | undefined;

let lastStatus: number = EXIT.ok;

export function takeExitStatus(): number {
  const status = lastStatus;
  lastStatus = EXIT.ok;
  return status;
}

export function setExitStatus(status: number): void {
  lastStatus = status;
}

export function action<A extends unknown[]>(
  fn: (...args: A) => Promise<CommandResult> | CommandResult,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      lastStatus = (await fn(...args)) ?? EXIT.ok;
    } catch (error) {
      lastStatus = reportError(error);
    }
  };
}

export function reportError(error: unknown): number {
  if (isBridgeError(error)) {
    process.stderr.write(`sla-bridge: ${error.code}: ${redactText(forPeople(error))}\n`);
    return exitStatusFor(error.code);
  }
  logger('cli').error('unexpected failure', { error });
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sla-bridge: internal: ${redactText(message)}\n`);
  return EXIT.internal;
}

export function usageError(message: string): BridgeError {
  return new BridgeError('usage', message);
}

/** Every problem of a command line at once: one line for one, a list for several. */
export function usageErrors(problems: readonly string[]): BridgeError {
  if (problems.length === 1) return usageError(problems[0] as string);
  return new BridgeError('usage', problems.join('; '), {
    details: { heading: `${problems.length} problems with the arguments:`, lines: [...problems] },
  });
}

/**
 * An error that lists several mistakes (a policy file, the configuration) carries them in
 * `details.heading` and `details.lines`: people get one mistake per line; the message itself
 * stays one line for logs and `doctor`.
 */
function forPeople(error: AnyBridgeError): string {
  const { heading, lines } = listedMistakes(error) ?? {};
  if (heading === undefined || lines === undefined || lines.length === 0) return error.message;
  return [heading, ...lines.map((line) => `  ${line}`)].join('\n');
}

function listedMistakes(error: AnyBridgeError): ListedMistakes | undefined {
  switch (error.code) {
    case 'usage':
    case 'config_invalid':
    case 'policy_invalid':
      return error.details;
    default:
      return undefined;
  }
}
