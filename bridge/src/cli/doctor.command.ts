import type { Command } from 'commander';
import { loadConfig } from '../config/env-config.js';
import { configureLogging } from '../logging/logger.js';
import { createSuiteCrmClient } from '../suitecrm/index.js';
import { doctorExitStatus, doctorJson, doctorText } from './doctor/doctor-report.js';
import { runDoctor } from './doctor/run-doctor.js';
import { action } from './run-action.js';
import { suiteCrmClientConfig } from './suitecrm-session.js';

/**
 * `sla-bridge doctor [--json]`: checks the configuration, the store, SuiteCRM, the token, the
 * API user's time zone, the package, the fields, the accounts' plans and the clocks, one line
 * each with the fix in words. Exit 0 when nothing failed, 1 when a check failed, 2 when the
 * configuration or the policy is invalid. Secrets never appear in its output.
 */
export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description(
      'Check the configuration, the store, SuiteCRM, the package and the clocks; one line per check with the fix (exit 0 ok, 1 a check failed, 2 bad configuration).',
    )
    .option('--json', 'print the results as one JSON document')
    .action(
      action(async (options: { json?: boolean }) => {
        const results = await runDoctor({
          loadConfig: () => {
            const config = loadConfig();
            configureLogging(config.logging);
            return config;
          },
          createClient: (config, retry) => {
            if (config.suitecrm === undefined) throw new Error('doctor: no SuiteCRM settings');
            return createSuiteCrmClient(suiteCrmClientConfig(config.suitecrm, { retry }));
          },
          now: () => Date.now(),
        });
        process.stdout.write(options.json ? doctorJson(results) : doctorText(results));
        return doctorExitStatus(results);
      }),
    );
}
