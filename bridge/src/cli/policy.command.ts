import type { Command } from 'commander';
import { configuredPolicyFile, loadPolicyFile, readPolicyDocument } from '../config/policy-file.js';
import { loadPolicy } from '../domain/policy/compiled-policy.js';
import { DEFAULT_POLICY_DOCUMENT, DEFAULT_POLICY_SOURCE } from '../domain/policy/default-policy.js';
import { EXIT } from '../errors/exit-status.js';
import { registerPolicyRestateCommand } from './policy-restate.command.js';
import { policySummary } from './policy-summary.js';
import { action } from './run-action.js';

/**
 * `sla-bridge policy show|check`: the support policy file, without SuiteCRM; `policy restate`
 * (re-deciding pinned cases under a new policy) talks to SuiteCRM and lives in its own file.
 */
export function registerPolicyCommands(program: Command): void {
  const policy = program
    .command('policy')
    .description('The support policy: plans, calendars and SLA settings (show and check need no SuiteCRM).');
  registerPolicyRestateCommand(policy);

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
        // A bad file is a policy_invalid error listing every mistake, one per line, exactly as
        // any other command that loads it prints it.
        const document = file === undefined ? DEFAULT_POLICY_DOCUMENT : readPolicyDocument(file);
        const compiled = loadPolicy(document, source);
        process.stdout.write(`ok: ${source} is a valid policy (version ${compiled.version})\n`);
        return EXIT.ok;
      }),
    );
}
