import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  catalogueHash,
  customFields,
  enumKeys,
  fieldsOf,
  isMachineWritten,
  labelKey,
} from '../../../bridge/src/catalogue/catalogue.js';
import { LANGUAGES, MODULE_NAMES } from '../../../bridge/src/catalogue/catalogue-schema.js';
import { parsePackageStamp } from '../../../bridge/src/catalogue/package-stamp.js';
import { defaultPolicyPlans } from '../../../scripts/gen/sources.js';
import { filesUnder, ROOT, runPhp } from '../../support/php.js';
import { needPhp } from '../../support/services.js';

const php = needPhp();
/** The keys a staff field's vardef extension may carry: its form rules (scripts/gen/form-validation.ts). */
const FORM_KEYS = ['validation', 'validations', 'inline_edit', 'required'];
const PACKAGE_PHP = [...filesUnder('suitecrm-module'), 'manifest.php'].filter((path) =>
  path.endsWith('.php'),
);

type Entry = Record<string, unknown>;
interface Dump {
  manifest: { manifest: Entry; installdefs: Record<string, Entry[] | string> };
  versions: Record<string, Record<string, boolean>>;
  language: Record<
    string,
    { mod_strings: Record<string, string>; app_list_strings: Record<string, Array<[string, string]>> }
  >;
  vardefs: Record<string, Record<string, Entry>>;
  createVardef: Entry[];
  contract: Record<string, unknown>;
}

describe.skipIf(php.skip)('the package PHP', () => {
  it('passes php -l, every file', () => {
    expect(PACKAGE_PHP.length).toBeGreaterThan(50);
    const failures = PACKAGE_PHP.map((path) => ({ path, run: runPhp(['-l', path]) }))
      .filter(({ run }) => run.status !== 0)
      .map(({ path, run }) => `${path}: ${run.stdout}${run.stderr}`);
    expect(failures).toEqual([]);
  });

  it("passes the project's ModuleScanner check, every file and the manifest", () => {
    const run = runPhp(['test/php/module-scanner.php', ...PACKAGE_PHP]);
    const report = JSON.parse(run.stdout) as Record<string, string[]>;
    expect(Object.keys(report)).toHaveLength(PACKAGE_PHP.length);
    expect(Object.entries(report).filter(([, issues]) => issues.length > 0)).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('runs the shared change-log examples through the PHP writer', () => {
    const run = runPhp(['test/php/change-log-examples.php']);
    const table = JSON.parse(readFileSync(join(ROOT, 'schemas', 'change-log-examples.json'), 'utf8')) as {
      changes: Array<{ name: string; appended: string }>;
    };
    const results = JSON.parse(run.stdout) as Array<{ name: string; ok: boolean; appended?: string }>;
    expect(run.stderr).toBe('');
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(results.slice(0, table.changes.length).map((result) => result.appended)).toEqual(
      table.changes.map((example) => example.appended),
    );
    expect(run.status).toBe(0);
  });
});

describe.skipIf(php.skip)("the project's ModuleScanner check", () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scanner-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const scan = (name: string, source: string) => {
    const path = join(dir, name);
    writeFileSync(path, source);
    return (
      (JSON.parse(runPhp(['test/php/module-scanner.php', path]).stdout) as Record<string, string[]>)[path] ??
      []
    );
  };

  // What docs/package-internals.md#modulescanner says the real scanner rejected or accepted on a real 7.14.6.
  const rejected: Array<[string, string]> = [
    ['variable array key', '$a[$k] = 1;'],
    ['array literal ending in a variable', "$x = ['x' => $v];"],
    ['unset of a variable key', 'unset($a[$k]);'],
    ['a key spelling a listed function', "$h['file'] = 1;"],
    ["['Open']", "$x = ['Open'];"],
    ['dynamic call', '$f();'],
    ['listed function', "file('x');"],
    ['array_map', "array_map('trim', $a);"],
    ['echo', "echo 'x';"],
    ['die', "die('Not A Valid Entry Point');"],
    ['exit', 'exit;'],
    ['eval', "eval('1;');"],
    ['backticks', '$x = `ls`;'],
    ['a listed class', "$r = new ReflectionClass('x');"],
  ];
  for (const [name, code] of rejected) {
    it(`rejects ${name}`, () => {
      expect(scan(`${name.replace(/\W+/g, '_')}.php`, `<?php\n${code}\n`)).not.toEqual([]);
    });
  }

  const accepted: Array<[string, string]> = [
    ['an array literal with a trailing comma', "$x = ['x' => $v, ];"],
    ['dynamic properties', '$bean->$k = $v;'],
    ['print and gmdate', "print gmdate('Y');"],
    ['a method named like a listed function', "$x->get('a');"],
    [
      'foreach and array_key_exists',
      'foreach ($a as $k => $v) { if (array_key_exists($k, $b)) { return; } }',
    ],
  ];
  for (const [name, code] of accepted) {
    it(`accepts ${name}`, () => {
      expect(scan(`ok_${name.replace(/\W+/g, '_')}.php`, `<?php\n${code}\n`)).toEqual([]);
    });
  }

  it('rejects files that are not PHP', () => {
    expect(scan('notes.txt', 'hello')).toEqual(['not a PHP file (no <?)']);
    expect(scan('data.json', '{}')).toEqual(['invalid file extension .json']);
  });
});

describe.skipIf(php.skip)('the generated package, loaded by PHP', () => {
  let dump: Dump;
  beforeAll(() => {
    const run = runPhp(['test/php/dump-package.php']);
    expect(run.stderr).toBe('');
    dump = JSON.parse(run.stdout) as Dump;
  });
  const installdefs = () => dump.manifest.installdefs as Record<string, Entry[]>;
  const plans = defaultPolicyPlans();

  it('is a standalone manifest for SuiteCRM 7.14 and 8 with the package.json version', () => {
    const manifestText = readFileSync(join(ROOT, 'manifest.php'), 'utf8');
    expect(manifestText).not.toMatch(/\b(require|include)(_once)?\s*[('"$]/);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(dump.manifest.manifest).toMatchObject({
      version,
      type: 'module',
      is_uninstallable: true,
      remove_tables: 'prompt',
    });
    expect(dump.versions.acceptable_sugar_versions).toMatchObject({ '6.5.25': true, '7.14.6': false });
    expect(dump.versions.acceptable_suitecrm_versions).toEqual({
      '6.5.25': false,
      '6.5.2': false,
      '7.14.6': true,
      '7.14.0': true,
      '7.13.4': false,
      '8.7.1': true,
      '8.0.0': true,
      '9.0.0': false,
      '17.14.6': false,
    });
    expect(installdefs().id).toBe('sla_support');
  });

  it('installs every catalogue custom field with its _c name, sizes, dropdown and stamp', () => {
    const fields = installdefs().custom_fields as Entry[];
    expect(fields.map((f) => `${f.module}.${f.name}`)).toEqual(
      customFields().map((f) => `${f.module}.${f.name}`),
    );
    for (const field of customFields()) {
      const entry = fields.find((f) => f.module === field.module && f.name === field.name) as Entry;
      expect(entry.name).toMatch(/_c$/);
      expect(entry.label).toBe(labelKey(field));
      expect(entry.type).toBe(field.type);
      if (field.type === 'decimal') {
        expect([entry.len, entry.precision, entry.ext1]).toEqual([
          field.len,
          field.precision,
          field.precision,
        ]);
      }
      if (field.type === 'enum') expect(entry.ext1).toBe(field.options);
      expect(entry.importable).toBe(isMachineWritten(field) ? 'false' : 'true');
      expect(entry.mass_update).toBe(false);
      const stamp = parsePackageStamp(entry.comments as string);
      expect(stamp?.catalogueHash).toBe(catalogueHash());
      expect((entry.comments as string).length).toBeLessThanOrEqual(255);
    }
    const plan = fields.find((f) => f.name === 'sla_plan_c') as Entry;
    expect(parsePackageStamp(plan.comments as string)?.plans).toEqual(['free', ...plans.map((p) => p.id)]);
  });

  it('lists every package file exactly once, each where Module Loader installs it', () => {
    // A copy entry names a file or a folder the package owns whole (ModuleInstaller copies it recursively).
    const copied = (installdefs().copy as Entry[]).flatMap((e) => {
      const from = (e.from as string).replace('<basepath>/', 'suitecrm-module/');
      return from.endsWith('.php')
        ? [e.from as string]
        : filesUnder(from).map((f) => f.replace('suitecrm-module/', '<basepath>/'));
    });
    expect(new Set(copied).size).toBe(copied.length);
    const entries = [
      ...copied,
      ...(installdefs().language as Entry[]).map((e) => e.from as string),
      ...(installdefs().vardefs as Entry[]).map((e) => e.from as string),
      ...(installdefs().layoutdefs as Entry[]).map((e) => e.from as string),
      ...(installdefs().relationships as Entry[]).map((e) => e.meta_data as string),
    ].map((from) => from.replace('<basepath>/', 'suitecrm-module/'));
    const packageFiles = filesUnder('suitecrm-module').filter(
      (path) => !path.startsWith('suitecrm-module/scripts/'),
    );
    expect([...entries].sort()).toEqual(packageFiles);
    // Each copy lands at its own path, except an icon: icons/X.svg.php is installed as a theme's X.svg.
    for (const copy of installdefs().copy as Entry[]) {
      const icon = /^<basepath>\/icons\/(\w+\.svg)\.php$/.exec(copy.from as string);
      expect(copy.to).toBe(
        icon ? `themes/default/images/${icon[1]}` : (copy.from as string).slice('<basepath>/'.length),
      );
    }
    for (const language of installdefs().language as Entry[]) {
      const from = language.from as string;
      expect(from).toMatch(new RegExp(`/Ext/Language/${language.language}\\.sla_support\\.php$`));
      expect(from).toContain(
        language.to_module === 'application' ? '/application/' : `/modules/${language.to_module}/`,
      );
    }
    const beans = installdefs().beans as Entry[];
    expect(beans).toEqual([
      {
        module: 'SLA_TimeEntries',
        class: 'SLA_TimeEntry',
        path: 'modules/SLA_TimeEntries/SLA_TimeEntry.php',
        tab: true,
      },
      {
        module: 'SLA_ChangeMarkers',
        class: 'SLA_ChangeMarker',
        path: 'modules/SLA_ChangeMarkers/SLA_ChangeMarker.php',
        tab: false,
      },
    ]);
  });

  it('claims the _override_sugarfield file of every custom field, so uninstall removes it', () => {
    const vardefs = (installdefs().vardefs as Entry[]).map((e) => e.from);
    for (const field of customFields()) {
      expect(vardefs).toContain(
        `<basepath>/custom/Extension/modules/${field.module}/Ext/Vardefs/_override_sugarfield_${field.name}.php`,
      );
    }
  });

  it('labels every field and link in both languages, with the same keys', () => {
    for (const module of MODULE_NAMES) {
      const own = CATALOGUE.modules[module].packageOwned;
      const file = (language: string) =>
        own
          ? `suitecrm-module/modules/${module}/language/${language}.lang.php`
          : `suitecrm-module/custom/Extension/modules/${module}/Ext/Language/${language}.sla_support.php`;
      const [en, es] = LANGUAGES.map((language) => dump.language[file(language)]?.mod_strings ?? {});
      expect(Object.keys(es ?? {}), module).toEqual(Object.keys(en ?? {}));
      for (const field of fieldsOf(module)) {
        expect(en?.[labelKey(field)], field.name).toBe(field.labels.en_us);
        expect(es?.[labelKey(field)], field.name).toBe(field.labels.es_ES);
      }
      const vnames = Object.values(dump.vardefs)
        .flatMap((dictionary) => Object.values(dictionary))
        .flatMap((entry) => Object.values((entry as { fields?: Record<string, Entry> }).fields ?? {}))
        .map((def) => def.vname)
        .filter((vname): vname is string => typeof vname === 'string');
      expect(vnames.length).toBe(17);
    }
  });

  it('ships every dropdown in both languages, keys in catalogue order (plans from the default policy)', () => {
    for (const language of LANGUAGES) {
      const lists =
        dump.language[`suitecrm-module/custom/Extension/application/Ext/Language/${language}.sla_support.php`]
          ?.app_list_strings ?? {};
      for (const name of Object.keys(CATALOGUE.enums)) {
        expect(
          lists[name]?.map(([key]) => key),
          name,
        ).toEqual(enumKeys(name, plans));
      }
      expect(lists.moduleList).toEqual([
        ['SLA_TimeEntries', CATALOGUE.modules.SLA_TimeEntries.labels?.[language]],
      ]);
    }
  });

  it('keeps bridge- and hook-written fields out of inline edit, mass update and import', () => {
    for (const module of ['Accounts', 'Cases'] as const) {
      const object = CATALOGUE.modules[module].objectName;
      const defs = dump.vardefs[
        `suitecrm-module/custom/Extension/modules/${module}/Ext/Vardefs/sla_support.php`
      ]?.[object] as { fields: Record<string, Entry> };
      for (const field of fieldsOf(module)) {
        const def = defs.fields[field.name];
        if (isMachineWritten(field)) {
          expect(def, field.name).toEqual({ inline_edit: false, massupdate: false, importable: false });
        } else if (field.validation === undefined && !field.required) {
          expect(def, field.name).toBeUndefined();
        } else {
          // Form rules only (form-validation.test.ts checks them): never import or mass-update flags.
          expect(
            Object.keys(def ?? {}).filter((key) => !FORM_KEYS.includes(key)),
            field.name,
          ).toEqual([]);
        }
      }
      expect(defs.fields.sla_timeentries).toMatchObject({
        type: 'link',
        relationship: `sla_timeentries_${module.toLowerCase()}`,
      });
    }
    const own = dump.vardefs['suitecrm-module/modules/SLA_TimeEntries/vardefs.php']?.SLA_TimeEntry as {
      table: string;
      fields: Record<string, Entry>;
    };
    expect(own.table).toBe('sla_timeentries');
    for (const field of fieldsOf('SLA_TimeEntries')) {
      const def = own.fields[field.name] as Entry;
      expect(def.type, field.name).toBe(field.type);
      expect(def.inline_edit, field.name).toBe(!isMachineWritten(field) && field.validation === undefined);
      if (isMachineWritten(field)) expect([def.massupdate, def.importable]).toEqual([false, false]);
    }
    expect(own.fields.sla_timeentries_cases_name).toMatchObject({
      type: 'relate',
      id_name: 'case_id',
      link: 'sla_case',
      module: 'Cases',
    });
    expect(own.fields.sla_account).toMatchObject({
      type: 'link',
      relationship: 'sla_timeentries_accounts',
      side: 'right',
    });
    expect(dump.createVardef).toEqual([
      // The change marker (docs/freshness.md): a tiny table of three counters.
      { module: 'SLA_ChangeMarkers', object: 'SLA_ChangeMarker', templates: ['basic'] },
      {
        module: 'SLA_TimeEntries',
        object: 'SLA_TimeEntry',
        templates: ['basic', 'assignable', 'security_groups'],
      },
    ]);
  });

  it('defines the two one-to-many relationships on the time entry keys', () => {
    for (const relationship of CATALOGUE.relationships) {
      const meta = dump.vardefs[`suitecrm-module/custom/metadata/${relationship.name}MetaData.php`];
      expect(meta?.[relationship.name]).toMatchObject({
        relationships: {
          [relationship.name]: {
            lhs_module: relationship.lhsModule,
            rhs_module: 'SLA_TimeEntries',
            rhs_key: relationship.rhsKey,
            relationship_type: 'one-to-many',
          },
        },
      });
    }
  });

  it('gives the package PHP the same contract as the bridge', () => {
    expect(dump.contract.CATALOGUE_HASH).toBe(catalogueHash());
    expect(dump.contract.CHANGE_LOG_TRACKED).toEqual(CATALOGUE.changeLog.tracked);
    expect(dump.contract.PLAN_KEYS).toEqual(enumKeys('sla_plan_list', plans));
  });
});
