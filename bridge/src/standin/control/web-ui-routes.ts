import type { ModuleName } from '../schema/module-defs.js';
import type { UserPreferences } from '../store/stand-in-store.js';
import type { FormSaveOptions, OpenForm } from '../web-ui/web-ui-saves.js';
import type { StandInControl } from './control-api.js';

/**
 * The web UI's saves over the control API (control-routes.ts lists the paths):
 *
 *   POST /web-ui/edit-view          {caseId, userId, changes}          → {record}
 *   POST /web-ui/edit-view/open     {caseId, userId}                   → {form}
 *   POST /web-ui/record-view-8/open {caseId, userId}                   → {form}
 *   POST /web-ui/form/save          {form, changes, onConflict?}       → {outcome, record}
 *   POST /web-ui/inline-edit        {module, id, field, value, userId} → {record}
 *   POST /web-ui/quick-create       {values, userId}                   → {record}
 *   POST /web-ui/mass-update        {module, ids, values, userId}      → {records}
 *   POST /web-ui/record-view-8/inline-edit {form, field, value}        → {outcome, record}
 *   POST /web-ui/mass-update-8      {module, ids, values, userId}      → {records}
 *   POST /web-ui/subpanel-create-8  {accountId, values, userId}        → {record}
 *   POST /users/{id}/preferences    {timezone?, dateFormat?, timeFormat?}
 */
type Answer = [status: number, body: unknown];

function strings(value: unknown, what: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${what} must be an object of strings`);
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== 'string') throw new Error(`${what}.${key} must be a string`);
  }
  return value as Record<string, string>;
}

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value === '') throw new Error(`${name} is required`);
  return value;
}

export function webUiRoute(
  control: StandInControl,
  method: string,
  path: string,
  body: Record<string, unknown>,
): Answer | undefined {
  if (method !== 'POST') return undefined;
  const ui = control.webUi;
  const preferences = /^\/users\/([^/]+)\/preferences$/.exec(path);
  if (preferences) {
    control.setUserPreferences(decodeURIComponent(preferences[1] as string), body as UserPreferences);
    return [200, { ok: true }];
  }
  switch (path) {
    case '/web-ui/edit-view':
      return [
        200,
        {
          record: ui.saveEditView(
            text(body, 'caseId'),
            text(body, 'userId'),
            strings(body.changes, 'changes'),
          ),
        },
      ];
    case '/web-ui/edit-view/open':
      return [200, { form: ui.openEditView(text(body, 'caseId'), text(body, 'userId')) }];
    case '/web-ui/record-view-8/open':
      return [200, { form: ui.openRecordView8(text(body, 'caseId'), text(body, 'userId')) }];
    case '/web-ui/form/save': {
      const options: FormSaveOptions = {};
      if (
        body.onConflict === 'ask' ||
        body.onConflict === 'accept-yours' ||
        body.onConflict === 'accept-database'
      )
        options.onConflict = body.onConflict;
      return [200, ui.saveForm(body.form as OpenForm, strings(body.changes, 'changes'), options)];
    }
    case '/web-ui/inline-edit':
      return [
        200,
        {
          record: ui.inlineEdit(
            text(body, 'module') as ModuleName,
            text(body, 'id'),
            text(body, 'field'),
            typeof body.value === 'string' ? body.value : '',
            text(body, 'userId'),
          ),
        },
      ];
    case '/web-ui/quick-create':
      return [200, { record: ui.quickCreate(strings(body.values, 'values'), text(body, 'userId')) }];
    case '/web-ui/mass-update': {
      const ids = Array.isArray(body.ids) ? body.ids.map(String) : [];
      return [
        200,
        {
          records: ui.massUpdate(
            text(body, 'module') as ModuleName,
            ids,
            strings(body.values, 'values'),
            text(body, 'userId'),
          ),
        },
      ];
    }
    case '/web-ui/record-view-8/inline-edit':
      return [
        200,
        ui.inlineEditRecordView8(
          body.form as OpenForm,
          text(body, 'field'),
          typeof body.value === 'string' ? body.value : '',
        ),
      ];
    case '/web-ui/mass-update-8':
      return [
        200,
        {
          records: ui.massUpdate8(
            text(body, 'module') as ModuleName,
            Array.isArray(body.ids) ? body.ids.map(String) : [],
            strings(body.values, 'values'),
            text(body, 'userId'),
          ),
        },
      ];
    case '/web-ui/subpanel-create-8':
      return [
        200,
        {
          record: ui.createFromSubpanel8(
            text(body, 'accountId'),
            strings(body.values, 'values'),
            text(body, 'userId'),
          ),
        },
      ];
    default:
      return undefined;
  }
}
