import { isMachineWritten } from '../../bridge/src/catalogue/catalogue.js';
import type {
  Catalogue,
  CatalogueField,
  FieldValidation,
  Language,
} from '../../bridge/src/catalogue/catalogue-schema.js';
import type { PhpValue } from './php-source.js';

/**
 * The form validation of a catalogue field's `validation` rules, as vardef keys both SuiteCRM
 * versions read (docs/forms.md says what each form does with them):
 *
 * - `validation` => array('type' => 'callback', 'callback' => <JavaScript function>): SuiteCRM
 *   7.14's edit view and quick create (include/javascript/javascript.php addField, case
 *   'callback', via include/TemplateHandler/TemplateHandler.php buildTemplate) register it with
 *   addToValidateCallback (include/javascript/sugar_3.js); validate_form calls it on every save,
 *   blank or not, and on false shows ERR_INVALID_VALUE and the entry's message. The vardef types
 *   'range' (integer bounds, an English "value" in its message) and 'isbefore' (one compared
 *   field) cannot say "more than 0", "two decimals", "steps of 0.25" or two rules on one field,
 *   and SuiteCRM has no regex validation, so every rule is one callback. The package may ship
 *   only PHP files (ModuleScanner), and the callback is a PHP string: no JavaScript file needed.
 * - `validations` => array(array('type' => 'range', 'min', 'max')): SuiteCRM 8's record view
 *   (core/app/core/src/lib/services/record/validation/validators/range.validator.ts reads
 *   `validation` when its type is range, else the first range entry of `validations`, with
 *   integer bounds). 8.x has no callback, step, decimals or date-comparison validator: those
 *   rules are 7.14 only, and the bridge's "not computed" remains the net there.
 *
 * The messages are application strings (app_strings), in every language the package ships,
 * because a quick create form opened from another module's subpanel has only the application's
 * strings and its host module's loaded in the browser.
 */

/** `camelCase` → `CAMEL_CASE`. */
function upperSnake(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The app_strings key of a rule's message, e.g. LBL_SLA_VALIDATION_RESERVED_HOURS_RANGE for sla_reserved_hours_c. */
export function validationMessageKey(field: Pick<CatalogueField, 'name'>, rule: FieldValidation): string {
  const base = field.name.replace(/_c$/, '').replace(/^sla_/, '').toUpperCase();
  return `LBL_SLA_VALIDATION_${base}_${upperSnake(rule.check)}`;
}

/** Every validated field of the catalogue, in catalogue order. */
export function validatedFields(catalogue: Catalogue): CatalogueField[] {
  return catalogue.fields.filter((field) => (field.validation ?? []).length > 0);
}

/** Every rule message as key => text for one language (checked unique). */
export function validationMessages(catalogue: Catalogue, language: Language): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const field of validatedFields(catalogue)) {
    for (const rule of field.validation ?? []) {
      const key = validationMessageKey(field, rule);
      if (seen.has(key)) throw new Error(`${field.module}.${field.name}: message key ${key} is used twice`);
      seen.add(key);
      out.push([key, rule.message[language]]);
    }
  }
  return out;
}

/** The numbers a message may name: {min}, {max}, {step}, {places}. */
function words(rule: FieldValidation): Record<string, number> {
  if (rule.check === 'range') return { min: rule.min, max: rule.max };
  if (rule.check === 'decimals') return { places: rule.places };
  if (rule.check === 'step') return { step: rule.step };
  return {};
}

const js = (value: unknown) => JSON.stringify(value).replace(/"/g, "'");

/** One rule as JavaScript statements that `return fail(...)` when the form's values break it. */
function ruleStatement(rule: FieldValidation, key: string): string {
  const fail = `return fail(${js(key)}, ${js(words(rule))});`;
  switch (rule.check) {
    case 'range': {
      const low = rule.minExclusive === true ? `n <= ${rule.min}` : `n < ${rule.min}`;
      return `if (n !== null && (${low} || n > ${rule.max})) { ${fail} }`;
    }
    case 'decimals':
      return `if (n !== null && plain.indexOf('.') >= 0 && plain.replace(/0+$/, '').length - plain.indexOf('.') - 1 > ${rule.places}) { ${fail} }`;
    case 'step': {
      // With a small tolerance, so that binary fractions (0.1 + 0.2) never refuse a good value.
      return `if (n !== null && Math.abs(n / ${rule.step} - Math.round(n / ${rule.step})) > 0.000001) { ${fail} }`;
    }
    case 'notBefore':
      return `if (text !== '' && value(${js(rule.field)}) !== '') { var mine = getDateObject(text), other = getDateObject(value(${js(rule.field)})); if (typeof mine === 'object' && typeof other === 'object' && mine < other) { ${fail} } }`;
    case 'requiredWhenTicked':
      return `if (text === '' && ticked(${js(rule.field)})) { ${fail} }`;
    case 'requiredWhenSet':
      return `if (text === '' && value(${js(rule.field)}) !== '' && ${js(rule.except)}.indexOf(value(${js(rule.field)})) < 0) { ${fail} }`;
    case 'tickedNeeds':
      return `if (ticked(${js(rule.when)}) && !ticked(${js(rule.needs)})) { ${fail} }`;
  }
}

/**
 * The callback: reads the form (numbers in the user's format through sugar_3.js's
 * unformatNumberNoParse, dates in the user's format through getDateObject), checks the rules in
 * order and, on the first broken one, puts its message, in the user's language and with numbers
 * in the user's format, into this field's entry of sugar_3.js's `validate` table, which
 * validate_form then shows. A value that is not a number at all is left to SuiteCRM's own
 * decimal check, so it is said once.
 */
export function validationCallback(field: CatalogueField): string {
  const rules = field.validation ?? [];
  const statements = rules.map((rule) => ruleStatement(rule, validationMessageKey(field, rule)));
  return [
    'function (formname, name) {',
    'var form = document.forms[formname]; if (!form) { return true; }',
    "var value = function (n) { var e = form.elements[n]; return e && typeof e.value === 'string' ? YAHOO.lang.trim(e.value) : ''; };",
    'var ticked = function (n) { var boxes = form.querySelectorAll(\'input[type="checkbox"][name="\' + n + \'"]\'); return boxes.length > 0 && boxes[0].checked; };',
    "var show = function (x) { var parts = String(x).split('.'); if (typeof num_grp_sep === 'string') { parts[0] = parts[0].replace(/\\B(?=([0-9]{3})+(?![0-9]))/g, num_grp_sep); } return parts.join(typeof dec_sep === 'string' ? dec_sep : '.'); };",
    'var fail = function (key, numbers) {',
    "var text = SUGAR.language.get('app_strings', key); if (typeof text !== 'string' || text === 'undefined') { text = key; }",
    "for (var w in numbers) { text = text.split('{' + w + '}').join(show(numbers[w])); }",
    "for (var i = 0; i < validate[formname].length; i++) { if (validate[formname][i][nameIndex] === name && validate[formname][i][jstypeIndex] === 'callback') { validate[formname][i][msgIndex] = text; } }",
    'return false;',
    '};',
    'var text = value(name);',
    "var plain = typeof num_grp_sep === 'string' && typeof dec_sep === 'string' ? String(unformatNumberNoParse(text, num_grp_sep, dec_sep)) : text;",
    "var n = /^[+-]?[0-9]*\\.?[0-9]*$/.test(plain) && plain !== '' && !isNaN(parseFloat(plain)) ? parseFloat(plain) : null;",
    ...statements,
    'return true;',
    '}',
  ].join(' ');
}

/** The vardef keys that carry a field's validation, and whether inline edit stays on. */
export function validationVardef(field: CatalogueField): Record<string, PhpValue> {
  const rules = field.validation ?? [];
  if (rules.length === 0 || isMachineWritten(field)) return {};
  const def: Record<string, PhpValue> = {
    validation: { type: 'callback', callback: validationCallback(field) },
  };
  const ranges = rules.filter(
    (rule): rule is Extract<FieldValidation, { check: 'range' }> =>
      rule.check === 'range' && Number.isInteger(rule.min) && Number.isInteger(rule.max),
  );
  if (ranges.length > 0) {
    def.validations = ranges.map((rule) => ({ type: 'range', min: rule.min, max: rule.max }));
  }
  // 7.14's inline edit registers only the field's type and required flag (modules/Home/controller.php
  // action_getValidationRules), never its validation: the rule would be skipped there, so these
  // fields are edited in the edit view, where it runs.
  def.inline_edit = false;
  return def;
}
