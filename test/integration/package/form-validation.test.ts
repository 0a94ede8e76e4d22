import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, findField } from '../../../bridge/src/catalogue/catalogue.js';
import { LANGUAGES, type Language, type ModuleName } from '../../../bridge/src/catalogue/catalogue-schema.js';
import { validatedFields, validationMessageKey } from '../../../scripts/gen/form-validation.js';
import { runPhp } from '../../support/php.js';
import { needPhp } from '../../support/services.js';
import { type FormUser, runFormCallback } from '../../support/sugar-form.js';

/**
 * The forms' validation as the package ships it, loaded by PHP (test/php/dump-package.php), and
 * its 7.14 callbacks run against forms modelled on include/javascript/sugar_3.js (see
 * test/support/sugar-form.ts): bad input refused where it is typed, in the user's language.
 */
const php = needPhp();

type Def = Record<string, unknown>;
interface Dump {
  language: Record<string, { app_strings: Record<string, string>; mod_strings: Record<string, string> }>;
  vardefs: Record<string, Record<string, { fields: Record<string, Def> }>>;
}

const VARDEF_FILES: Record<ModuleName, string> = {
  Accounts: 'suitecrm-module/custom/Extension/modules/Accounts/Ext/Vardefs/sla_support.php',
  Cases: 'suitecrm-module/custom/Extension/modules/Cases/Ext/Vardefs/sla_support.php',
  SLA_TimeEntries: 'suitecrm-module/modules/SLA_TimeEntries/vardefs.php',
};
const appFile = (language: Language) =>
  `suitecrm-module/custom/Extension/application/Ext/Language/${language}.sla_support.php`;

const EN: FormUser = { dateFormat: 'Y-m-d', groupSeparator: ',', decimalSeparator: '.' };
const ES: FormUser = { dateFormat: 'd/m/Y', groupSeparator: '.', decimalSeparator: ',' };

describe.skipIf(php.skip)('form validation in the package', () => {
  let dump: Dump;
  beforeAll(() => {
    const run = runPhp(['test/php/dump-package.php']);
    expect(run.stderr).toBe('');
    dump = JSON.parse(run.stdout) as Dump;
  });
  const def = (module: ModuleName, field: string): Def => {
    const object = CATALOGUE.modules[module].objectName;
    return dump.vardefs[VARDEF_FILES[module]]?.[object]?.fields[field] ?? {};
  };
  const strings = (language: Language) => ({
    ERR_INVALID_VALUE: language === 'en_us' ? 'Invalid Value:' : 'Valor no válido:',
    ...(dump.language[appFile(language)]?.app_strings ?? {}),
  });
  const check = (
    module: ModuleName,
    field: string,
    values: Record<string, string>,
    options: { user?: FormUser; language?: Language; checkboxes?: Record<string, boolean> } = {},
  ) => {
    const validation = def(module, field).validation as { type: string; callback: string };
    return runFormCallback({
      callback: validation.callback,
      field,
      values,
      checkboxes: options.checkboxes ?? {},
      user: options.user ?? EN,
      appStrings: strings(options.language ?? 'en_us'),
    });
  };

  it('has an en_us and an es_ES message for every rule, naming the field by its label', () => {
    const fields = validatedFields(CATALOGUE);
    expect(fields.map((f) => `${f.module}.${f.name}`)).toEqual([
      'Accounts.sla_contract_start_c',
      'Accounts.sla_reserved_hours_c',
      'Accounts.sla_cancelled_on_c',
      'Accounts.sla_paid_through_c',
      'SLA_TimeEntries.hours',
    ]);
    for (const language of LANGUAGES) {
      const app = dump.language[appFile(language)]?.app_strings ?? {};
      for (const field of fields) {
        for (const rule of field.validation ?? []) {
          const text = app[validationMessageKey(field, rule)];
          expect(text, `${language} ${field.name} ${rule.check}`).toBe(rule.message[language]);
          expect(text?.length ?? 0).toBeGreaterThan(20);
          expect(text, `${language} ${field.name} ${rule.check}`).toContain(
            field.labels[language].replace(/ \(.*\)$/, ''),
          );
        }
      }
    }
    const en = Object.keys(dump.language[appFile('en_us')]?.app_strings ?? {});
    const es = Object.keys(dump.language[appFile('es_ES')]?.app_strings ?? {});
    expect(es).toEqual(en);
  });

  it('gives 7.14 one callback per validated field and 8.x its integer ranges; inline edit off there', () => {
    for (const field of validatedFields(CATALOGUE)) {
      const vardef = def(field.module, field.name);
      expect(vardef.validation, field.name).toMatchObject({ type: 'callback' });
      expect((vardef.validation as { callback: string }).callback).toMatch(
        /^function \(formname, name\) \{.*\}$/,
      );
      expect(vardef.inline_edit, field.name).toBe(false);
    }
    expect(def('Accounts', 'sla_reserved_hours_c').validations).toEqual([
      { type: 'range', min: 0, max: 10000 },
    ]);
    expect(def('SLA_TimeEntries', 'hours').validations).toEqual([{ type: 'range', min: 0, max: 24 }]);
    expect(def('Accounts', 'sla_cancelled_on_c').validations).toBeUndefined();
  });

  it('makes Severity (as reported) required, and the work date default to today', () => {
    expect(findField('Cases', 'sla_severity_c')?.required).toBe(true);
    expect(def('Cases', 'sla_severity_c')).toMatchObject({ required: true });
    expect(def('SLA_TimeEntries', 'work_date')).toMatchObject({ display_default: 'now', required: true });
    expect(def('SLA_TimeEntries', 'hours')).toMatchObject({ required: true, type: 'decimal' });
  });

  it("writes panel and tab headers in upper case, like SuiteCRM's own (OVERVIEW, MORE INFORMATION)", () => {
    const headers: Array<[ModuleName, string]> = [
      ['Accounts', 'LBL_SLA_SUPPORT_CONTRACT'],
      ['Cases', 'LBL_SLA_PANEL'],
      ['SLA_TimeEntries', 'LBL_SLA_TIMEENTRY_INFORMATION'],
      ['SLA_TimeEntries', 'LBL_SLA_TIMEENTRY_PLAN'],
    ];
    for (const language of LANGUAGES) {
      for (const [module, key] of headers) {
        const file =
          module === 'SLA_TimeEntries'
            ? `suitecrm-module/modules/SLA_TimeEntries/language/${language}.lang.php`
            : `suitecrm-module/custom/Extension/modules/${module}/Ext/Language/${language}.sla_support.php`;
        const text = dump.language[file]?.mod_strings[key] ?? '';
        expect(text.length, `${language} ${key}`).toBeGreaterThan(2);
        expect(text, `${language} ${key}`).toBe(text.toLocaleUpperCase(language.replace('_', '-')));
      }
    }
  });

  it('labels Reserved hours (effective) in both languages', () => {
    const file = (language: Language) =>
      `suitecrm-module/custom/Extension/modules/Accounts/Ext/Language/${language}.sla_support.php`;
    expect(dump.language[file('en_us')]?.mod_strings.LBL_SLA_RESERVED_HOURS_EFFECTIVE).toBe(
      'Reserved hours (effective)',
    );
    expect(dump.language[file('es_ES')]?.mod_strings.LBL_SLA_RESERVED_HOURS_EFFECTIVE).toBe(
      'Horas reservadas (efectivas)',
    );
    expect(def('Accounts', 'sla_reserved_hours_effective_c')).toEqual({
      inline_edit: false,
      massupdate: false,
      importable: false,
    });
  });

  describe('reserved hours (override): 0 to 10,000, two decimals', () => {
    it.each(['', '0', '40', '40.25', '40.250', '10000', '10,000.00'])('accepts %j', (value) => {
      expect(check('Accounts', 'sla_reserved_hours_c', { sla_reserved_hours_c: value }).ok).toBe(true);
    });
    it.each(['-5', '100000', '10000.01', '-0.01'])('refuses %j with the range', (value) => {
      const run = check('Accounts', 'sla_reserved_hours_c', { sla_reserved_hours_c: value });
      expect(run).toEqual({
        ok: false,
        message:
          "Invalid Value: Reserved hours (override): enter from 0 to 10,000 hours, or leave it blank to use the plan's hours.",
      });
    });
    it('refuses three decimals', () => {
      expect(check('Accounts', 'sla_reserved_hours_c', { sla_reserved_hours_c: '40.255' }).message).toBe(
        'Invalid Value: Reserved hours (override): use at most 2 decimals (for example 40.25).',
      );
    });
    it("reads the number in a Spanish user's format and answers in Spanish", () => {
      const es = { user: ES, language: 'es_ES' as const };
      expect(check('Accounts', 'sla_reserved_hours_c', { sla_reserved_hours_c: '1.234,5' }, es).ok).toBe(
        true,
      );
      expect(check('Accounts', 'sla_reserved_hours_c', { sla_reserved_hours_c: '-5' }, es).message).toBe(
        'Valor no válido: Horas reservadas (excepción): indique de 0 a 10.000 horas, o déjelo en blanco para usar las horas del plan.',
      );
    });
    it('leaves a value that is no number to SuiteCRM’s own decimal check (said once)', () => {
      expect(check('Accounts', 'sla_reserved_hours_c', { sla_reserved_hours_c: 'abc' }).ok).toBe(true);
    });
  });

  describe("a time entry's hours: more than 0, at most 24, steps of 0.25", () => {
    it.each(['0.25', '1.5', '7.75', '24', '0.75'])('accepts %j', (value) => {
      expect(check('SLA_TimeEntries', 'hours', { hours: value }).ok).toBe(true);
    });
    it.each(['0', '30', '24.25', '-1'])('refuses %j', (value) => {
      expect(check('SLA_TimeEntries', 'hours', { hours: value }).message).toBe(
        "Invalid Value: Hours: enter more than 0 and at most 24 (one day's work).",
      );
    });
    it.each(['1.3', '0.1', '2.33'])('refuses %j off the step', (value) => {
      expect(check('SLA_TimeEntries', 'hours', { hours: value }).message).toBe(
        'Invalid Value: Hours: use steps of 0.25 (for example 1.25).',
      );
    });
    it('says the step in Spanish with a decimal comma', () => {
      expect(
        check('SLA_TimeEntries', 'hours', { hours: '1,3' }, { user: ES, language: 'es_ES' }).message,
      ).toBe('Valor no válido: Horas: use pasos de 0,25 (por ejemplo 1,25).');
    });
  });

  describe('contract dates and ticks the contract rules forbid', () => {
    const account = (values: Record<string, string>, ticks: Record<string, boolean> = {}) => ({
      values: { sla_plan_c: 'professional', sla_contract_start_c: '2026-03-01', ...values },
      checkboxes: { sla_will_not_renew_c: false, sla_refunded_c: false, ...ticks },
    });
    const run = (field: string, input: ReturnType<typeof account>, user = EN, language: Language = 'en_us') =>
      check('Accounts', field, input.values, { checkboxes: input.checkboxes, user, language });

    it('refuses a cancelled-on date before the contract start, accepts the start day and later', () => {
      expect(run('sla_cancelled_on_c', account({ sla_cancelled_on_c: '2026-02-28' })).message).toBe(
        'Invalid Value: Cancelled on: must not be before the Contract start.',
      );
      expect(run('sla_cancelled_on_c', account({ sla_cancelled_on_c: '2026-03-01' })).ok).toBe(true);
      expect(run('sla_cancelled_on_c', account({ sla_cancelled_on_c: '2027-01-15' })).ok).toBe(true);
    });

    it("compares dates in the user's format (d/m/Y), in Spanish", () => {
      const input = account({ sla_contract_start_c: '01/03/2026', sla_paid_through_c: '28/02/2026' });
      expect(run('sla_paid_through_c', input, ES, 'es_ES').message).toBe(
        'Valor no válido: Pagado hasta: no puede ser anterior al Inicio del contrato.',
      );
      const later = account({ sla_contract_start_c: '01/03/2026', sla_paid_through_c: '02/03/2026' });
      expect(run('sla_paid_through_c', later, ES, 'es_ES').ok).toBe(true);
    });

    it('refuses a paid-through date before the contract start', () => {
      expect(run('sla_paid_through_c', account({ sla_paid_through_c: '2025-12-31' })).ok).toBe(false);
      expect(run('sla_paid_through_c', account({ sla_paid_through_c: '' })).ok).toBe(true);
    });

    it('needs a cancelled-on date when Will not renew is ticked', () => {
      const input = account({ sla_cancelled_on_c: '' }, { sla_will_not_renew_c: true });
      expect(run('sla_cancelled_on_c', input).message).toBe(
        'Invalid Value: Cancelled on: required when Will not renew (cancelled) is ticked.',
      );
      expect(run('sla_cancelled_on_c', account({ sla_cancelled_on_c: '' })).ok).toBe(true);
    });

    it('refuses Refunded without Will not renew', () => {
      const input = account({ sla_cancelled_on_c: '2026-04-01' }, { sla_refunded_c: true });
      expect(run('sla_cancelled_on_c', input).ok).toBe(false);
      const both = account(
        { sla_cancelled_on_c: '2026-04-01' },
        { sla_refunded_c: true, sla_will_not_renew_c: true },
      );
      expect(run('sla_cancelled_on_c', both).ok).toBe(true);
    });

    it('needs a contract start with a dedicated plan, not with free support or no plan', () => {
      expect(run('sla_contract_start_c', account({ sla_contract_start_c: '' })).message).toBe(
        'Invalid Value: Contract start: required with a dedicated support plan (every term is counted from it).',
      );
      expect(run('sla_contract_start_c', account({ sla_contract_start_c: '', sla_plan_c: 'free' })).ok).toBe(
        true,
      );
      expect(run('sla_contract_start_c', account({ sla_contract_start_c: '', sla_plan_c: '' })).ok).toBe(
        true,
      );
    });
  });
});
