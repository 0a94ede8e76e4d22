import { hasCode, isBridgeError } from '../errors/bridge-error.js';
import { type BridgeConfig, configInvalid, type LoadOptions, loadConfig } from './env-config.js';
import { type LoadedPolicy, loadPolicyFile } from './policy-file.js';

/**
 * What a command that computes SLAs needs before it starts: the configuration and the policy,
 * checked together so that every problem is listed in one error. A policy file that is the only
 * problem fails exactly as `sla-bridge policy check` does (`policy_invalid`, every mistake with
 * its path); with other problems its mistakes join the configuration's list.
 */
export function loadConfigAndPolicy(options: LoadOptions = {}): {
  config: BridgeConfig;
  policy: LoadedPolicy;
} {
  let config: BridgeConfig | undefined;
  let problems: string[] = [];
  let policyFile: string | undefined;
  try {
    config = loadConfig(options);
    policyFile = config.policyFile;
  } catch (error) {
    if (!hasCode(error, 'config_invalid') || error.details.problems === undefined) throw error;
    problems = [...error.details.problems];
    policyFile = error.details.policyFile;
  }
  let policy: LoadedPolicy | undefined;
  try {
    policy = loadPolicyFile(policyFile);
  } catch (error) {
    if (!isBridgeError(error) || error.code !== 'policy_invalid') throw error;
    if (problems.length === 0) throw error;
    const lines = error.details.lines ?? [error.message];
    problems.push(...lines.map((line) => `SLA_POLICY_FILE: ${line}`));
  }
  if (config === undefined || policy === undefined) throw configInvalid(problems, policyFile);
  return { config, policy };
}
