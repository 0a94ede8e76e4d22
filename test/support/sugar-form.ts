import { runInNewContext } from 'node:vm';

/**
 * A SuiteCRM 7.14 edit-view or quick-create form as a vardef 'callback' validation sees it, to run
 * the package's generated callbacks in Node. Modelled on include/javascript/sugar_3.js (7.14.6):
 * - the `validate` table and its indexes (nameIndex 0, msgIndex 3, jstypeIndex 5, callbackIndex 16)
 *   as addToValidateCallback fills them;
 * - validate_form's callback step: call it with (formname, field name); on false show
 *   ERR_INVALID_VALUE, a space and the entry's message;
 * - unformatNumberNoParse (drops the group separator, the first decimal separator becomes '.'),
 *   getDateObject (the user's date format; '' gives true, a bad date false) and YAHOO.lang.trim;
 * - SUGAR.language.get('app_strings', key): the string, or 'undefined' when there is none.
 */
export interface FormUser {
  dateFormat: 'Y-m-d' | 'd/m/Y' | 'm/d/Y' | 'd.m.Y';
  groupSeparator: string;
  decimalSeparator: string;
}

export interface FormRun {
  ok: boolean;
  /** What validate_form shows under the field when the callback refused the value. */
  message: string;
}

export interface FormInput {
  callback: string;
  field: string;
  /** Text inputs and dropdowns by name, as the user typed or chose them. */
  values: Record<string, string>;
  /** Checkbox fields of the form and whether each is ticked. */
  checkboxes?: Record<string, boolean>;
  user: FormUser;
  appStrings: Record<string, string>;
  label?: string;
}

function dateObject(text: string, format: FormUser['dateFormat']): Date | boolean {
  if (text.length === 0) return true;
  const separator = format.charAt(1);
  const parts = text.split(separator);
  const order = format.split(separator);
  if (parts.length !== 3 || parts.some((part) => !/^\d+$/.test(part))) return false;
  const get = (letter: string) => Number(parts[order.indexOf(letter)]);
  const date = new Date(get('Y'), get('m') - 1, get('d'));
  return date.getMonth() === get('m') - 1 ? date : false;
}

export function runFormCallback(input: FormInput): FormRun {
  const formname = 'EditView';
  const elements: Record<string, { value: string }> = {};
  for (const [name, value] of Object.entries(input.values)) elements[name] = { value };
  const checkboxes = input.checkboxes ?? {};
  const form = {
    elements,
    querySelectorAll(selector: string) {
      const name = /name="([^"]+)"/.exec(selector)?.[1] ?? '';
      return name in checkboxes ? [{ checked: checkboxes[name] === true }] : [];
    },
  };
  const entry: unknown[] = [input.field, 'decimal', false, input.label ?? input.field];
  entry[5] = 'callback';
  const context = {
    document: { forms: { [formname]: form } },
    validate: { [formname]: [entry] },
    nameIndex: 0,
    msgIndex: 3,
    jstypeIndex: 5,
    callbackIndex: 16,
    num_grp_sep: input.user.groupSeparator,
    dec_sep: input.user.decimalSeparator,
    YAHOO: { lang: { trim: (text: string) => text.trim() } },
    SUGAR: { language: { get: (_module: string, key: string) => input.appStrings[key] ?? 'undefined' } },
    unformatNumberNoParse(n: string, groupSeparator: string, decimalSeparator: string) {
      let text = n ? n.toString() : '';
      if (text.length > 0) {
        if (groupSeparator !== '') text = text.split(groupSeparator).join('');
        text = text.replace(decimalSeparator, '.');
      }
      return text;
    },
    getDateObject: (text: string) => dateObject(text, input.user.dateFormat),
  };
  const callback = runInNewContext(`(${input.callback})`, context) as (form: string, name: string) => boolean;
  entry[16] = callback;
  const ok = callback(formname, input.field) !== false;
  const invalid = input.appStrings.ERR_INVALID_VALUE ?? 'Invalid Value:';
  return { ok, message: ok ? '' : `${invalid} ${String(entry[3])}` };
}
