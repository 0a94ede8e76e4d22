import type { Command } from 'commander';
import { configuredPolicyFile, loadPolicyFile, readPolicyDocument } from '../config/policy-file.js';
import { loadPolicy } from '../domain/policy/compiled-policy.js';
import { DEFAULT_POLICY_DOCUMENT, DEFAULT_POLICY_SOURCE } from '../domain/policy/default-policy.js';
import { isBridgeError } from '../errors/bridge-error.js';
import { EXIT } from '../errors/exit-status.js';
import { policySummary } from './policy-summary.js';
import { action } from './run-action.js';

/**
 * `sla-bridge policy show|check`: the support policy file, without SuiteCRM. `policy restate`
 * (re-deciding pinned cases under a new policy) belongs to the sync commands.
 */
export function registerPolicyCommands(program: Command): void {
  const policy = program
    .command('policy')
    .description('The support policy: plans, calendars and SLA settings (no SuiteCRM needed).');

  policy
    .command('show')
    .description('Print the effective policy (every default filled in) and its version.')
    .option(
      '--policy <file>',
      'a policy file (default: $SLA_POLICY_FILE, else the shipped schemas/default-policy.json)',
    )
    .option('--json', 'print the effective policy document as JSON (the version goes to stderr)')
    .action(
      action((options: { policy?: string; json?: boolean }) => {
        const { policy: loaded, source } = loadPolicyFile(options.policy ?? configuredPolicyFile());
        if (options.json) {
          process.stdout.write(`${JSON.stringify(loaded.document, null, 2)}\n`);
          process.stderr.write(`policy version ${loaded.version} (${source})\n`);
        } else {
          process.stdout.write(policySummary(loaded, source));
        }
        return EXIT.ok;
      }),
    );

  policy
    .command('check')
    .description('Validate a policy file; every mistake is listed with its path (exit 0 valid, 2 invalid).')
    .argument(
      '[file]',
      'the policy file (default: $SLA_POLICY_FILE, else the shipped schemas/default-policy.json)',
    )
    .action(
      action((given: string | undefined) => {
        const file = given ?? configuredPolicyFile();
        const source = file ?? DEFAULT_POLICY_SOURCE;
        try {
          const document = file === undefined ? DEFAULT_POLICY_DOCUMENT : readPolicyDocument(file);
          const compiled = loadPolicy(document, source);
          process.stdout.write(`ok: ${source} is a valid policy (version ${compiled.version})\n`);
          return EXIT.ok;
        } catch (error) {
          const issues = isBridgeError(error) ? error.details.issues : undefined;
          if (!isBridgeError(error) || error.code !== 'policy_invalid' || !Array.isArray(issues)) throw error;
          const list = issues as Array<{ path: string; message: string }>;
          process.stderr.write(
            `sla-bridge: policy_invalid: ${source} has ${list.length} mistake${list.length === 1 ? '' : 's'}:\n`,
          );
          for (const issue of list) process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
          return EXIT.usage;
        }
      }),
    );
}
