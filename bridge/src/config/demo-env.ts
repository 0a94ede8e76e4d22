import { BridgeError } from '../errors/bridge-error.js';
import type { LoggingOptions } from '../logging/logger.js';
import { ENV_KEYS, envSchema } from './env-config.schema.js';

/**
 * What `sla-bridge demo` takes from the environment: only LOG_LEVEL and LOG_FORMAT (level
 * `warn` unless set, so stdout stays a clean board and stderr quiet). The demo runs against its
 * own sandbox whatever else is set; `ignored` names the settings it leaves alone, so it can say so.
 */
export interface DemoEnvironment {
  logging: LoggingOptions;
  ignored: string[];
}

const given = (value: string | undefined) => value !== undefined && value.trim() !== '';

export function demoEnvironment(env: NodeJS.ProcessEnv = process.env): DemoEnvironment {
  const level = envSchema.shape.LOG_LEVEL.safeParse(given(env.LOG_LEVEL) ? env.LOG_LEVEL : 'warn');
  const format = envSchema.shape.LOG_FORMAT.safeParse(env.LOG_FORMAT);
  const problems = [
    ...(level.success ? [] : [`LOG_LEVEL: ${level.error.issues[0]?.message ?? 'invalid'}`]),
    ...(format.success ? [] : [`LOG_FORMAT: ${format.error.issues[0]?.message ?? 'invalid'}`]),
  ];
  if (!level.success || !format.success) {
    throw new BridgeError('config_invalid', `invalid configuration: ${problems.join('; ')}`);
  }
  return {
    logging: { level: level.data, format: format.data },
    ignored: ENV_KEYS.filter(
      (key) =>
        (key.startsWith('SUITECRM_') || key === 'BRIDGE_STORE_URL' || key === 'SLA_POLICY_FILE') &&
        given(env[key]),
    ),
  };
}
