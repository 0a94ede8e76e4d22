import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AOD_HOW_TO_CHECK } from '../../../bridge/src/cli/doctor/aod-check.js';
import { VERSION } from '../../../bridge/src/cli/version.js';
import { CATALOGUE, catalogueHash, fieldsOf } from '../../../bridge/src/contract/index.js';
import { defaultPolicy } from '../../../bridge/src/domain/index.js';
import {
  DEFAULT_CLIENTS,
  type StandIn,
  type StandInOptions,
  startStandIn,
} from '../../../bridge/src/standin/index.js';
import { MIGRATIONS, openStore } from '../../../bridge/src/store/index.js';
import { type CliResult, ROOT, runCli } from '../../support/run-cli.js';

/**
 * `sla-bridge doctor` end to end: the built CLI against the V8 stand-in (in this process) and a
 * migrated SQLite store; then one thing broken at a time, each checked by its exact line and
 * the exit status. Every output is kept for the secret-leak check at the end.
 */
const CC_ID = '3f1c2a8e-7b64-4c1d-9a55-cc0000000001';
const CC_SECRET = 'lab-cc-secret-0001';
const PW_CLIENT = '3f1c2a8e-7b64-4c1d-9a55-cc0000000002';
const PW_SECRET = 'lab-pw-secret-0001';
const WRONG_SECRET = 'Wr0ng-Secret-4f9d1c';
const WRONG_PASSWORD = 'Wr0ng-Passw0rd-77ab';
const STORE_PASSWORD = 'St0re-Passw0rd-19cd';
const CLIENT_WITHOUT_USER = { id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000009', secret: 'no-user-secret-0009' };

const SECRETS = [
  CC_SECRET,
  PW_SECRET,
  WRONG_SECRET,
  WRONG_PASSWORD,
  STORE_PASSWORD,
  CLIENT_WITHOUT_USER.secret,
];
const outputs: CliResult[] = [];

const dir = mkdtempSync(join(tmpdir(), 'bridge-doctor-'));
const storeFile = join(dir, 'store', 'bridge.sqlite');
let trackingDate = '';
const standIns: StandIn[] = [];

beforeAll(async () => {
  const store = await openStore(storeFile, { create: true });
  try {
    await store.migrate();
    const { trackingStart } = await store.writeUnfenced((repositories) =>
      repositories.trackingStart.initialise(Date.now(), 'migrate'),
    );
    trackingDate = trackingStart.date;
  } finally {
    await store.close();
  }
});

afterAll(async () => {
  for (const standIn of standIns) await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A stand-in with the package and four accounts whose plans we know. */
async function standInWith(options: StandInOptions = {}): Promise<StandIn> {
  const standIn = await startStandIn({
    scale: false,
    clients: [
      ...DEFAULT_CLIENTS,
      { ...CLIENT_WITHOUT_USER, grantType: 'client_credentials', assignedUserId: null },
    ],
    ...options,
  });
  standIns.push(standIn);
  if (options.withPackage !== false) {
    for (const plan of ['essential', 'essential', 'free', '']) {
      standIn.control.staffCreate('Accounts', { name: `Account on ${plan || 'no plan'}`, sla_plan_c: plan });
    }
  }
  return standIn;
}

function envFor(standIn: StandIn | string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SUITECRM_URL: typeof standIn === 'string' ? standIn : standIn.url,
    SUITECRM_CLIENT_ID: CC_ID,
    SUITECRM_CLIENT_SECRET: CC_SECRET,
    BRIDGE_STORE_URL: storeFile,
    ...extra,
  };
}

async function doctor(env: Record<string, string>, args: string[] = []): Promise<CliResult> {
  const result = await runCli(['doctor', ...args], { env });
  outputs.push(result);
  return result;
}

/** The line of one check (`pass  token          ...`). */
function lineOf(result: CliResult, id: string): string {
  const line = result.stdout.split('\n').find((candidate) => candidate.slice(6).split(' ')[0] === id);
  if (line === undefined) throw new Error(`no ${id} line in:\n${result.stdout}\n${result.stderr}`);
  return line;
}

const pad = (id: string) => id.padEnd(13);
const SEVEN = 'SuiteCRM 7 (the API answers at /Api), version unknown: the V8 API does not expose it';
const EIGHT = 'SuiteCRM 8 (the API answers at /legacy/Api), version unknown: the V8 API does not expose it';
const hash12 = catalogueHash().slice(0, 12);
const policyVersion = defaultPolicy().version;
const migrations = `${MIGRATIONS.length} migration${MIGRATIONS.length === 1 ? '' : 's'}`;
const FIELDS_FIX =
  "install the package zip that ships with this bridge with Admin → Module Loader, then run Admin → Repair → Quick Repair and Rebuild (do not change or delete the package's fields in Studio)";
const SKIPPED_AFTER_TOKEN = ['timezone', 'package', 'plan-list', 'fields', 'account-plans', 'clock', 'aod'];

describe('sla-bridge doctor against a healthy SuiteCRM', () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await standInWith();
  });

  it('passes every check, one line each, and exits 0', async () => {
    const result = await doctor(envFor(standIn));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        `pass  ${pad('config')}  configuration valid: SuiteCRM ${standIn.url} (client_credentials grant) (from the environment: BRIDGE_STORE_URL, SUITECRM_CLIENT_ID, SUITECRM_CLIENT_SECRET, SUITECRM_URL; from .env: none)`,
        `pass  ${pad('policy')}  policy schemas/default-policy.json is valid (version ${policyVersion}; plans essential, professional, enterprise)`,
        `pass  ${pad('store')}  store sqlite:${storeFile} reachable, schema current (${migrations}), tracking start ${trackingDate}`,
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
    const result = await doctor(envFor(standIn, { SUITECRM_API_PATH: '/Api' }), ['--json']);
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
    const file = join(dir, 'doctor.env');
    writeFileSync(file, `SUITECRM_CLIENT_SECRET=${CC_SECRET}\nSUITECRM_CLIENT_ID=${CC_ID}\n`);
    const env = envFor(standIn, { BRIDGE_ENV_FILE: file });
    delete env.SUITECRM_CLIENT_SECRET;
    delete env.SUITECRM_CLIENT_ID;
    const result = await doctor(env);
    expect(result.status).toBe(0);
    expect(lineOf(result, 'config')).toBe(
      `pass  ${pad('config')}  configuration valid: SuiteCRM ${standIn.url} (client_credentials grant) (from the environment: BRIDGE_STORE_URL, SUITECRM_URL; from .env: SUITECRM_CLIENT_ID, SUITECRM_CLIENT_SECRET)`,
    );
  });

  it('a wrong client secret fails the token check with the OAuth2 clients fix; later checks are skipped', async () => {
    const result = await doctor(envFor(standIn, { SUITECRM_CLIENT_SECRET: WRONG_SECRET }));
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
    const result = await doctor(
      envFor(standIn, {
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
    const result = await doctor(
      envFor(standIn, {
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
    const result = await doctor(
      envFor(standIn, {
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
      const result = await doctor(envFor(standIn));
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
      const ahead = await doctor(envFor(standIn));
      expect(ahead.status).toBe(0);
      expect(lineOf(ahead, 'clock')).toMatch(
        new RegExp(
          `^warn  ${pad('clock')}  SuiteCRM's clock is 1(19|20|21) s ahead of this host's \\(±[0-9] s\\), more than 30 s — fix: ${escapeRegExp(fix)}$`,
        ),
      );
      standIn.control.setServerClockOffset(-600_000);
      const behind = await doctor(envFor(standIn));
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
      const result = await doctor(envFor(standIn));
      expect(result.status).toBe(1);
      expect(lineOf(result, 'account-plans')).toBe(
        `fail  ${pad('account-plans')}  1 account has a plan the policy does not define: gold (1) — fix: give those accounts one of the policy's plans (free, essential, professional, enterprise) or none, or add the plans to the policy (SLA_POLICY_FILE) and to the package's plan dropdown; until then they are "not computed"`,
      );
      const json = JSON.parse((await doctor(envFor(standIn), ['--json'])).stdout);
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
    const file = join(dir, 'gold-policy.json');
    writeFileSync(file, JSON.stringify(policy));
    const result = await doctor(envFor(standIn, { SLA_POLICY_FILE: file }));
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
    const file = join(dir, 'broken-policy.json');
    writeFileSync(file, '{"plans": []}');
    const result = await doctor(envFor(standIn, { SLA_POLICY_FILE: file }));
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

describe('sla-bridge doctor when the package is missing or does not match', () => {
  it('without the package: the package and fields checks fail, the plan checks are skipped', async () => {
    const standIn = await standInWith({ withPackage: false });
    const result = await doctor(envFor(standIn));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'package')).toBe(
      `fail  ${pad('package')}  the SLA package is not installed: none of its ${CATALOGUE.fields.length} fields is in SuiteCRM — fix: install the package zip that ships with this bridge with Admin → Module Loader, then run Admin → Repair → Quick Repair and Rebuild`,
    );
    const missing = [...fieldsOf('Accounts'), ...fieldsOf('Cases')].map(
      (field) => `${field.module}.${field.name}`,
    );
    expect(missing).toHaveLength(47);
    expect(lineOf(result, 'fields')).toBe(
      `fail  ${pad('fields')}  module SLA_TimeEntries (8 fields) not visible to the API user; 47 fields missing: ${missing.slice(0, 5).join(', ')} and 42 more — fix: ${FIELDS_FIX}; if the package is installed, give the API user access to those modules (Admin → Role Management)`,
    );
    expect(lineOf(result, 'plan-list')).toBe(
      `skip  ${pad('plan-list')}  skipped: the plan field Accounts.sla_plan_c is missing (see fields)`,
    );
    expect(lineOf(result, 'account-plans')).toBe(
      `skip  ${pad('account-plans')}  skipped: the plan field is missing (see fields)`,
    );
  });

  it('one field deleted in Studio, then re-added with another type', async () => {
    const standIn = await standInWith();
    standIn.control.removeCustomField('Cases', 'sla_severity_c');
    const missing = await doctor(envFor(standIn));
    expect(missing.status).toBe(1);
    expect(lineOf(missing, 'fields')).toBe(
      `fail  ${pad('fields')}  1 field missing: Cases.sla_severity_c — fix: ${FIELDS_FIX}`,
    );
    expect(lineOf(missing, 'package').startsWith('pass')).toBe(true);

    standIn.control.addCustomField('Cases', { name: 'sla_severity_c', type: 'varchar', len: 10 });
    const retyped = await doctor(envFor(standIn));
    expect(retyped.status).toBe(1);
    expect(lineOf(retyped, 'fields')).toBe(
      `fail  ${pad('fields')}  1 field of the wrong type: Cases.sla_severity_c is varchar, expected enum — fix: ${FIELDS_FIX}`,
    );
    expect(lineOf(retyped, 'package')).toBe(
      `warn  ${pad('package')}  package ${VERSION} (catalogue ${hash12}) installed, but 1 field lost the package stamp (Cases.sla_severity_c) — fix: these fields were edited in Studio: reinstall the package to restore them, and change package fields only through the package`,
    );
  });

  it('an older package version fails the package check', async () => {
    const standIn = await standInWith({ packageStamp: { version: '0.9.0' } });
    const result = await doctor(envFor(standIn));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'package')).toBe(
      `fail  ${pad('package')}  SuiteCRM has package 0.9.0 (catalogue ${hash12}); this bridge (${VERSION}) expects ${VERSION} (catalogue ${hash12}) — fix: install the package zip that ships with this bridge with Admin → Module Loader, then run Admin → Repair → Quick Repair and Rebuild, or run the bridge version that matches the installed package`,
    );
  });

  it('a package built from another catalogue fails the package check', async () => {
    const stale = 'ab'.repeat(32);
    const standIn = await standInWith({ packageStamp: { catalogueHash: stale } });
    const result = await doctor(envFor(standIn));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'package')).toBe(
      `fail  ${pad('package')}  SuiteCRM has package ${VERSION} (catalogue abababababab), built from another field catalogue than this bridge's; this bridge (${VERSION}) expects ${VERSION} (catalogue ${hash12}) — fix: install the package zip that ships with this bridge with Admin → Module Loader, then run Admin → Repair → Quick Repair and Rebuild, or run the bridge version that matches the installed package`,
    );
  });
});

describe('sla-bridge doctor and records the bridge could not compute', () => {
  it('warns with the count, the commonest reasons and where to see each record; exit 0', async () => {
    const standIn = await standInWith();
    const file = join(dir, 'problems', 'bridge.sqlite');
    const store = await openStore(file, { create: true });
    try {
      await store.migrate();
      await store.writeUnfenced(async (repositories) => {
        await repositories.trackingStart.initialise(Date.now(), 'migrate');
        await repositories.problems.report([
          { module: 'Cases', recordId: 'c-1', reason: 'not computed: Severity 7 is not 1-4' },
          { module: 'Cases', recordId: 'c-2', reason: 'not computed: Severity 7 is not 1-4' },
          { module: 'Accounts', recordId: 'a-1', reason: 'not computed: plan gold is not a policy plan' },
        ]);
      });
    } finally {
      await store.close();
    }
    const result = await doctor(envFor(standIn, { BRIDGE_STORE_URL: file }));
    expect(result.status, result.stdout).toBe(0);
    expect(lineOf(result, 'records')).toBe(
      `warn  ${pad('records')}  3 records marked "not computed" (1 Accounts, 2 Cases): 2 x "not computed: Severity 7 is not 1-4", 1 x "not computed: plan gold is not a policy plan" — fix: correct those records in SuiteCRM (\`sla-bridge status --all-problems\` lists each one with its reason); the next pass computes them and clears the problem`,
    );
    expect(result.stdout).toContain('doctor: 11 passed, 1 warning, 0 failed, 1 skipped\n');
  });
});

describe('sla-bridge doctor when SuiteCRM, the store or the configuration is wrong', () => {
  it('SuiteCRM unreachable: the suitecrm check fails, every later one is skipped', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    const result = await doctor(envFor(url, { SUITECRM_API_PATH: '/Api' }));
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
    const standIn = await standInWith({ apiBase: '/legacy/Api' });
    const result = await doctor(envFor(standIn, { SUITECRM_API_PATH: '/Api' }));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'suitecrm')).toMatch(
      new RegExp(
        `^fail  ${pad('suitecrm')}  .*HTTP 404.* — fix: check SUITECRM_API_PATH \\(/Api\\): /Api on SuiteCRM 7, /legacy/Api on SuiteCRM 8, or leave it unset to detect it; `,
      ),
    );
    const detected = await doctor(envFor(standIn));
    expect(detected.status).toBe(0);
    expect(lineOf(detected, 'suitecrm')).toBe(
      `pass  ${pad('suitecrm')}  SuiteCRM answered at ${standIn.url}, API path /legacy/Api (detected): ${EIGHT}`,
    );
  });

  it("SuiteCRM 8.8 (the stand-in's 8.x mode): every check passes, and it says SuiteCRM 8, version unknown", async () => {
    const standIn = await standInWith({ suitecrm: 8 });
    const result = await doctor(envFor(standIn), ['--json']);
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
    const configured = await doctor(envFor(standIn, { SUITECRM_API_PATH: '/Api' }));
    expect(configured.status).toBe(1);
    expect(lineOf(configured, 'suitecrm')).toMatch(
      new RegExp(
        `^fail  ${pad('suitecrm')}  SuiteCRM redirected .* — fix: SuiteCRM 8 serves the API under /legacy/Api and redirects /Api there: set SUITECRM_API_PATH=/legacy/Api, or leave it unset to detect it$`,
      ),
    );
  });

  it('a base URL under which neither /Api nor /legacy/Api answers fails with the base URL fix', async () => {
    const standIn = await standInWith({ apiBase: '/crm/Api' });
    const result = await doctor(envFor(standIn));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'suitecrm')).toBe(
      `fail  ${pad('suitecrm')}  no SuiteCRM V8 API found under ${standIn.url} (/Api → HTTP 404, /legacy/Api → HTTP 404): check the base URL, or set the API path explicitly — fix: set SUITECRM_URL to the address people open SuiteCRM at (without /Api), or set SUITECRM_API_PATH (/Api on SuiteCRM 7, /legacy/Api on SuiteCRM 8)`,
    );
    expect(lineOf(result, 'token')).toBe(`skip  ${pad('token')}  skipped: SuiteCRM is not reachable`);
  });

  it('a store that was never migrated fails the store check with "run sla-bridge migrate"', async () => {
    const standIn = await standInWith();
    const missing = join(dir, 'never', 'bridge.sqlite');
    const result = await doctor(envFor(standIn, { BRIDGE_STORE_URL: missing }));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'store')).toBe(
      `fail  ${pad('store')}  there is no store at sqlite:${missing}: run \`sla-bridge migrate\` to create it — fix: run \`sla-bridge migrate\` to create the store`,
    );
    expect(lineOf(result, 'clock').startsWith('pass')).toBe(true);
  });

  it('an unreachable MySQL store fails the store check and never shows its password', async () => {
    const port = await closedPort();
    const result = await doctor(
      envFor('http://127.0.0.1:1', {
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
    const result = await doctor({ BRIDGE_STORE_URL: storeFile, SUITECRM_CLIENT_SECRET: CC_SECRET });
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
    const result = await doctor(envFor('http://127.0.0.1:1', { SUITECRM_PAGE_SIZE: '0', LOG_LEVEL: 'loud' }));
    expect(result.status).toBe(2);
    expect(lineOf(result, 'config')).toBe(
      `fail  ${pad('config')}  invalid configuration: SUITECRM_PAGE_SIZE: must be at least 1; LOG_LEVEL: must be one of error, warn, info, debug — fix: set the variables in the environment or in .env (see "Configuration" in README.md); \`sla-bridge doctor\` lists every problem at once`,
    );
    expect(lineOf(result, 'store')).toBe(`skip  ${pad('store')}  skipped: the configuration is invalid`);
    expect(result.stdout).toContain('doctor: 0 passed, 0 warnings, 1 failed, 12 skipped\n');
  });

  it('an unreadable CA file is bad configuration (exit 2)', async () => {
    const result = await doctor(
      envFor('http://127.0.0.1:1', { SUITECRM_CA_FILE: join(dir, 'no-such-ca.pem') }),
    );
    expect(result.status).toBe(2);
    expect(lineOf(result, 'config')).toMatch(
      new RegExp(
        `^fail  ${pad('config')}  SUITECRM_CA_FILE: cannot read ${escapeRegExp(join(dir, 'no-such-ca.pem'))}: ENOENT`,
      ),
    );
    expect(lineOf(result, 'suitecrm')).toBe(
      `skip  ${pad('suitecrm')}  skipped: the SuiteCRM settings are invalid`,
    );
  });
});

describe('sla-bridge doctor never prints a secret', () => {
  it('no secret appears in any output above (stdout, stderr, text and JSON)', () => {
    expect(outputs.length).toBeGreaterThan(20);
    for (const result of outputs) {
      for (const secret of SECRETS) {
        expect(result.stdout).not.toContain(secret);
        expect(result.stderr).not.toContain(secret);
      }
    }
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
