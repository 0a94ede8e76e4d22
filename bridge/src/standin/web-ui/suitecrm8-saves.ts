import { CATALOGUE } from '../../catalogue/catalogue.js';
import type { ModuleName } from '../schema/module-defs.js';
import type { Row } from '../store/row.js';
import { saveRecord } from '../write/record-writer.js';
import { STOCK_EDIT_VIEW_FIELDS } from './case-forms.js';
import { type FormSaveResult, type OpenForm, saveForm, type WebUiDeps } from './web-ui-saves.js';

/**
 * SuiteCRM 8.8's Angular save paths other than the record view's own Save (which is
 * `openRecordView8` + `saveForm`). Each reaches the legacy SugarBean::save, and so the Cases
 * before_save hook, through a request to `<base>/api/graphql`, which SupportSla_SaveActor takes
 * as a person. Sources are SuiteCRM-Core 8.8.0 files.
 */

/**
 * The fields SuiteCRM 8 draws read-only in every mode: the package marks the detail-view cell of
 * every field the bridge or the hook writes `'readonly' => true` (RecordViewReadOnlyMapper), and
 * case_number is `'type' => 'readonly'` in modules/Cases/metadata/detailviewdefs.php.
 */
const READ_ONLY_8: ReadonlySet<string> = new Set([
  'case_number',
  ...CATALOGUE.fields.filter((f) => f.module === 'Cases' && f.writer !== 'staff').map((f) => f.name),
]);

/**
 * Inline edit on the record view. core/app/core/src/lib/components/field-layout/
 * field-layout.component.html shows the pencil only for a cell that is not read-only and not
 * `inline_edit: false`; its click runs the record's `edit` action
 * (views/record/adapters/record-content.adapter.ts getEditAction), which turns the whole page
 * into edit mode without reloading it. Save is then the record view's save: saveRecord with
 * every attribute the page loaded (store/record/graphql/api.record.save.ts), the one field
 * changed. So a page left open posts its stale copy, the change log included.
 */
export function inlineEditRecordView8(
  deps: WebUiDeps,
  form: OpenForm,
  field: string,
  value: string,
): FormSaveResult {
  if (form.kind !== 'record-view-8')
    throw new Error('inline edit on 8.x starts from an open 8.x record view');
  if (READ_ONLY_8.has(field))
    throw new Error(`${field} is read-only on the 8.x record view: it has no pencil`);
  return saveForm(deps, form, { [field]: value });
}

/** config/services/module/listview/bulk_actions.yaml: massupdate `min: 2`, `max: 200`. */
const MASS_UPDATE_MIN = 2;
const MASS_UPDATE_MAX = 200;

/**
 * The list view's bulk action "Mass update": GraphQL `createProcess` of type `bulk-massupdate`
 * (core/app/core/src/lib/services/process/process.service.ts), run by
 * core/backend/Process/Service/BulkActions/MassUpdateBulkAction.php through
 * core/backend/Data/LegacyHandler/MassUpdateHandler.php and
 * public/legacy/include/portability/Services/MassUpdate/MassUpdatePort.php `runMassUpdate`:
 * empty values are dropped (`parseInputs`), then for each selected id the bean is retrieved,
 * only the posted fields are set (`populateFromInputs`, SugarField save) and it is saved. The
 * panel offers only mass-updatable fields (MassUpdateDefinitionHandler with
 * config/services/legacy/massupdate_fields.yaml; the package's vardefs set `massupdate` false
 * on every field the bridge or the hook writes), but the handler sets whatever a request names,
 * so the stand-in accepts any stored field, as a hand-made GraphQL request could post it.
 * Values are in database form, as the Angular field posts them; datetimes are not modelled.
 */
export function massUpdate8(
  deps: WebUiDeps,
  module: ModuleName,
  ids: readonly string[],
  values: Record<string, string>,
  userId: string,
): Row[] {
  if (ids.length < MASS_UPDATE_MIN || ids.length > MASS_UPDATE_MAX)
    throw new Error(`8.x mass update takes ${MASS_UPDATE_MIN} to ${MASS_UPDATE_MAX} records`);
  const user = deps.store.user(userId);
  if (!user) throw new Error(`no user ${userId}`);
  const table = deps.store.table(module);
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const field = table.def.byName.get(name);
    if (!field) throw new Error(`${module} has no field ${name}`);
    if (field.kind === 'datetime') throw new Error('datetimes in the 8.x mass update are not modelled');
    if (value !== '') attributes[name] = value;
  }
  return ids.map((id) => {
    const existing = table.getLive(id);
    if (!existing) throw new Error(`${module} module with id ${id} is not found`);
    return saveRecord(
      deps.store,
      { module, existing, attributes },
      { now: deps.now(), user, actor: 'person', newId: deps.newId },
    );
  });
}

/** Cases fields on no panel: the change log, and the list's Response due sort key. */
const OFF_PANEL: ReadonlySet<string> = new Set([CATALOGUE.changeLog.field, 'sla_response_sort_c']);

/**
 * The record view's cells of a case (modules/Cases/metadata/detailviewdefs.php, which 8.x uses
 * for its create mode as well): the stock cells, relate fields by their id, and the package's
 * SLA panel, which holds every SLA field of the catalogue but those off it.
 */
const CREATE_VIEW_FIELDS_8: readonly string[] = [
  ...STOCK_EDIT_VIEW_FIELDS,
  ...CATALOGUE.fields.filter((f) => f.module === 'Cases' && !OFF_PANEL.has(f.name)).map((f) => f.name),
];

/**
 * Create from the Cases subpanel of an account. core/app/core/src/lib/containers/subpanel/
 * actions/create/create.action.ts routes to the create view with `relate_to`, `relate_id` and
 * the button's additionalFields from core/backend/ViewDefinitions/LegacyHandler/Subpanel/
 * CreateButtonMapper.php (`account_id` = the parent's id, `account_name`). CreateViewStore
 * initRecord sets the assigned user to the current one, the create mode fills vardef defaults
 * (services/record/field/field.builder.ts), and Save is saveRecord without an id
 * (RecordHandler::saveRecord), every cell of the form posted: `values` are what the person typed,
 * any other cell posts its default or blank. RelateToFieldMapper links the new case through
 * the relationship; for Cases that is the account_id the form posts.
 */
export function createFromSubpanel8(
  deps: WebUiDeps,
  accountId: string,
  values: Record<string, string>,
  userId: string,
): Row {
  const user = deps.store.user(userId);
  if (!user) throw new Error(`no user ${userId}`);
  if (!deps.store.table('Accounts').getLive(accountId)) throw new Error(`no account ${accountId}`);
  const def = deps.store.table('Cases').def;
  const posted: Record<string, string> = {};
  for (const name of CREATE_VIEW_FIELDS_8) posted[name] = def.byName.get(name)?.defaultValue ?? '';
  posted.account_id = accountId;
  posted.assigned_user_id = userId;
  for (const [name, value] of Object.entries(values)) {
    if (!CREATE_VIEW_FIELDS_8.includes(name)) throw new Error(`the 8.x create view has no cell for ${name}`);
    posted[name] = value;
  }
  return saveRecord(
    deps.store,
    { module: 'Cases', existing: undefined, attributes: posted },
    { now: deps.now(), user, actor: 'person', newId: deps.newId },
  );
}
