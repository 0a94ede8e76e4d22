import { z } from 'zod';

/**
 * Every setting the bridge reads from its environment (or an optional `.env` file), in one
 * zod schema. SuiteCRM settings are optional here: only commands that talk to SuiteCRM demand
 * them (see `requireSuiteCrm`), so `calendar`, `policy`, `migrate` and `demo` run without them.
 */
const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalText = z.preprocess(blankToUndefined, z.string().optional());
const intSetting = (fallback: number, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

export const envSchema = z.object({
  SUITECRM_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://crm.example.com' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  SUITECRM_API_PATH: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\/[A-Za-z0-9/_-]*[A-Za-z0-9]$/, 'must be a path such as /Api or /legacy/Api')
      .optional(),
  ),
  SUITECRM_CLIENT_ID: optionalText,
  SUITECRM_CLIENT_SECRET: optionalText,
  SUITECRM_USERNAME: optionalText,
  SUITECRM_PASSWORD: optionalText,
  SUITECRM_CA_FILE: optionalText,
  SUITECRM_TIMEOUT_MS: intSetting(30_000, 1_000, 600_000),
  SUITECRM_PAGE_SIZE: intSetting(100, 1, 1_000),
  // About SuiteCRM's core count: PHP is CPU-bound, so requests beyond its cores only queue
  // (and staff's requests queue behind them). See docs/cost.md.
  SUITECRM_CONCURRENCY: intSetting(2, 1, 32),
  // Writes (PATCHes) a second at most, 0 for no limit: spreads a first sync's writes so
  // SuiteCRM keeps cores free for staff.
  SUITECRM_WRITE_RATE: intSetting(0, 0, 1_000),
  BRIDGE_STORE_URL: z.preprocess(blankToUndefined, z.string().default('./data/bridge.sqlite')),
  SLA_POLICY_FILE: optionalText,
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z
      .enum(['error', 'warn', 'info', 'debug'], { error: 'must be one of error, warn, info, debug' })
      .default('info'),
  ),
  LOG_FORMAT: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toLowerCase() || undefined : value),
    z.enum(['json', 'pretty', 'auto'], { error: 'must be one of json, pretty, auto' }).default('auto'),
  ),
  // --- Freshness (docs/freshness.md) -------------------------------------------------------
  // Seconds between reads of the package's change marker by `sla-bridge run`; 0 turns following
  // off (minute ticks read every module, as before). 8 s keeps an idle site under 1% of one
  // SuiteCRM core at ~75 ms a request and a save's SLA fields in SuiteCRM within 10 s at p95.
  BRIDGE_FOLLOW_INTERVAL_S: intSetting(8, 0, 60),
  // --- end Freshness -------------------------------------------------------------------------
});

export type EnvSettings = z.infer<typeof envSchema>;
export const ENV_KEYS = Object.keys(envSchema.shape) as Array<keyof EnvSettings>;
