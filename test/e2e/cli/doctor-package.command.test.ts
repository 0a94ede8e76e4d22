import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, fieldsOf } from '../../../bridge/src/catalogue/index.js';
import { VERSION } from '../../../bridge/src/cli/version.js';
import { openStore } from '../../../bridge/src/store/index.js';
import { describeNoSecretPrinted, doctorWorld, FIELDS_FIX, hash12, lineOf, pad } from './doctor-world.js';

/**
 * `sla-bridge doctor` end to end when what the bridge needs in SuiteCRM and its store is off: the
 * package missing, edited in Studio or built from another version or catalogue, and records the
 * bridge could not compute. Each checked by its exact line and the exit status.
 */
const world = doctorWorld();

describe('sla-bridge doctor when the package is missing or does not match', () => {
  it('without the package: the package and fields checks fail, the plan checks are skipped', async () => {
    const standIn = await world.standInWith({ withPackage: false });
    const result = await world.doctor(world.envFor(standIn));
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
    const standIn = await world.standInWith();
    standIn.control.removeCustomField('Cases', 'sla_severity_c');
    const missing = await world.doctor(world.envFor(standIn));
    expect(missing.status).toBe(1);
    expect(lineOf(missing, 'fields')).toBe(
      `fail  ${pad('fields')}  1 field missing: Cases.sla_severity_c — fix: ${FIELDS_FIX}`,
    );
    expect(lineOf(missing, 'package').startsWith('pass')).toBe(true);

    standIn.control.addCustomField('Cases', { name: 'sla_severity_c', type: 'varchar', len: 10 });
    const retyped = await world.doctor(world.envFor(standIn));
    expect(retyped.status).toBe(1);
    expect(lineOf(retyped, 'fields')).toBe(
      `fail  ${pad('fields')}  1 field of the wrong type: Cases.sla_severity_c is varchar, expected enum — fix: ${FIELDS_FIX}`,
    );
    expect(lineOf(retyped, 'package')).toBe(
      `warn  ${pad('package')}  package ${VERSION} (catalogue ${hash12}) installed, but 1 field lost the package stamp (Cases.sla_severity_c) — fix: these fields were edited in Studio: reinstall the package to restore them, and change package fields only through the package`,
    );
  });

  it('an older package version fails the package check', async () => {
    const standIn = await world.standInWith({ packageStamp: { version: '0.9.0' } });
    const result = await world.doctor(world.envFor(standIn));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'package')).toBe(
      `fail  ${pad('package')}  SuiteCRM has package 0.9.0 (catalogue ${hash12}); this bridge (${VERSION}) expects ${VERSION} (catalogue ${hash12}) — fix: install the package zip that ships with this bridge with Admin → Module Loader, then run Admin → Repair → Quick Repair and Rebuild, or run the bridge version that matches the installed package`,
    );
  });

  it('a package built from another catalogue fails the package check', async () => {
    const stale = 'ab'.repeat(32);
    const standIn = await world.standInWith({ packageStamp: { catalogueHash: stale } });
    const result = await world.doctor(world.envFor(standIn));
    expect(result.status).toBe(1);
    expect(lineOf(result, 'package')).toBe(
      `fail  ${pad('package')}  SuiteCRM has package ${VERSION} (catalogue abababababab), built from another field catalogue than this bridge's; this bridge (${VERSION}) expects ${VERSION} (catalogue ${hash12}) — fix: install the package zip that ships with this bridge with Admin → Module Loader, then run Admin → Repair → Quick Repair and Rebuild, or run the bridge version that matches the installed package`,
    );
  });
});

describe('sla-bridge doctor and records the bridge could not compute', () => {
  it('warns with the count, the commonest reasons and where to see each record; exit 0', async () => {
    const standIn = await world.standInWith();
    const file = join(world.dir, 'problems', 'bridge.sqlite');
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
    const result = await world.doctor(world.envFor(standIn, { BRIDGE_STORE_URL: file }));
    expect(result.status, result.stdout).toBe(0);
    expect(lineOf(result, 'records')).toBe(
      `warn  ${pad('records')}  3 records marked "not computed" (1 Accounts, 2 Cases): 2 x "not computed: Severity 7 is not 1-4", 1 x "not computed: plan gold is not a policy plan" — fix: correct those records in SuiteCRM (\`sla-bridge status --all-problems\` lists each one with its reason); the next pass computes them and clears the problem`,
    );
    expect(result.stdout).toContain('doctor: 11 passed, 1 warning, 0 failed, 1 skipped\n');
  });
});

describeNoSecretPrinted(world, 6);
