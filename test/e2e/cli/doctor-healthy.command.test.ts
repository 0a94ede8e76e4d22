import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, catalogueHash, fieldsOf } from '../../../bridge/src/catalogue/index.js';
import { AOD_HOW_TO_CHECK } from '../../../bridge/src/cli/doctor/aod-check.js';
import { VERSION } from '../../../bridge/src/cli/version.js';
import type { StandIn } from '../../../bridge/src/standin/index.js';
import { ROOT } from '../../support/run-cli.js';
import {
  CC_ID,
  CC_SECRET,
  CLIENT_WITHOUT_USER,
  describeNoSecretPrinted,
  doctorWorld,
  escapeRegExp,
  hash12,
  lineOf,
  migrations,
  PW_CLIENT,
  PW_SECRET,
  pad,
  policyVersion,
  SEVEN,
  SKIPPED_AFTER_TOKEN,
  WRONG_PASSWORD,
  WRONG_SECRET,
} from './doctor-world.js';

/**
 * `sla-bridge doctor` end to end against a healthy SuiteCRM (the V8 stand-in in this process) and a
 * migrated SQLite store: every check passing, in text and JSON; then one credential, user setting,
 * clock, account or policy wrong at a time, each checked by its exact line and the exit status.
 */
const world = doctorWorld();

describe('sla-bridge doctor against a healthy SuiteCRM', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await world.standInWith();
  });

  it('passes every check, one line each, and exits 0', async () => {
    const result = await world.doctor(world.envFor(standIn));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        `pass  ${pad('config')}  configuration valid: SuiteCRM ${standIn.url} (client_credentials grant) (from the environment: BRIDGE_STORE_URL, SUITECRM_CLIENT_ID, SUITECRM_CLIENT_SECRET, SUITECRM_URL; from .env: none)`,
        `pass  ${pad('policy')}  policy schemas/default-policy.json is valid (version ${policyVersion}; plans essential, professional, enterprise)`,
        `pass  ${pad('store')}  store sqlite:${world.storeFile} reachable, schema current (${migrations}), tracking start ${world.trackingDate}`,
        `pass  ${pad('records')}  no record is marked "not computed"`,
        `pass  ${pad('suitecrm')}  SuiteCRM answered at ${standIn.url}, API path /Api (detected): ${SEVEN}`,
        `pass  ${pad('token')}  token obtained (client_credentials grant); the API user is admin (id 1)`,
        `pass  ${pad('timezone')}  the API user admin has time zone UTC`,
        `pass  ${pad('package')}  package ${VERSION} (catalogue ${hash12}) installed, as this bridge expects`,
        `pass  ${pad('plan-list')}  the plan dropdown has "", free, essential, professional, enterprise: free and the policy's plans`,
        `pass  ${pad('fields')}  all ${CATALOGUE.fields.length} package fields are present with the right types (Accounts ${fieldsOf('Accounts').length}, Cases ${fieldsOf('Cases').length}, SLA_TimeEntries ${fieldsOf('SLA_TimeEntries').length})`,
        `pass  ${pad('account-plans')}  4 accounts, every plan one of the policy's (no plan 1, essential 2, free 1)`,
        `pass  ${pad('clock')}  SuiteCRM's clock agrees with this host's (difference under 30 s)`,
        // The stand-in's seeded cases were saved long before its clock: nothing to look at.
        `skip  ${pad('aod')}  skipped: no case was saved in the last 7 days to look at; to check by hand: ${AOD_HOW_TO_CHECK}`,
        'doctor: 12 passed, 0 warnings, 0 failed, 1 skipped',
        '',
      ].join('\n'),
    );
  });

  it('--json prints the same checks as one documented document', async () => {
    const result = await world.doctor(world.envFor(standIn, { SUITECRM_API_PATH: '/Api' }), ['--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['bridgeVersion', 'exitStatus', 'ok', 'counts', 'checks']);
    expect(report).toMatchObject({
      bridgeVersion: VERSION,
      exitStatus: 0,
      ok: true,
      counts: { pass: 12, warn: 0, fail: 0, skip: 1 },
    });
    expect(report.checks.map((check: { id: string }) => check.id)).toEqual([
      'config',
      'policy',
      'store',
      'records',
      'suitecrm',
      'token',
      'timezone',
      'package',
      'plan-list',
      'fields',
      'account-plans',
      'clock',
      'aod',
    ]);
    for (const check of report.checks) {
      expect(Object.keys(check)).toEqual(['id', 'status', 'summary', 'fix', 'details']);
      expect(check.fix).toBeNull();
    }
    const byId = Object.fromEntries(report.checks.map((check: { id: string }) => [check.id, check]));
    expect(byId.suitecrm.details).toEqual({
      url: standIn.url,
      apiPath: '/Api',
      apiPathOrigin: 'configured',
      suitecrmMajor: 7,
      suitecrmVersion: null,
    });
    expect(byId.timezone.details).toEqual({ userId: '1', userName: 'admin', timeZone: 'UTC' });
    expect(byId.package.details).toMatchObject({
      expected: { version: VERSION, catalogueHash: catalogueHash() },
      found: [{ version: VERSION, catalogueHash: catalogueHash(), fields: CATALOGUE.fields.length }],
      unstamped: [],
    });
    expect(byId['plan-list'].details).toEqual({
      field: 'Accounts.sla_plan_c',
      installed: ['free', 'essential', 'professional', 'enterprise'],
      expected: ['free', 'essential', 'professional', 'enterprise'],
    });
    expect(byId['account-plans'].details).toEqual({
      accounts: 4,
      counts: { '': 1, essential: 2, free: 1 },
      unknown: [],
    });
    expect(Math.abs(byId.clock.details.skewMs)).toBeLessThan(30_000);
    expect(byId.config.details.sources).toEqual({
      environment: [
        'BRIDGE_STORE_URL',
        'SUITECRM_API_PATH',
        'SUITECRM_CLIENT_ID',
        'SUITECRM_CLIENT_SECRET',
        'SUITECRM_URL',
      ],
      dotEnv: [],
    });
  });

  it('names the settings that came from .env, never their values', async () => {
    const file = join(world.dir, 'doctor.env');
    writeFileSync(file, `SUITECRM_CLIENT_SECRET=${CC_SECRET}\nSUITECRM_CLIENT_ID=${CC_ID}\n`);
    const env = world.envFor(standIn, { BRIDGE_ENV_FILE: file });
    delete env.SUITECRM_CLIENT_SECRET;
    delete env.SUITECRM_CLIENT_ID;
    const result = await world.doctor(env);
    expect(result.status).toBe(0);
    expect(lineOf(result, 'config')).toBe(
      `pass  ${pad('config')}  configuration valid: SuiteCRM ${standIn.url} (client_credentials grant) (from the environment: BRIDGE_STORE_URL, SUITECRM_URL; from .env: SUITECRM_CLIENT_ID, SUITECRM_CLIENT_SECRET)`,
    );
  });

  it('a wrong client secret fails the token check with the OAuth2 clients fix; later checks are skipped', async () => {
    const result = await world.doctor(world.envFor(standIn, { SUITECRM_CLIENT_SECRET: WRONG_SECRET }));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'suitecrm')).toBe(
      `pass  ${pad('suitecrm')}  SuiteCRM answered at ${standIn.url}, API path /Api (detected): ${SEVEN}`,
    );
    expect(lineOf(result, 'token')).toBe(
      `fail  ${pad('token')}  SuiteCRM refused the credentials (HTTP 401, invalid_client) — fix: in SuiteCRM, Admin → OAuth2 Clients and Tokens: check that SUITECRM_CLIENT_ID is the client's id and SUITECRM_CLIENT_SECRET its secret (a secret can only be re-entered, not read back), that the client's grant type is "Client Credentials" and that it has an assigned user ("Assigned to")`,
    );
    for (const id of SKIPPED_AFTER_TOKEN) {
      expect(lineOf(result, id)).toBe(`skip  ${pad(id)}  skipped: needs a working token`);
    }
    expect(result.stdout).toContain('doctor: 5 passed, 0 warnings, 1 failed, 7 skipped\n');
  });

  it('a wrong password (which SuiteCRM echoes in its answer) fails the token check without printing it', async () => {
    const result = await world.doctor(
      world.envFor(standIn, {
        SUITECRM_CLIENT_ID: PW_CLIENT,
        SUITECRM_CLIENT_SECRET: PW_SECRET,
        SUITECRM_USERNAME: 'admin',
        SUITECRM_PASSWORD: WRONG_PASSWORD,
      }),
    );
    expect(result.status).toBe(1);
    expect(lineOf(result, 'token')).toBe(
      `fail  ${pad('token')}  SuiteCRM refused the credentials (HTTP 500: a wrong password, an unknown user or an unknown client id) — fix: in SuiteCRM, Admin → OAuth2 Clients and Tokens: check that SUITECRM_CLIENT_ID is the client's id and SUITECRM_CLIENT_SECRET its secret (a secret can only be re-entered, not read back), that the client's grant type is "Password" and that SUITECRM_USERNAME / SUITECRM_PASSWORD are a SuiteCRM user's`,
    );
  });

  it('the password grant with the right password passes', async () => {
    const result = await world.doctor(
      world.envFor(standIn, {
        SUITECRM_CLIENT_ID: PW_CLIENT,
        SUITECRM_CLIENT_SECRET: PW_SECRET,
        SUITECRM_USERNAME: 'admin',
        SUITECRM_PASSWORD: 'Admin123!lab',
      }),
    );
    expect(result.status, result.stdout).toBe(0);
    expect(lineOf(result, 'token')).toBe(
      `pass  ${pad('token')}  token obtained (password grant); the API user is admin (id 1)`,
    );
  });

  it('a client without an assigned user fails the token check and says where to assign one', async () => {
    const result = await world.doctor(
      world.envFor(standIn, {
        SUITECRM_CLIENT_ID: CLIENT_WITHOUT_USER.id,
        SUITECRM_CLIENT_SECRET: CLIENT_WITHOUT_USER.secret,
      }),
    );
    expect(result.status).toBe(1);
    expect(lineOf(result, 'token')).toBe(
      `fail  ${pad('token')}  SuiteCRM issued a token, but its OAuth2 client has no assigned user, so every call fails — fix: in SuiteCRM, Admin → OAuth2 Clients and Tokens: open the client and set "Assigned to" to the bridge's API user (time zone UTC)`,
    );
  });

  it('an API user in America/New_York fails the time zone check (fixtures item 18)', async () => {
    standIn.control.setUserTimezone('1', 'America/New_York');
    try {
      const result = await world.doctor(world.envFor(standIn));
      expect(result.status).toBe(1);
      expect(lineOf(result, 'timezone')).toBe(
        `fail  ${pad('timezone')}  the API user admin has time zone America/New_York, not UTC: SuiteCRM would return instants in the repeated autumn hour one hour early — fix: in SuiteCRM, Admin → User Management → admin → Advanced → Time Zone: UTC (or assign the OAuth2 client to a user whose time zone is UTC)`,
      );
      expect(result.stdout).toContain('doctor: 11 passed, 0 warnings, 1 failed, 1 skipped\n');
    } finally {
      standIn.control.setUserTimezone('1', 'UTC');
    }
  });

  it("warns when SuiteCRM's clock is 2 minutes ahead, fails when it is 10 minutes behind", async () => {
    const fix =
      "synchronise both hosts' clocks with NTP (e.g. `timedatectl set-ntp true`): SuiteCRM stamps edits with its clock, the bridge computes deadlines and statuses with this one";
    try {
      // SuiteCRM's clock runs in step with this host's, then is set off by the offset.
      standIn.control.setNow(Date.now());
      standIn.control.setClockMode('running');
      standIn.control.setServerClockOffset(120_000);
      const ahead = await world.doctor(world.envFor(standIn));
      expect(ahead.status).toBe(0);
      expect(lineOf(ahead, 'clock')).toMatch(
        new RegExp(
          `^warn  ${pad('clock')}  SuiteCRM's clock is 1(19|20|21) s ahead of this host's \\(±[0-9] s\\), more than 30 s — fix: ${escapeRegExp(fix)}$`,
        ),
      );
      standIn.control.setServerClockOffset(-600_000);
      const behind = await world.doctor(world.envFor(standIn));
      expect(behind.status).toBe(1);
      expect(lineOf(behind, 'clock')).toMatch(
        new RegExp(
          `^fail  ${pad('clock')}  SuiteCRM's clock is (599|600|601) s behind this host's \\(±[0-9] s\\), more than 5 min — fix: ${escapeRegExp(fix)}$`,
        ),
      );
    } finally {
      standIn.control.setServerClockOffset(0);
      standIn.control.setClockMode('frozen');
    }
  });

  it('an account on a plan the policy does not define fails the account-plans check', async () => {
    const gold = standIn.control.staffCreate('Accounts', { name: 'Gold Ltd', sla_plan_c: 'gold' });
    try {
      const result = await world.doctor(world.envFor(standIn));
      expect(result.status).toBe(1);
      expect(lineOf(result, 'account-plans')).toBe(
        `fail  ${pad('account-plans')}  1 account has a plan the policy does not define: gold (1) — fix: give those accounts one of the policy's plans (free, essential, professional, enterprise) or none, or add the plans to the policy (SLA_POLICY_FILE) and to the package's plan dropdown; until then they are "not computed"`,
      );
      const json = JSON.parse((await world.doctor(world.envFor(standIn), ['--json'])).stdout);
      const check = json.checks.find((item: { id: string }) => item.id === 'account-plans');
      expect(check.details.unknown).toEqual([{ plan: 'gold', accounts: 1, examples: [gold.id] }]);
    } finally {
      standIn.control.staffEdit('Accounts', String(gold.id), { sla_plan_c: 'free' });
    }
  });

  it('a policy whose plans differ from the package dropdown fails the plan-list check', async () => {
    const policy = JSON.parse(readFileSync(join(ROOT, 'schemas', 'default-policy.json'), 'utf8'));
    policy.$schema = undefined;
    policy.plans = [{ ...policy.plans[0], id: 'gold', label: 'Gold' }, policy.plans[1]];
    const file = join(world.dir, 'gold-policy.json');
    writeFileSync(file, JSON.stringify(policy));
    const result = await world.doctor(world.envFor(standIn, { SLA_POLICY_FILE: file }));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'plan-list')).toBe(
      `fail  ${pad('plan-list')}  the plan dropdown the package installed has "", free, essential, professional, enterprise; the policy needs "", free, gold, professional (missing from the dropdown: gold; not plans of the policy: essential, enterprise) — fix: make the plan dropdown and the policy agree: install a package built with this policy's plans, or set SLA_POLICY_FILE to a policy whose plan ids are the dropdown's`,
    );
    expect(lineOf(result, 'account-plans')).toMatch(
      new RegExp(
        `^fail  ${pad('account-plans')}  2 accounts have a plan the policy does not define: essential \\(2\\) — fix: `,
      ),
    );
  });

  it('an invalid policy file is bad configuration: exit 2, and the checks that need it are skipped', async () => {
    const file = join(world.dir, 'broken-policy.json');
    writeFileSync(file, '{"plans": []}');
    const result = await world.doctor(world.envFor(standIn, { SLA_POLICY_FILE: file }));
    expect(result.status).toBe(2);
    expect(lineOf(result, 'policy')).toMatch(
      new RegExp(
        `^fail  ${pad('policy')}  .*${escapeRegExp(file)}.* — fix: correct ${escapeRegExp(file)}: \`sla-bridge policy check ${escapeRegExp(file)}\` lists every mistake$`,
      ),
    );
    expect(lineOf(result, 'plan-list')).toBe(`skip  ${pad('plan-list')}  skipped: the policy is invalid`);
    expect(lineOf(result, 'account-plans')).toBe(
      `skip  ${pad('account-plans')}  skipped: the policy is invalid`,
    );
    expect(lineOf(result, 'fields').startsWith('pass')).toBe(true);
  });
});

describeNoSecretPrinted(world, 14);
