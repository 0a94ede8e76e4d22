import {
  CATALOGUE,
  type Catalogue,
  type CatalogueField,
  coreFieldsOf,
  enumKeys,
  fieldsOf,
  MODULE_NAMES,
  type ModuleName,
  type PackageStamp,
  parsePackageStamp,
} from '../../catalogue/index.js';
import { isBridgeError } from '../../errors/bridge-error.js';
import type { FieldDefinition, SuiteCrmClient } from '../../suitecrm/index.js';
import { type CheckResult, fail, listSome, pass, plural, skip, warn } from './check.js';

/**
 * What the package installed, as `GET /V8/meta/fields/{module}` shows it: each field it installs
 * carries `sla-bridge package=<version> catalogue=<hash>` in its comments (the plan field also
 * `plans=<keys>`). These checks compare that with this bridge: the package version, the field
 * catalogue, the plan dropdown, and every field's presence and type.
 */
export type ModuleFieldDefs = Record<
  ModuleName,
  { fields: Record<string, FieldDefinition>; error?: undefined } | { fields?: undefined; error: string }
>;

/** meta/fields of the three modules; a module SuiteCRM refuses (not installed, not visible) is noted, not thrown. */
export async function readFieldDefinitions(client: SuiteCrmClient): Promise<ModuleFieldDefs> {
  const out: Partial<ModuleFieldDefs> = {};
  for (const module of MODULE_NAMES) {
    try {
      out[module] = { fields: await client.fieldDefinitions(module) };
    } catch (error) {
      if (isBridgeError(error) && error.code === 'invalid_request') out[module] = { error: error.message };
      else throw error;
    }
  }
  return out as ModuleFieldDefs;
}

/** What this bridge expects: its own version and `catalogueHash()`. */
export interface ExpectedPackage {
  version: string;
  catalogueHash: string;
}

const INSTALL_FIX =
  'install the package zip that ships with this bridge with Admin → Module Loader, then run Admin → Repair → Quick Repair and Rebuild';

function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

function describeStamp(stamp: { version: string; catalogueHash: string }): string {
  return `${stamp.version} (catalogue ${shortHash(stamp.catalogueHash)})`;
}

function definitionOf(defs: ModuleFieldDefs, field: CatalogueField): FieldDefinition | undefined {
  return defs[field.module].fields?.[field.name];
}

function stampOf(definition: FieldDefinition): PackageStamp | undefined {
  const comments = (definition as Record<string, unknown>).comments;
  return parsePackageStamp(typeof comments === 'string' ? comments : undefined);
}

/** The package version and catalogue the installed fields carry, against this bridge's. */
export function packageCheck(
  defs: ModuleFieldDefs,
  expected: ExpectedPackage,
  catalogue: Catalogue = CATALOGUE,
): CheckResult {
  const builds = new Map<string, { version: string; catalogueHash: string; fields: number }>();
  const unstamped: string[] = [];
  let present = 0;
  for (const field of catalogue.fields) {
    const definition = definitionOf(defs, field);
    if (definition === undefined) continue;
    present++;
    const stamp = stampOf(definition);
    if (stamp === undefined) {
      unstamped.push(`${field.module}.${field.name}`);
      continue;
    }
    const key = `${stamp.version} ${stamp.catalogueHash}`;
    const build = builds.get(key) ?? {
      version: stamp.version,
      catalogueHash: stamp.catalogueHash,
      fields: 0,
    };
    build.fields++;
    builds.set(key, build);
  }
  const found = [...builds.values()].sort((a, b) => b.fields - a.fields);
  const details = {
    expected,
    found,
    fieldsPresent: present,
    fieldsInCatalogue: catalogue.fields.length,
    unstamped,
  };
  const wanted = describeStamp(expected);
  if (present === 0) {
    return fail(
      'package',
      `the SLA package is not installed: none of its ${catalogue.fields.length} fields is in SuiteCRM`,
      INSTALL_FIX,
      details,
    );
  }
  if (found.length === 0) {
    return fail(
      'package',
      `none of the ${plural(present, 'package field')} in SuiteCRM carries a package stamp (made by hand, or by a package older than this bridge's); this bridge expects package ${wanted}`,
      INSTALL_FIX,
      details,
    );
  }
  if (found.length > 1) {
    return fail(
      'package',
      `SuiteCRM holds fields from ${found.length} package builds (${found.map((build) => `${describeStamp(build)}: ${plural(build.fields, 'field')}`).join('; ')}); this bridge expects ${wanted}`,
      `${INSTALL_FIX} (uninstall the old package first, keeping its tables)`,
      details,
    );
  }
  const [build] = found as [{ version: string; catalogueHash: string; fields: number }];
  if (build.version !== expected.version || build.catalogueHash !== expected.catalogueHash) {
    const which =
      build.version === expected.version
        ? `package ${describeStamp(build)}, built from another field catalogue than this bridge's`
        : `package ${describeStamp(build)}`;
    return fail(
      'package',
      `SuiteCRM has ${which}; this bridge (${expected.version}) expects ${wanted}`,
      `${INSTALL_FIX}, or run the bridge version that matches the installed package`,
      details,
    );
  }
  if (unstamped.length > 0) {
    return warn(
      'package',
      `package ${wanted} installed, but ${plural(unstamped.length, 'field')} lost the package stamp (${listSome(unstamped)})`,
      'these fields were edited in Studio: reinstall the package to restore them, and change package fields only through the package',
      details,
    );
  }
  return pass('package', `package ${wanted} installed, as this bridge expects`, details);
}

/** The package field whose dropdown holds the policy's plans (`sla_plan_c`). */
export function planField(catalogue: Catalogue = CATALOGUE): CatalogueField | undefined {
  return catalogue.fields.find(
    (field) => field.options !== undefined && catalogue.enums[field.options]?.source === 'policy',
  );
}

/** The plan dropdown's keys as the package installed them: "" (implied), `free`, the policy's plans. */
export function planListCheck(
  defs: ModuleFieldDefs,
  policyPlans: ReadonlyArray<{ id: string; label: string }>,
  catalogue: Catalogue = CATALOGUE,
): CheckResult {
  const field = planField(catalogue);
  if (field === undefined) return skip('plan-list', 'the field catalogue has no plan field');
  const name = `${field.module}.${field.name}`;
  const definition = definitionOf(defs, field);
  if (definition === undefined) return skip('plan-list', `the plan field ${name} is missing (see fields)`);
  const installed = stampOf(definition)?.plans;
  const expected = enumKeys(field.options as string, policyPlans, catalogue).filter((key) => key !== '');
  const details = { field: name, installed: installed ?? null, expected };
  if (installed === undefined) {
    return fail(
      'plan-list',
      `the plan field ${name} does not say which plan keys its dropdown has (no plans= in its package stamp)`,
      INSTALL_FIX,
      details,
    );
  }
  const missing = expected.filter((key) => !installed.includes(key));
  const extra = installed.filter((key) => !expected.includes(key));
  if (missing.length === 0 && extra.length === 0) {
    return pass(
      'plan-list',
      `the plan dropdown has "", ${expected.join(', ')}: free and the policy's plans`,
      details,
    );
  }
  const parts = [
    ...(missing.length > 0 ? [`missing from the dropdown: ${missing.join(', ')}`] : []),
    ...(extra.length > 0 ? [`not plans of the policy: ${extra.join(', ')}`] : []),
  ];
  return fail(
    'plan-list',
    `the plan dropdown the package installed has "", ${installed.join(', ')}; the policy needs "", ${expected.join(', ')} (${parts.join('; ')})`,
    "make the plan dropdown and the policy agree: install a package built with this policy's plans, or set SLA_POLICY_FILE to a policy whose plan ids are the dropdown's",
    details,
  );
}

/** Every catalogue field present with its catalogue type; the stock fields the bridge reads present. */
export function fieldsCheck(defs: ModuleFieldDefs, catalogue: Catalogue = CATALOGUE): CheckResult {
  const missing: string[] = [];
  const wrongType: Array<{ field: string; type: string; expected: string }> = [];
  const modulesMissing: string[] = [];
  const perModule: Record<string, number> = {};
  for (const module of MODULE_NAMES) {
    const entry = defs[module];
    const own = fieldsOf(module, {}, catalogue);
    perModule[module] = own.length;
    if (entry.fields === undefined) {
      modulesMissing.push(module);
      continue;
    }
    for (const field of own) {
      const definition = entry.fields[field.name];
      if (definition === undefined) missing.push(`${module}.${field.name}`);
      else if (definition.type !== field.type) {
        wrongType.push({ field: `${module}.${field.name}`, type: definition.type, expected: field.type });
      }
    }
    for (const core of coreFieldsOf(module, catalogue)) {
      if (entry.fields[core.name] === undefined) missing.push(`${module}.${core.name}`);
    }
  }
  const details = { modulesMissing, missing, wrongType };
  if (modulesMissing.length === 0 && missing.length === 0 && wrongType.length === 0) {
    const counts = MODULE_NAMES.map((module) => `${module} ${perModule[module]}`).join(', ');
    return pass(
      'fields',
      `all ${catalogue.fields.length} package fields are present with the right types (${counts})`,
      details,
    );
  }
  const problems: string[] = [];
  if (modulesMissing.length > 0) {
    problems.push(
      `${modulesMissing.map((module) => `module ${module} (${plural(perModule[module] ?? 0, 'field')})`).join(', ')} not visible to the API user`,
    );
  }
  if (missing.length > 0) problems.push(`${plural(missing.length, 'field')} missing: ${listSome(missing)}`);
  if (wrongType.length > 0) {
    problems.push(
      `${plural(wrongType.length, 'field')} of the wrong type: ${listSome(wrongType.map((item) => `${item.field} is ${item.type}, expected ${item.expected}`))}`,
    );
  }
  const access =
    modulesMissing.length > 0
      ? '; if the package is installed, give the API user access to those modules (Admin → Role Management)'
      : '';
  return fail(
    'fields',
    problems.join('; '),
    `${INSTALL_FIX} (do not change or delete the package's fields in Studio)${access}`,
    details,
  );
}
