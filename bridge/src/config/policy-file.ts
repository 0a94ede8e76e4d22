import { readFileSync } from 'node:fs';
import { type CompiledPolicy, loadPolicy } from '../domain/policy/compiled-policy.js';
import { DEFAULT_POLICY_SOURCE, defaultPolicy } from '../domain/policy/default-policy.js';
import { BridgeError } from '../errors/bridge-error.js';
import { loadConfig } from './env-config.js';

/**
 * Reads a policy file (JSON). A file that cannot be read or parsed, or a policy with mistakes,
 * is a `policy_invalid` error naming the file (and the path of every mistake).
 */
export function readPolicyDocument(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BridgeError(
      'policy_invalid',
      `cannot read the policy file ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  if (text.trim() === '') {
    throw new BridgeError(
      'policy_invalid',
      `${path} is empty: a policy is a JSON document (start from schemas/default-policy.json)`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BridgeError('policy_invalid', `${path} is not valid JSON: ${jsonErrorText(error, text)}`, {
      cause: error,
    });
  }
}

/** JSON.parse's message with the line and column of its position, which an editor can go to. */
function jsonErrorText(error: unknown, text: string): string {
  const message = (error as Error).message;
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined || /\(line \d+ column \d+\)/.test(message)) return message;
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  const column = Number(position) - before.lastIndexOf('\n');
  return `${message} (line ${line} column ${column})`;
}

export interface LoadedPolicy {
  policy: CompiledPolicy;
  /** The file it came from, or the shipped default's path. */
  source: string;
}

/** The policy file the bridge uses: `SLA_POLICY_FILE` (environment or `.env`), or none (the shipped default). */
export function configuredPolicyFile(): string | undefined {
  return loadConfig().policyFile;
}

/** The policy in a file, or the shipped default when no file is given. */
export function loadPolicyFile(path: string | undefined): LoadedPolicy {
  if (path === undefined) return { policy: defaultPolicy(), source: DEFAULT_POLICY_SOURCE };
  return { policy: loadPolicy(readPolicyDocument(path), path), source: path };
}
