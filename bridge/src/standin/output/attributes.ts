import type { StandInUser } from '../auth/users.js';
import { fullName } from '../auth/users.js';
import { decodeEntities, toHtml } from '../encoding/entities.js';
import { purify } from '../encoding/html-purifier.js';
import type { FieldDef } from '../schema/field-def.js';
import type { ModuleDef } from '../schema/module-defs.js';
import type { Row } from '../store/row.js';
import type { StandInStore } from '../store/stand-in-store.js';
import { apiDatetime } from './datetime-format.js';

const USER_NAME_OF: Record<string, string> = {
  assigned_user_name: 'assigned_user_id',
  created_by_name: 'created_by',
  modified_by_name: 'modified_user_id',
};

/** The value of a non-db field: relate names are looked up, link fields are "" or {}. */
export function virtualValue(store: StandInStore, def: ModuleDef, field: FieldDef, row: Row): string | null {
  const userColumn = USER_NAME_OF[field.name];
  if (userColumn) {
    const user = store.user(row[userColumn]);
    return user ? toHtml(fullName(user)) : '';
  }
  if (field.name === 'account_name' && def.name === 'Cases') {
    const account = row.account_id ? store.table('Accounts').getLive(row.account_id) : undefined;
    return account ? toHtml(account.name ?? '') : '';
  }
  const kept = row[field.name];
  return typeof kept === 'string' ? kept : null;
}

/** One attribute as the V8 API returns it (AttributeObjectHelper after retrieve). */
export function attributeValue(
  store: StandInStore,
  def: ModuleDef,
  field: FieldDef,
  row: Row,
  user: StandInUser | undefined,
): unknown {
  if (field.storage === 'non-db') {
    const value = virtualValue(store, def, field, row);
    if (value !== null) return value;
    return field.objectValued ? {} : '';
  }
  const value = row[field.name];
  if (value === null || value === undefined) return '';
  if (field.kind === 'datetime') return apiDatetime(value, user?.timezone ?? 'UTC');
  if (def.name === 'Cases' && field.name === 'description') {
    // AOP's Cases after_retrieve hook (filterHTML) runs the description through the sanitiser.
    return purify(decodeEntities(toHtml(value)));
  }
  return toHtml(value);
}

/**
 * A record's attributes in vardef order, all of them or the sparse `fields` ones (the order
 * of the vardefs, not of the request); `id` is never repeated here.
 */
export function recordAttributes(
  store: StandInStore,
  def: ModuleDef,
  row: Row,
  user: StandInUser | undefined,
  only?: readonly string[],
): Record<string, unknown> {
  const wanted = only ? new Set(only) : undefined;
  const attributes: Record<string, unknown> = {};
  for (const field of def.fields) {
    if (field.name === 'id') continue;
    if (wanted && !wanted.has(field.name)) continue;
    attributes[field.name] = attributeValue(store, def, field, row, user);
  }
  return attributes;
}
