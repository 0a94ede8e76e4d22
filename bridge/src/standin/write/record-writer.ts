import type { ChangeLogActor } from '../../catalogue/change-log-entry.js';
import type { StandInUser } from '../auth/users.js';
import { dbDatetime } from '../clock/virtual-clock.js';
import { decodeEntities, toHtml } from '../encoding/entities.js';
import { purifyHtml } from '../encoding/save-cleaning.js';
import { userDateToDbValue, userDatetimeToDbValue, userFormat } from '../output/user-format.js';
import { type FieldDef, isCleaned, isTrimmed } from '../schema/field-def.js';
import type { ModuleDef, ModuleName } from '../schema/module-defs.js';
import type { Row } from '../store/row.js';
import type { StandInStore } from '../store/stand-in-store.js';
import type { Bean } from './bean.js';
import { runCaseBeforeSave } from './case-hook.js';
import { columnNumber, isNumeric, phpBool, phpFloat, phpInt, phpString, phpTrim } from './php-values.js';

export interface SaveContext {
  now: number;
  /** The saving user (the token's user, or the person in the web UI). */
  user: StandInUser | undefined;
  actor: ChangeLogActor;
  newId: () => string;
}

export interface SaveInput {
  module: ModuleName;
  /** The stored row for an update; undefined to create. */
  existing: Row | undefined;
  /** A client-chosen id on create. */
  id?: string;
  attributes: Record<string, unknown>;
}

const DB_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function stored(field: FieldDef): boolean {
  return field.storage !== 'non-db' && field.name !== 'id';
}

/** SugarBean::retrieve (fetchByAssoc encodes every column with to_html) or a new bean with its defaults. */
function initialBean(def: ModuleDef, existing: Row | undefined): Bean {
  const bean: Bean = { values: new Map(), cleaned: new Set(), provided: new Set(), exact: new Set() };
  for (const field of def.fields) {
    if (!stored(field)) continue;
    if (existing) bean.values.set(field.name, toHtml(existing[field.name] ?? ''));
    else if (field.defaultValue !== undefined) bean.values.set(field.name, field.defaultValue);
  }
  return bean;
}

/** fixUpFormatting(): what a value becomes before it is written. */
function fixUp(field: FieldDef, value: string, user: StandInUser | undefined): string {
  // SugarBean::fixUpFormatting reads a value in the saving user's formats and zone (TimeDate::to_db).
  const format = userFormat(user);
  switch (field.kind) {
    case 'datetime':
      if (value === '' || DB_DATETIME.test(value)) return value;
      return userDatetimeToDbValue(value, format);
    case 'date':
      if (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
      return userDateToDbValue(value, format);
    case 'int':
      return value === '' ? value : phpInt(value);
    case 'float':
      return value === '' ? value : String(phpFloat(value));
    case 'bool':
      return phpBool(value);
    default:
      return value;
  }
}

/** The value a core column gets (DBManager::updateSQL / insertSQL, then massageValue and quoted()). */
function coreColumn(field: FieldDef, bean: Bean): string | null {
  const raw = bean.values.get(field.name) as string;
  let value = bean.cleaned.has(field.name) ? decodeEntities(raw) : decodeEntities(decodeEntities(raw));
  if (value === '') {
    if (field.defaultValue !== undefined && field.defaultValue !== '') value = field.defaultValue;
    else return null;
  }
  switch (field.kind) {
    case 'int':
      return phpInt(value);
    case 'float':
      return columnNumber(phpFloat(value), field.precision);
    case 'bool':
      return phpBool(value);
    case 'date':
    case 'datetime':
      return value;
    default:
      return field.len !== undefined && value.length > field.len ? value.slice(0, field.len) : value;
  }
}

/** The value a custom (`_cstm`) column gets (DynamicField::save, one from_html()). */
function customColumn(field: FieldDef, bean: Bean): string | null {
  const raw = bean.values.get(field.name) as string;
  switch (field.kind) {
    case 'int':
      return isNumeric(raw) ? phpInt(raw) : field.required ? '0' : null;
    case 'float':
      return isNumeric(raw) ? columnNumber(Number(raw), field.precision) : field.required ? '0' : null;
    case 'bool':
      return phpBool(raw);
    case 'date':
    case 'datetime':
      return raw === '' || raw === '1900-01-01' ? null : raw;
    default:
      return bean.cleaned.has(field.name) ? raw : decodeEntities(raw);
  }
}

/** The time-entry module copies the case's account onto the entry when it is saved. */
function fillAccountFromCase(store: StandInStore, bean: Bean): void {
  const caseId = bean.values.get('case_id');
  if (!caseId) return;
  const accountId = store.table('Cases').getLive(decodeEntities(caseId))?.account_id;
  if (accountId) bean.values.set('account_id', accountId);
}

/**
 * The package's time-entry hook (SupportSla_TimeEntrySubject) fills a blank subject from the
 * case, "#<case number>: <subject>", as stored; a typed subject is kept.
 */
function fillSubjectFromCase(store: StandInStore, bean: Bean): void {
  if ((bean.values.get('name') ?? '').trim() !== '') return;
  const caseId = bean.values.get('case_id');
  if (!caseId) return;
  const row = store.table('Cases').getLive(decodeEntities(caseId));
  if (!row) return;
  const number = String(row.case_number ?? '').trim();
  const name = String(row.name ?? '').trim();
  const subject = number === '' ? name : name === '' ? `#${number}` : `#${number}: ${name}`;
  if (subject !== '') bean.values.set('name', [...subject].slice(0, 255).join(''));
}

/**
 * SugarBean::save() as the V8 API drives it (ModuleService::createRecord / updateRecord):
 * attributes set on the bean (JSON null skipped), cleanBean() on every char/text/enum value,
 * fixUpFormatting(), date_modified/modified_user_id/created_by/date_entered, the package's
 * Cases before_save hook, then the column writers. Returns the stored row.
 */
export function saveRecord(store: StandInStore, input: SaveInput, context: SaveContext): Row {
  const table = store.table(input.module);
  const def = table.def;
  const { existing } = input;
  const bean = initialBean(def, existing);
  const userId = context.user?.id ?? '1';

  for (const [name, value] of Object.entries(input.attributes)) {
    const field = def.byName.get(name);
    if (!field || name === 'id') continue;
    const text = phpString(value);
    if (text === undefined) {
      // A JSON null unsets the property: update keeps the column, create falls back to its default.
      bean.values.delete(name);
      continue;
    }
    bean.values.set(name, text);
    bean.provided.add(name);
  }

  // cleanBean(): every char/text/enum value, provided or not, is trimmed (name, varchar) and sanitised.
  for (const field of def.fields) {
    if (!stored(field) || !isCleaned(field)) continue;
    let value = bean.values.get(field.name);
    if (value === undefined) continue;
    if (isTrimmed(field)) value = phpTrim(value);
    if (value === '' || value === '0') {
      bean.values.set(field.name, value);
      continue;
    }
    bean.values.set(field.name, purifyHtml(value));
    bean.cleaned.add(field.name);
  }

  // fixUpFormatting() skips values equal to the fetched row; a NULL column is never equal.
  for (const field of def.fields) {
    if (!stored(field) || field.kind === 'string') continue;
    const value = bean.values.get(field.name);
    if (value === undefined) continue;
    const untouched = existing && !bean.provided.has(field.name) && existing[field.name] != null;
    if (!untouched) bean.values.set(field.name, fixUp(field, value, context.user));
  }

  const now = dbDatetime(context.now);
  if (!bean.provided.has('date_modified') || (bean.values.get('date_modified') ?? '') === '') {
    bean.values.set('date_modified', now);
  }
  if (!bean.provided.has('modified_user_id') && !bean.provided.has('modified_by_name')) {
    bean.values.set('modified_user_id', userId);
  }
  if (bean.values.get('deleted') !== '1') bean.values.set('deleted', '0');
  let id: string;
  if (existing) {
    id = existing.id;
    if (!bean.provided.has('date_entered')) bean.values.delete('date_entered');
  } else {
    id = input.id ?? context.newId();
    if ((bean.values.get('date_entered') ?? '') === '')
      bean.values.set('date_entered', bean.values.get('date_modified'));
    if (!bean.provided.has('created_by') && !bean.provided.has('created_by_name'))
      bean.values.set('created_by', userId);
  }

  if (input.module === 'SLA_TimeEntries') {
    fillAccountFromCase(store, bean);
    if (store.withPackage) fillSubjectFromCase(store, bean);
  }
  if (input.module === 'Cases' && store.withPackage) {
    runCaseBeforeSave(bean, existing, {
      now: context.now,
      userId: context.user?.id ?? null,
      actor: context.actor,
      fieldDefs: def.byName,
    });
  }

  const row: Record<string, string | null | undefined> = existing ? { ...existing } : {};
  row.id = id;
  for (const field of def.fields) {
    if (!stored(field)) continue;
    const name = field.name;
    if (field.autoIncrement) {
      if (!existing) row[name] = String(table.nextAutoIncrement());
      continue;
    }
    if (name === 'deleted' && existing && bean.values.get('deleted') !== '1') continue;
    if (bean.values.get(name) === undefined) {
      if (!existing)
        row[name] = field.defaultValue !== undefined && field.defaultValue !== '' ? field.defaultValue : null;
      continue;
    }
    row[name] = field.storage === 'custom' ? customColumn(field, bean) : coreColumn(field, bean);
    // A later save rewrites custom datetimes to the minute (docs/package-internals.md#datetimes-on-later-saves), except those
    // the Cases hook put back from fetched_row.
    const value = row[name];
    if (
      existing &&
      field.storage === 'custom' &&
      field.kind === 'datetime' &&
      !bean.provided.has(name) &&
      !bean.exact.has(name) &&
      typeof value === 'string' &&
      DB_DATETIME.test(value)
    ) {
      row[name] = `${value.slice(0, 17)}00`;
    }
  }
  const saved = row as Row;
  table.put(saved);
  // The package's after_save hook: one more save of this module on the change marker.
  if (store.withPackage) store.changeMarker.bump(input.module, context.now);
  return saved;
}
