import type { StandInUser } from '../auth/users.js';
import { toDisplayDate, toDisplayDatetime, userFormat } from '../output/user-format.js';
import type { FieldDef } from '../schema/field-def.js';
import type { ModuleName } from '../schema/module-defs.js';
import type { Row } from '../store/row.js';
import type { StandInStore } from '../store/stand-in-store.js';
import { saveRecord } from '../write/record-writer.js';
import { EDIT_VIEW_FIELDS, QUICK_CREATE_FIELDS } from './case-forms.js';
import { widgetValue } from './datetime-combo.js';

/**
 * Saves as SuiteCRM 7.14.6's web UI makes them, and as SuiteCRM 8's record view makes them.
 * Every one runs the save pipeline with the hook's actor `person`. Values a person types are in
 * their own formats and zone; the save path converts them back (SugarBean::fixUpFormatting,
 * include/TimeDate.php to_db).
 */
export interface WebUiDeps {
  store: StandInStore;
  now: () => number;
  newId: () => string;
}

/** What a browser holds of an open form: the fields it will post, as their inputs hold them. */
export interface OpenForm {
  kind: 'edit-view' | 'record-view-8';
  module: 'Cases';
  id: string;
  userId: string;
  /** date_modified when the form was loaded (include/EditView/EditView2.php's optimistic lock). */
  loadedDateModified: string | null;
  fields: Record<string, string>;
}

export type FormSaveResult =
  | { outcome: 'saved'; record: Row }
  /** modules/OptimisticLock/LockResolve.php: someone else saved since the form was loaded. */
  | { outcome: 'conflict'; record: Row };

export interface FormSaveOptions {
  /** On the LockResolve screen: "accept yours" saves the form anyway; "accept database" drops it. */
  onConflict?: 'ask' | 'accept-yours' | 'accept-database';
}

function userOf(deps: WebUiDeps, userId: string): StandInUser {
  const user = deps.store.user(userId);
  if (!user) throw new Error(`no user ${userId}`);
  return user;
}

function liveCase(deps: WebUiDeps, id: string): Row {
  const row = deps.store.table('Cases').getLive(id);
  if (!row) throw new Error(`Cases module with id ${id} is not found`);
  return row;
}

/** The value an input of the form holds for a stored value. */
function inputValue(field: FieldDef, stored: string | null | undefined, user: StandInUser): string {
  const format = userFormat(user);
  if (field.kind === 'datetime') return widgetValue(toDisplayDatetime(stored, format), format.timeFormat);
  if (field.kind === 'date') return toDisplayDate(stored, format);
  return stored ?? '';
}

/** A value a person enters: a datetime goes through the widget (only quarter hours can be chosen). */
function entered(field: FieldDef, value: string, user: StandInUser): string {
  if (field.kind !== 'datetime') return value;
  return widgetValue(value, userFormat(user).timeFormat);
}

function fieldDef(module: ModuleName, deps: WebUiDeps, name: string): FieldDef {
  const field = deps.store.table(module).def.byName.get(name);
  if (!field) throw new Error(`${module} has no field ${name}`);
  return field;
}

/** include/EditView/EditView2.php: the edit view of a case, as a user's browser loads it. */
export function openEditView(deps: WebUiDeps, id: string, userId: string): OpenForm {
  const row = liveCase(deps, id);
  const user = userOf(deps, userId);
  const fields: Record<string, string> = {};
  for (const name of EDIT_VIEW_FIELDS) {
    const field = deps.store.table('Cases').def.byName.get(name);
    if (field) fields[name] = inputValue(field, row[name], user);
  }
  return {
    kind: 'edit-view',
    module: 'Cases',
    id,
    userId,
    loadedDateModified: row.date_modified ?? null,
    fields,
  };
}

/** Set by SugarBean::save itself, whatever a form posts. */
const SAVE_STAMPS: ReadonlySet<string> = new Set([
  'id',
  'date_entered',
  'date_modified',
  'modified_user_id',
  'created_by',
  'deleted',
]);

/**
 * SuiteCRM 8's record view (core/app: the record's attributes as loaded, posted whole by the
 * GraphQL saveRecord), every attribute in database form, the change log and the bridge's
 * fields included.
 */
export function openRecordView8(deps: WebUiDeps, id: string, userId: string): OpenForm {
  const row = liveCase(deps, id);
  userOf(deps, userId);
  const fields: Record<string, string> = {};
  for (const field of deps.store.table('Cases').def.fields) {
    if (field.storage === 'non-db' || field.autoIncrement || SAVE_STAMPS.has(field.name)) continue;
    fields[field.name] = row[field.name] ?? '';
  }
  return {
    kind: 'record-view-8',
    module: 'Cases',
    id,
    userId,
    loadedDateModified: row.date_modified ?? null,
    fields,
  };
}

/** The person changes some inputs of an open form (values in their own formats). */
function applyChanges(
  deps: WebUiDeps,
  form: OpenForm,
  changes: Record<string, string>,
): Record<string, string> {
  const user = userOf(deps, form.userId);
  const posted = { ...form.fields };
  for (const [name, value] of Object.entries(changes)) {
    if (!(name in posted)) throw new Error(`the ${form.kind} form has no input for ${name}`);
    posted[name] = form.kind === 'edit-view' ? entered(fieldDef('Cases', deps, name), value, user) : value;
  }
  return posted;
}

/**
 * Saves an open form (include/MVC/Controller/SugarController.php action_save, populateFromPost,
 * SugarBean::save). The 7.14 edit view honours Cases' optimistic lock (modules/Cases/vardefs.php
 * `optimistic_locking`; data/SugarBean.php _checkOptimisticLocking): when another user saved the
 * case after the form was loaded, the person sees LockResolve and chooses. SuiteCRM 8's
 * record view has no such check.
 */
export function saveForm(
  deps: WebUiDeps,
  form: OpenForm,
  changes: Record<string, string>,
  options: FormSaveOptions = {},
): FormSaveResult {
  const posted = applyChanges(deps, form, changes);
  const current = liveCase(deps, form.id);
  if (form.kind === 'edit-view' && modifiedByOtherSince(current, form)) {
    const choice = options.onConflict ?? 'ask';
    if (choice !== 'accept-yours') return { outcome: 'conflict', record: current };
  }
  const record = saveRecord(
    deps.store,
    { module: 'Cases', existing: current, attributes: posted },
    { now: deps.now(), user: userOf(deps, form.userId), actor: 'person', newId: deps.newId },
  );
  return { outcome: 'saved', record };
}

/** data/SugarBean.php has_been_modified_since, as the lock asks it. */
function modifiedByOtherSince(current: Row, form: OpenForm): boolean {
  if (current.modified_user_id === form.userId) return false;
  return (current.date_modified ?? '') > (form.loadedDateModified ?? '');
}

/**
 * include/InlineEditing/InlineEditing.php saveField (modules/Home/controller.php
 * action_saveHTMLField): the one field set on the retrieved bean, then SugarBean::save. A
 * datetime comes from the same Datetimecombo widget as in the edit view.
 */
export function inlineEdit(
  deps: WebUiDeps,
  module: ModuleName,
  id: string,
  name: string,
  value: string,
  userId: string,
): Row {
  const table = deps.store.table(module);
  const existing = table.getLive(id);
  if (!existing) throw new Error(`${module} module with id ${id} is not found`);
  const user = userOf(deps, userId);
  const field = fieldDef(module, deps, name);
  if (field.storage === 'non-db') throw new Error(`${name} cannot be edited inline`);
  return saveRecord(
    deps.store,
    { module, existing, attributes: { [name]: entered(field, value, user) } },
    { now: deps.now(), user, actor: 'person', newId: deps.newId },
  );
}

/**
 * include/EditView/QuickCreate.php / SubpanelQuickCreate.php with modules/Cases/metadata/
 * quickcreatedefs.php: a new case from the fields of that form only, untouched ones posted
 * empty (or with the field's default, as the form shows it).
 */
export function quickCreate(deps: WebUiDeps, values: Record<string, string>, userId: string): Row {
  const user = userOf(deps, userId);
  const posted: Record<string, string> = {};
  for (const name of QUICK_CREATE_FIELDS) posted[name] = fieldDef('Cases', deps, name).defaultValue ?? '';
  for (const [name, value] of Object.entries(values)) {
    if (!QUICK_CREATE_FIELDS.includes(name))
      throw new Error(`the quick create form has no input for ${name}`);
    posted[name] = value;
  }
  return saveRecord(
    deps.store,
    { module: 'Cases', existing: undefined, attributes: posted },
    { now: deps.now(), user, actor: 'person', newId: deps.newId },
  );
}

/**
 * include/MassUpdate.php handleMassUpdate: the non-empty values of the mass update panel set
 * on each selected record, each saved in turn.
 */
export function massUpdate(
  deps: WebUiDeps,
  module: ModuleName,
  ids: readonly string[],
  values: Record<string, string>,
  userId: string,
): Row[] {
  const user = userOf(deps, userId);
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== '') attributes[name] = entered(fieldDef(module, deps, name), value, user);
  }
  return ids.map((id) => {
    const existing = deps.store.table(module).getLive(id);
    if (!existing) throw new Error(`${module} module with id ${id} is not found`);
    return saveRecord(
      deps.store,
      { module, existing, attributes },
      { now: deps.now(), user, actor: 'person', newId: deps.newId },
    );
  });
}
