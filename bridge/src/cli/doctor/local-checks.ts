import type { BridgeConfig } from '../../config/env-config.js';
import { loadPolicyFile } from '../../config/policy-file.js';
import { formatInstant } from '../../domain/calendar/index.js';
import type { CompiledPolicy } from '../../domain/index.js';
import { isBridgeError } from '../../errors/bridge-error.js';
import { openStore, type Store } from '../../store/index.js';
import { type CheckResult, fail, listSome, pass, plural } from './check.js';

/** The checks that need nothing but this host: the configuration, the policy file and the store. */

export interface ConfigOutcome {
  result: CheckResult;
  config: BridgeConfig | undefined;
}

export const CONFIG_FIX =
  'set the variables in the environment or in .env (see "Configuration" in README.md); `sla-bridge doctor` lists every problem at once';

/** `loadConfig` failures become the config check's line; missing SuiteCRM settings fail it too. */
export function configCheck(load: () => BridgeConfig): ConfigOutcome {
  let config: BridgeConfig;
  try {
    config = load();
  } catch (error) {
    if (isBridgeError(error) && error.code === 'config_invalid') {
      return { result: fail('config', error.message, CONFIG_FIX), config: undefined };
    }
    throw error;
  }
  const fromFile = settingNames(config, '.env');
  const fromEnv = settingNames(config, 'environment');
  const sources = { environment: fromEnv, dotEnv: fromFile };
  const origin = `from the environment: ${fromEnv.length === 0 ? 'none' : fromEnv.join(', ')}; from .env: ${fromFile.length === 0 ? 'none' : fromFile.join(', ')}`;
  if (config.suitecrm === undefined) {
    return {
      result: fail(
        'config',
        `SuiteCRM settings missing: ${config.missingSuiteCrm.map((key) => `${key} is not set`).join('; ')} (${origin})`,
        CONFIG_FIX,
        { sources, missing: config.missingSuiteCrm },
      ),
      config,
    };
  }
  const grant = config.suitecrm.auth.grant === 'password' ? 'password grant' : 'client_credentials grant';
  return {
    result: pass(
      'config',
      `configuration valid: SuiteCRM ${safeUrl(config.suitecrm.baseUrl)} (${grant}) (${origin})`,
      { sources, suitecrmUrl: safeUrl(config.suitecrm.baseUrl), grant: config.suitecrm.auth.grant },
    ),
    config,
  };
}

/** Names only: the values of secrets never leave the process. */
function settingNames(config: BridgeConfig, source: 'environment' | '.env'): string[] {
  return Object.entries(config.sources)
    .filter(([, where]) => where === source)
    .map(([key]) => key)
    .sort();
}

/** A URL without any user name or password in it. */
export function safeUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
}

export interface PolicyOutcome {
  result: CheckResult;
  policy: CompiledPolicy | undefined;
}

export function policyCheck(config: BridgeConfig): PolicyOutcome {
  try {
    const { policy, source } = loadPolicyFile(config.policyFile);
    const plans = [...policy.plans.keys()];
    return {
      result: pass(
        'policy',
        `policy ${source} is valid (version ${policy.version}; plans ${plans.join(', ')})`,
        { source, version: policy.version, plans },
      ),
      policy,
    };
  } catch (error) {
    if (!isBridgeError(error) || error.code !== 'policy_invalid') throw error;
    const file = config.policyFile ?? 'the default policy';
    return {
      result: fail(
        'policy',
        error.message,
        `correct ${file}: \`sla-bridge policy check ${file}\` lists every mistake`,
      ),
      policy: undefined,
    };
  }
}

const STORE_FIX_UNREACHABLE =
  'check BRIDGE_STORE_URL (a SQLite file path, or mysql://user:password@host:3306/database) and that the database server is running and reachable';

/** Reachable, and migrated by exactly this bridge's migrations. */
export async function storeCheck(config: BridgeConfig): Promise<CheckResult> {
  let store: Store;
  try {
    store = await openStore(config.store.url);
  } catch (error) {
    if (!isBridgeError(error)) throw error;
    const missing = /run `sla-bridge migrate`/.test(error.message);
    return fail(
      'store',
      error.message,
      missing ? 'run `sla-bridge migrate` to create the store' : STORE_FIX_UNREACHABLE,
    );
  }
  try {
    const status = await store.schemaStatus();
    const details = { location: store.location, ...status };
    if (status.unknown.length > 0) {
      return fail(
        'store',
        `the store at ${store.location} was migrated by a newer bridge (unknown migrations: ${status.unknown.join(', ')})`,
        'upgrade this bridge to the version that migrated the store',
        details,
      );
    }
    if (status.applied.length === 0) {
      return fail(
        'store',
        `the store at ${store.location} has no schema yet`,
        'run `sla-bridge migrate`',
        details,
      );
    }
    if (status.pending.length > 0) {
      return fail(
        'store',
        `the store at ${store.location} needs ${plural(status.pending.length, 'migration')} (${listSome(status.pending)})`,
        'run `sla-bridge migrate`',
        details,
      );
    }
    const start = await store.read((readers) => readers.trackingStart.get());
    const tracking = start === null ? 'tracking start not set' : `tracking start ${start.date}`;
    return pass(
      'store',
      `store ${store.location} reachable, schema current (${plural(status.applied.length, 'migration')}), ${tracking}`,
      {
        ...details,
        trackingStart: start === null ? null : { date: start.date, at: formatInstant(start.at) },
      },
    );
  } catch (error) {
    if (!isBridgeError(error)) throw error;
    return fail('store', error.message, STORE_FIX_UNREACHABLE);
  } finally {
    await store.close();
  }
}
