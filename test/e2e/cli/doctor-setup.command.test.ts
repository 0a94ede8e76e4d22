import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CC_SECRET,
  closedPort,
  describeNoSecretPrinted,
  doctorWorld,
  EIGHT,
  escapeRegExp,
  lineOf,
  pad,
  SKIPPED_AFTER_TOKEN,
  STORE_PASSWORD,
} from './doctor-world.js';

/**
 * `sla-bridge doctor` end to end when SuiteCRM, the store or the configuration is wrong: an
 * unreachable or misplaced API, SuiteCRM 8's API path, a store never migrated or unreachable, and
 * missing or invalid settings. Each checked by its exact line and the exit status.
 */
const world = doctorWorld();

describe('sla-bridge doctor when SuiteCRM, the store or the configuration is wrong', () => {
  it('SuiteCRM unreachable: the suitecrm check fails, every later one is skipped', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    const result = await world.doctor(world.envFor(url, { SUITECRM_API_PATH: '/Api' }));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'suitecrm')).toBe(
      `fail  ${pad('suitecrm')}  SuiteCRM is unreachable at ${url}: cannot reach SuiteCRM for POST /Api/access_token: ECONNREFUSED — fix: check SUITECRM_URL, that SuiteCRM is running and that this host can reach it (firewall, proxy; for a private CA, SUITECRM_CA_FILE)`,
    );
    for (const id of ['token', ...SKIPPED_AFTER_TOKEN]) {
      expect(lineOf(result, id)).toBe(`skip  ${pad(id)}  skipped: SuiteCRM is not reachable`);
    }
    expect(result.stdout).toContain('doctor: 4 passed, 0 warnings, 1 failed, 8 skipped\n');
  });

  it('a URL where no V8 API answers fails with the API path fix', async () => {
    const standIn = await world.standInWith({ apiBase: '/legacy/Api' });
    const result = await world.doctor(world.envFor(standIn, { SUITECRM_API_PATH: '/Api' }));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'suitecrm')).toMatch(
      new RegExp(
        `^fail  ${pad('suitecrm')}  .*HTTP 404.* — fix: check SUITECRM_API_PATH \\(/Api\\): /Api on SuiteCRM 7, /legacy/Api on SuiteCRM 8, or leave it unset to detect it; `,
      ),
    );
    const detected = await world.doctor(world.envFor(standIn));
    expect(detected.status).toBe(0);
    expect(lineOf(detected, 'suitecrm')).toBe(
      `pass  ${pad('suitecrm')}  SuiteCRM answered at ${standIn.url}, API path /legacy/Api (detected): ${EIGHT}`,
    );
  });

  it("SuiteCRM 8.8 (the stand-in's 8.x mode): every check passes, and it says SuiteCRM 8, version unknown", async () => {
    const standIn = await world.standInWith({ suitecrm: 8 });
    const result = await world.doctor(world.envFor(standIn), ['--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      counts: Record<string, number>;
      checks: Array<Record<string, unknown>>;
    };
    // The AOD check can only skip on the stand-in: it models no AOD index events (aod-check.ts).
    expect(report.counts).toEqual({ pass: 12, warn: 0, fail: 0, skip: 1 });
    expect(report.checks.find((check) => check.status === 'skip')?.id).toBe('aod');
    const suitecrm = report.checks.find((check) => check.id === 'suitecrm');
    expect(suitecrm?.summary).toBe(
      `SuiteCRM answered at ${standIn.url}, API path /legacy/Api (detected): ${EIGHT}`,
    );
    expect(suitecrm?.details).toMatchObject({
      apiPath: '/legacy/Api',
      suitecrmMajor: 8,
      suitecrmVersion: null,
    });
    // /Api set by hand on 8: the front controller's redirect, with the fix that names /legacy/Api.
    const configured = await world.doctor(world.envFor(standIn, { SUITECRM_API_PATH: '/Api' }));
    expect(configured.status).toBe(1);
    expect(lineOf(configured, 'suitecrm')).toMatch(
      new RegExp(
        `^fail  ${pad('suitecrm')}  SuiteCRM redirected .* — fix: SuiteCRM 8 serves the API under /legacy/Api and redirects /Api there: set SUITECRM_API_PATH=/legacy/Api, or leave it unset to detect it$`,
      ),
    );
  });

  it('a base URL under which neither /Api nor /legacy/Api answers fails with the base URL fix', async () => {
    const standIn = await world.standInWith({ apiBase: '/crm/Api' });
    const result = await world.doctor(world.envFor(standIn));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'suitecrm')).toBe(
      `fail  ${pad('suitecrm')}  no SuiteCRM V8 API found under ${standIn.url} (/Api → HTTP 404, /legacy/Api → HTTP 404): check the base URL, or set the API path explicitly — fix: set SUITECRM_URL to the address people open SuiteCRM at (without /Api), or set SUITECRM_API_PATH (/Api on SuiteCRM 7, /legacy/Api on SuiteCRM 8)`,
    );
    expect(lineOf(result, 'token')).toBe(`skip  ${pad('token')}  skipped: SuiteCRM is not reachable`);
  });

  it('a store that was never migrated fails the store check with "run sla-bridge migrate"', async () => {
    const standIn = await world.standInWith();
    const missing = join(world.dir, 'never', 'bridge.sqlite');
    const result = await world.doctor(world.envFor(standIn, { BRIDGE_STORE_URL: missing }));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'store')).toBe(
      `fail  ${pad('store')}  there is no store at sqlite:${missing}: run \`sla-bridge migrate\` to create it — fix: run \`sla-bridge migrate\` to create the store`,
    );
    expect(lineOf(result, 'clock').startsWith('pass')).toBe(true);
  });

  it('an unreachable MySQL store fails the store check and never shows its password', async () => {
    const port = await closedPort();
    const result = await world.doctor(
      world.envFor('http://127.0.0.1:1', {
        BRIDGE_STORE_URL: `mysql://bridge:${STORE_PASSWORD}@127.0.0.1:${port}/bridge`,
      }),
    );
    expect(result.status).toBe(1);
    expect(lineOf(result, 'store')).toMatch(
      new RegExp(
        `^fail  ${pad('store')}  .*mysql://bridge@127\\.0\\.0\\.1:${port}/bridge.* — fix: check BRIDGE_STORE_URL `,
      ),
    );
  });

  it('missing SuiteCRM settings: config fails (exit 2), the local checks still run, the rest are skipped', async () => {
    const result = await world.doctor({
      BRIDGE_STORE_URL: world.storeFile,
      SUITECRM_CLIENT_SECRET: CC_SECRET,
    });
    expect(result.status).toBe(2);
    expect(lineOf(result, 'config')).toBe(
      `fail  ${pad('config')}  SuiteCRM settings missing: SUITECRM_URL is not set; SUITECRM_CLIENT_ID is not set (from the environment: BRIDGE_STORE_URL, SUITECRM_CLIENT_SECRET; from .env: none) — fix: set the variables in the environment or in .env (see "Configuration" in README.md); \`sla-bridge doctor\` lists every problem at once`,
    );
    expect(lineOf(result, 'store').startsWith('pass')).toBe(true);
    expect(lineOf(result, 'token')).toBe(
      `skip  ${pad('token')}  skipped: the SuiteCRM settings are missing or invalid`,
    );
  });

  it('an invalid setting: config fails with every problem, exit 2, everything else skipped', async () => {
    const result = await world.doctor(
      world.envFor('http://127.0.0.1:1', { SUITECRM_PAGE_SIZE: '0', LOG_LEVEL: 'loud' }),
    );
    expect(result.status).toBe(2);
    expect(lineOf(result, 'config')).toBe(
      `fail  ${pad('config')}  invalid configuration: SUITECRM_PAGE_SIZE: must be at least 1; LOG_LEVEL: must be one of error, warn, info, debug — fix: set the variables in the environment or in .env (see "Configuration" in README.md); \`sla-bridge doctor\` lists every problem at once`,
    );
    expect(lineOf(result, 'store')).toBe(`skip  ${pad('store')}  skipped: the configuration is invalid`);
    expect(result.stdout).toContain('doctor: 0 passed, 0 warnings, 1 failed, 12 skipped\n');
  });

  it('an unreadable CA file is bad configuration (exit 2)', async () => {
    const result = await world.doctor(
      world.envFor('http://127.0.0.1:1', { SUITECRM_CA_FILE: join(world.dir, 'no-such-ca.pem') }),
    );
    expect(result.status).toBe(2);
    expect(lineOf(result, 'config')).toMatch(
      new RegExp(
        `^fail  ${pad('config')}  SUITECRM_CA_FILE: cannot read ${escapeRegExp(join(world.dir, 'no-such-ca.pem'))}: ENOENT`,
      ),
    );
    expect(lineOf(result, 'suitecrm')).toBe(
      `skip  ${pad('suitecrm')}  skipped: the SuiteCRM settings are invalid`,
    );
  });
});

describeNoSecretPrinted(world, 11);
