import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { BridgeError, isBridgeError } from '../errors/bridge-error.js';
import { formatPath } from '../errors/zod-issues.js';
import { registerSecret } from '../logging/redact.js';
import { parseStoreUrl } from '../store/store-url.js';
import { ENV_KEYS, type EnvSettings, envSchema } from './env-config.schema.js';

/** The parsed configuration, handed to every module as an argument (nothing else reads process.env). */
export interface BridgeConfig {
  suitecrm: SuiteCrmSettings | undefined;
  store: { url: string };
  policyFile: string | undefined;
  logging: { level: EnvSettings['LOG_LEVEL']; format: EnvSettings['LOG_FORMAT'] };
  /** Freshness (docs/freshness.md): how often the daemon reads the change marker; 0 = off. */
  follow: { intervalMs: number };
  /** Where each setting came from, for `doctor` (never the values of secrets). */
  sources: Partial<Record<keyof EnvSettings, 'environment' | '.env'>>;
  /** SuiteCRM settings that are not set, so commands that need SuiteCRM can list them all. */
  missingSuiteCrm: string[];
}

export interface SuiteCrmSettings {
  baseUrl: string;
  apiPath: string | undefined;
  auth:
    | { grant: 'client_credentials'; clientId: string; clientSecret: string }
    | { grant: 'password'; clientId: string; clientSecret: string; username: string; password: string };
  caFile: string | undefined;
  timeoutMs: number;
  pageSize: number;
  concurrency: number;
  /** PATCHes a second at most (SUITECRM_WRITE_RATE); 0 for no limit. */
  writeRate: number;
}

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  /**
   * A dotenv file; the real environment wins over it. Default: `$BRIDGE_ENV_FILE` (must exist)
   * or `.env` in the working directory (optional). `null` reads no file.
   */
  envFile?: string | null;
  /**
   * The command talks to SuiteCRM: missing SuiteCRM settings, and a CA file that cannot be used,
   * are listed with the other problems (`doctor` checks those itself).
   */
  requireSuiteCrm?: boolean;
}

/**
 * Reads the environment and `.env` once, validates everything (values, the store URL) and reports every problem in one `config_invalid` error: the message on
 * one line, `details.problems` (also `heading`/`lines`, one per line for people) and
 * `details.policyFile`, so a caller can add the policy file's mistakes to the same list.
 */
export function loadConfig(options: LoadOptions = {}): BridgeConfig {
  const env = options.env ?? process.env;
  const explicit = options.envFile ?? env.BRIDGE_ENV_FILE;
  const fromFile = options.envFile === null ? {} : readEnvFile(explicit ?? '.env', explicit !== undefined);
  const merged: Record<string, string | undefined> = {};
  const sources: BridgeConfig['sources'] = {};
  for (const key of ENV_KEYS) {
    if (env[key] !== undefined) {
      merged[key] = env[key];
      sources[key] = 'environment';
    } else if (fromFile[key] !== undefined) {
      merged[key] = fromFile[key];
      sources[key] = '.env';
    }
  }
  for (const key of ['SUITECRM_CLIENT_SECRET', 'SUITECRM_PASSWORD'] as const) registerSecret(merged[key]);

  const result = envSchema.safeParse(merged);
  const problems: string[] = result.success
    ? []
    : result.error.issues.map((issue) => `${formatPath('', issue.path)}: ${issue.message}`);
  const given = (key: keyof EnvSettings) => (merged[key] ?? '').trim() !== '';
  if (given('SUITECRM_USERNAME') !== given('SUITECRM_PASSWORD')) {
    problems.push(
      'SUITECRM_USERNAME and SUITECRM_PASSWORD go together (password grant); set both or neither',
    );
  }
  const storeProblem = given('BRIDGE_STORE_URL') ? storeUrlProblem(merged.BRIDGE_STORE_URL as string) : null;
  if (storeProblem) problems.push(storeProblem);
  const caFile = options.requireSuiteCrm && given('SUITECRM_CA_FILE') ? merged.SUITECRM_CA_FILE : undefined;
  const caProblem = caFile === undefined ? null : caFileProblem(caFile.trim());
  if (caProblem) problems.push(caProblem);
  const missingSuiteCrm = (['SUITECRM_URL', 'SUITECRM_CLIENT_ID', 'SUITECRM_CLIENT_SECRET'] as const).filter(
    (key) => !given(key),
  );
  if (options.requireSuiteCrm && missingSuiteCrm.length > 0)
    problems.push(missingSuiteCrmText(missingSuiteCrm));
  if (!result.success || problems.length > 0) {
    throw configInvalid(problems, merged.SLA_POLICY_FILE?.trim() || undefined);
  }
  const settings = result.data;
  return {
    suitecrm: suiteCrmFrom(settings),
    store: { url: settings.BRIDGE_STORE_URL },
    policyFile: settings.SLA_POLICY_FILE,
    logging: { level: settings.LOG_LEVEL, format: settings.LOG_FORMAT },
    follow: { intervalMs: settings.BRIDGE_FOLLOW_INTERVAL_S * 1000 },
    sources,
    missingSuiteCrm,
  };
}

/** The error for a list of configuration problems (see `loadConfig`). */
export function configInvalid(problems: readonly string[], policyFile?: string): BridgeError {
  return new BridgeError('config_invalid', `invalid configuration: ${problems.join('; ')}`, {
    details: {
      problems: [...problems],
      heading: `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):`,
      lines: [...problems],
      ...(policyFile === undefined ? {} : { policyFile }),
    },
  });
}

function storeUrlProblem(url: string): string | null {
  try {
    parseStoreUrl(url);
    return null;
  } catch (error) {
    if (isBridgeError(error)) return error.message;
    throw error;
  }
}

/** TLS is always verified: a CA bundle that cannot be used must stop the start, not the first request. */
function caFileProblem(path: string): string | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return `SUITECRM_CA_FILE: cannot read ${path}: ${(error as Error).message}`;
  }
  return text.includes('-----BEGIN CERTIFICATE-----')
    ? null
    : `SUITECRM_CA_FILE: ${path} holds no PEM certificate (no "-----BEGIN CERTIFICATE-----" line)`;
}

function missingSuiteCrmText(missing: readonly string[]): string {
  return `this command talks to SuiteCRM and needs its settings: ${missing.map((key) => `${key} is not set`).join('; ')} (see "Configuration" in README.md)`;
}

function readEnvFile(path: string, explicit: boolean): Record<string, string> {
  if (!existsSync(path)) {
    if (explicit) throw new BridgeError('config_invalid', `the configuration file ${path} does not exist`);
    return {};
  }
  try {
    return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new BridgeError('config_invalid', `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/** SuiteCRM settings when any is given; `requireSuiteCrm` then lists whatever is missing. */
function suiteCrmFrom(settings: EnvSettings): SuiteCrmSettings | undefined {
  const { SUITECRM_URL: url, SUITECRM_CLIENT_ID: id, SUITECRM_CLIENT_SECRET: secret } = settings;
  if (!url || !id || !secret) return undefined;
  const common = { baseUrl: url, apiPath: settings.SUITECRM_API_PATH, caFile: settings.SUITECRM_CA_FILE };
  const tuning = {
    timeoutMs: settings.SUITECRM_TIMEOUT_MS,
    pageSize: settings.SUITECRM_PAGE_SIZE,
    concurrency: settings.SUITECRM_CONCURRENCY,
    writeRate: settings.SUITECRM_WRITE_RATE,
  };
  if (settings.SUITECRM_USERNAME && settings.SUITECRM_PASSWORD) {
    return {
      ...common,
      ...tuning,
      auth: {
        grant: 'password',
        clientId: id,
        clientSecret: secret,
        username: settings.SUITECRM_USERNAME,
        password: settings.SUITECRM_PASSWORD,
      },
    };
  }
  return { ...common, ...tuning, auth: { grant: 'client_credentials', clientId: id, clientSecret: secret } };
}

/**
 * For commands that talk to SuiteCRM: the SuiteCRM settings, or one error listing every
 * missing setting (never a silent fallback to the demo).
 */
export function requireSuiteCrm(config: BridgeConfig): SuiteCrmSettings {
  if (config.suitecrm) return config.suitecrm;
  throw new BridgeError('config_invalid', missingSuiteCrmText(config.missingSuiteCrm));
}
