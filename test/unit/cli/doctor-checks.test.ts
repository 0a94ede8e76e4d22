import { afterEach, describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  coreFieldsOf,
  fieldsOf,
  formatPackageStamp,
  MODULE_NAMES,
  type PackageStamp,
} from '../../../bridge/src/catalogue/index.js';
import { fail, pass, skip, warn } from '../../../bridge/src/cli/doctor/check.js';
import { checkLine, doctorExitStatus, summaryLine } from '../../../bridge/src/cli/doctor/doctor-report.js';
import {
  fieldsCheck,
  type ModuleFieldDefs,
  packageCheck,
  planListCheck,
} from '../../../bridge/src/cli/doctor/package-checks.js';
import { forgetSecretsForTests, registerSecret } from '../../../bridge/src/logging/redact.js';

/** The doctor's comparisons of what SuiteCRM's meta/fields shows with what this bridge expects. */
const EXPECTED = { version: '1.2.3', catalogueHash: 'c'.repeat(64) };
const PLANS = ['free', 'essential', 'professional', 'enterprise'];
const POLICY_PLANS = [
  { id: 'essential', label: 'Essential' },
  { id: 'professional', label: 'Professional' },
  { id: 'enterprise', label: 'Enterprise 24/7' },
];

/** meta/fields of a SuiteCRM with the package installed, every field stamped with `stamp`. */
function installed(
  stamp: Partial<PackageStamp> | null = {},
  plans: string[] | null = PLANS,
): ModuleFieldDefs {
  const defs = {} as ModuleFieldDefs;
  for (const module of MODULE_NAMES) {
    const fields: Record<string, { type: string; comments?: string | null }> = {};
    for (const core of coreFieldsOf(module)) fields[core.name] = { type: core.type };
    for (const field of fieldsOf(module)) {
      const base = { ...EXPECTED, ...stamp };
      const withPlans = field.name === 'sla_plan_c' && plans !== null ? { ...base, plans } : base;
      fields[field.name] = {
        type: field.type,
        comments: stamp === null ? null : formatPackageStamp(withPlans),
      };
    }
    defs[module] = { fields };
  }
  return defs;
}

function edit(
  defs: ModuleFieldDefs,
  module: 'Accounts' | 'Cases',
  name: string,
  value: { type: string; comments?: string } | undefined,
) {
  const fields = defs[module].fields as Record<string, unknown>;
  if (value === undefined) delete fields[name];
  else fields[name] = value;
}

afterEach(() => forgetSecretsForTests());

describe('packageCheck', () => {
  it('passes when every field carries this bridge version and catalogue', () => {
    const result = packageCheck(installed(), EXPECTED);
    expect(result.status).toBe('pass');
    expect(result.summary).toBe('package 1.2.3 (catalogue cccccccccccc) installed, as this bridge expects');
  });

  it('fails when fields come from two package builds, counting each', () => {
    const defs = installed();
    const old = formatPackageStamp({ version: '1.0.0', catalogueHash: 'a'.repeat(64) });
    edit(defs, 'Cases', 'sla_severity_c', { type: 'enum', comments: old });
    edit(defs, 'Cases', 'sla_cause_c', { type: 'enum', comments: old });
    const result = packageCheck(defs, EXPECTED);
    expect(result.status).toBe('fail');
    expect(result.summary).toBe(
      `SuiteCRM holds fields from 2 package builds (1.2.3 (catalogue cccccccccccc): ${CATALOGUE.fields.length - 2} fields; 1.0.0 (catalogue aaaaaaaaaaaa): 2 fields); this bridge expects 1.2.3 (catalogue cccccccccccc)`,
    );
  });

  it('fails when the fields are there but none carries a stamp', () => {
    const result = packageCheck(installed(null), EXPECTED);
    expect(result.status).toBe('fail');
    expect(result.summary).toContain(
      `none of the ${CATALOGUE.fields.length} package fields in SuiteCRM carries a package stamp`,
    );
  });
});

describe('planListCheck', () => {
  it('passes whatever the order of the keys', () => {
    const result = planListCheck(
      installed({}, ['enterprise', 'free', 'professional', 'essential']),
      POLICY_PLANS,
    );
    expect(result.status).toBe('pass');
  });

  it('fails when the plan field has no plans= part, and is skipped when the field is missing', () => {
    expect(planListCheck(installed({}, null), POLICY_PLANS)).toMatchObject({
      status: 'fail',
      summary:
        'the plan field Accounts.sla_plan_c does not say which plan keys its dropdown has (no plans= in its package stamp)',
    });
    const defs = installed();
    edit(defs, 'Accounts', 'sla_plan_c', undefined);
    expect(planListCheck(defs, POLICY_PLANS)).toEqual(
      skip('plan-list', 'the plan field Accounts.sla_plan_c is missing (see fields)'),
    );
  });
});

describe('fieldsCheck', () => {
  it('lists missing stock fields the bridge reads, as well as package fields', () => {
    const defs = installed();
    edit(defs, 'Cases', 'case_number', undefined);
    const result = fieldsCheck(defs);
    expect(result.status).toBe('fail');
    expect(result.summary).toBe('1 field missing: Cases.case_number');
  });

  it('lists at most five names, then how many more', () => {
    const defs = installed();
    const notText = fieldsOf('Cases').filter((field) => field.type !== 'varchar');
    for (const field of notText.slice(0, 7)) edit(defs, 'Cases', field.name, { type: 'varchar' });
    const result = fieldsCheck(defs);
    expect(result.summary).toMatch(
      /^7 fields of the wrong type: (Cases\.\w+ is varchar, expected \w+, ){4}Cases\.\w+ is varchar, expected \w+ and 2 more$/,
    );
  });
});

describe('exit status and lines', () => {
  it('is 2 when the configuration or the policy failed, 1 for any other failure, 0 with warnings', () => {
    const ok = pass('store', 'fine');
    expect(doctorExitStatus([ok, warn('clock', 'a bit off', 'ntp')])).toBe(0);
    expect(doctorExitStatus([ok, fail('fields', 'missing', 'install')])).toBe(1);
    expect(doctorExitStatus([fail('policy', 'bad', 'fix it'), fail('fields', 'missing', 'install')])).toBe(2);
    expect(doctorExitStatus([fail('config', 'bad', 'fix it'), skip('store', 'no config')])).toBe(2);
  });

  it('redacts registered secrets from every line', () => {
    registerSecret('hunter2-secret');
    const line = checkLine(fail('token', 'SuiteCRM said hunter2-secret', 'change hunter2-secret'));
    expect(line).toBe('fail  token          SuiteCRM said [redacted] — fix: change [redacted]');
    expect(summaryLine([pass('store', 'x'), warn('clock', 'y', 'z')])).toBe(
      'doctor: 1 passed, 1 warning, 0 failed, 0 skipped',
    );
  });
});
