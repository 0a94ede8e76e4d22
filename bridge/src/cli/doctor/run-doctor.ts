import { catalogueHash } from '../../catalogue/index.js';
import type { BridgeConfig } from '../../config/env-config.js';
import type { CompiledPolicy } from '../../domain/index.js';
import { isBridgeError } from '../../errors/bridge-error.js';
import { RETRY_POLICIES, type RetrySettings, type SuiteCrmClient } from '../../suitecrm/index.js';
import { VERSION } from '../version.js';
import { accountPlansCheck } from './account-plans-check.js';
import { aodCheck } from './aod-check.js';
import { CHECK_IDS, type CheckId, type CheckResult, fail, skip, usable } from './check.js';
import { clockCheck, connectionChecks, timeZoneCheck } from './connection-checks.js';
import { CONFIG_FIX, configCheck, policyCheck, storeCheck } from './local-checks.js';
import {
  fieldsCheck,
  type ModuleFieldDefs,
  packageCheck,
  planField,
  planListCheck,
  readFieldDefinitions,
} from './package-checks.js';
import { recordsCheck } from './records-check.js';

/**
 * Runs every check in order. A check whose prerequisite did not pass is reported as skipped
 * with the reason; a check that meets an unexpected SuiteCRM or store error fails with its
 * message. Nothing here prints: `doctor.command.ts` renders the results.
 */
export interface DoctorDeps {
  loadConfig: () => BridgeConfig;
  createClient: (config: BridgeConfig, retry: RetrySettings) => SuiteCrmClient;
  now: () => number;
}

export async function runDoctor(deps: DoctorDeps): Promise<CheckResult[]> {
  const results = new Map<CheckId, CheckResult>();
  const record = (result: CheckResult) => results.set(result.id, result);

  const { result: configResult, config } = configCheck(deps.loadConfig);
  record(configResult);
  let policy: CompiledPolicy | undefined;
  if (config === undefined) {
    for (const id of ['policy', 'store', 'records'] as const)
      record(skip(id, 'the configuration is invalid'));
  } else {
    const outcome = policyCheck(config);
    record(outcome.result);
    policy = outcome.policy;
    record(await guarded('store', () => storeCheck(config)));
    record(
      usable(results.get('store'))
        ? await guarded('records', () => recordsCheck(config))
        : skip('records', 'the store check did not pass'),
    );
  }

  const settings = config?.suitecrm;
  if (config === undefined || settings === undefined) {
    for (const id of REMOTE_CHECKS) record(skip(id, 'the SuiteCRM settings are missing or invalid'));
    return ordered(results);
  }
  let client: SuiteCrmClient;
  try {
    client = deps.createClient(config, RETRY_POLICIES.doctor);
  } catch (error) {
    // An unreadable CA file or a setting the client refuses: still the configuration's fault.
    if (!isBridgeError(error) || error.code !== 'config_invalid') throw error;
    record(fail('config', error.message, CONFIG_FIX));
    for (const id of REMOTE_CHECKS) record(skip(id, 'the SuiteCRM settings are invalid'));
    return ordered(results);
  }
  try {
    await remoteChecks(client, config, policy, deps, record);
  } finally {
    client.close();
  }
  return ordered(results);
}

/** The checks that need SuiteCRM: every one from `suitecrm` on. */
const REMOTE_CHECKS = CHECK_IDS.slice(CHECK_IDS.indexOf('suitecrm'));

async function remoteChecks(
  client: SuiteCrmClient,
  config: BridgeConfig,
  policy: CompiledPolicy | undefined,
  deps: DoctorDeps,
  record: (result: CheckResult) => void,
): Promise<void> {
  const settings = config.suitecrm;
  if (settings === undefined) return;
  const connection = await connectionChecks(client, settings);
  record(connection.suitecrm);
  if (connection.token) record(connection.token);
  const user = connection.user;
  if (user === undefined) {
    const reason = usable(connection.suitecrm) ? 'needs a working token' : 'SuiteCRM is not reachable';
    for (const id of REMOTE_CHECKS) if (!['suitecrm', 'token'].includes(id)) record(skip(id, reason));
    if (!connection.token) record(skip('token', reason));
    return;
  }
  record(await guarded('timezone', () => timeZoneCheck(client, user)));

  let defs: ModuleFieldDefs | undefined;
  try {
    defs = await readFieldDefinitions(client);
  } catch (error) {
    if (!isBridgeError(error)) throw error;
    for (const id of ['package', 'fields'] as const) {
      record(fail(id, `cannot read SuiteCRM's field definitions: ${error.message}`, 'see the message'));
    }
  }
  if (defs !== undefined) {
    record(packageCheck(defs, { version: VERSION, catalogueHash: catalogueHash() }));
    record(
      policy === undefined
        ? skip('plan-list', 'the policy is invalid')
        : planListCheck(
            defs,
            [...policy.plans.values()].map((plan) => plan.definition),
          ),
    );
    const fields = fieldsCheck(defs);
    record(fields);
    const plan = planField();
    const planFieldThere = plan !== undefined && defs[plan.module].fields?.[plan.name] !== undefined;
    if (policy === undefined) record(skip('account-plans', 'the policy is invalid'));
    else if (!planFieldThere) record(skip('account-plans', 'the plan field is missing (see fields)'));
    else record(await guarded('account-plans', () => accountPlansCheck(client, policy)));
  } else {
    record(skip('plan-list', "SuiteCRM's field definitions could not be read"));
    record(skip('account-plans', "SuiteCRM's field definitions could not be read"));
  }
  record(await guarded('clock', () => clockCheck(client, deps.now)));
  record(await guarded('aod', () => aodCheck(client, deps.now())));
}

/** A bridge error inside a check fails that check with its message instead of ending doctor. */
async function guarded(id: CheckId, check: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await check();
  } catch (error) {
    if (!isBridgeError(error)) throw error;
    return fail(id, error.message, 'see the message');
  }
}

function ordered(results: Map<CheckId, CheckResult>): CheckResult[] {
  return CHECK_IDS.flatMap((id) => {
    const result = results.get(id);
    return result === undefined ? [] : [result];
  });
}
