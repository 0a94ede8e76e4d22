import { CATALOGUE } from '../../catalogue/catalogue.js';

/**
 * The Cases forms of SuiteCRM 7.14.6's web UI as the package's layout leaves them, and the
 * fields each one posts. Cells shown read-only (`type => readonly`, or the package's
 * `customCode` for its read-only dropdowns) have no input, so they are not posted; relate
 * fields post their hidden id input.
 */

/**
 * modules/Cases/metadata/editviewdefs.php: case_number (readonly), priority, state, status,
 * type, account_name (posts account_id), name, description, resolution, assigned_user_name
 * (posts assigned_user_id). update_text, internal and case_update_form are non-db (AOP).
 */
export const STOCK_EDIT_VIEW_FIELDS: readonly string[] = [
  'priority',
  'state',
  'status',
  'type',
  'account_id',
  'name',
  'description',
  'resolution',
  'assigned_user_id',
];

/**
 * The package's SLA panel (SupportSla_Layout::panelCells): the fields staff write are editable;
 * those the bridge or the hook write are shown read-only and never posted.
 */
export const PACKAGE_EDIT_VIEW_FIELDS: readonly string[] = CATALOGUE.fields
  .filter((field) => field.module === 'Cases' && field.writer === 'staff')
  .map((field) => field.name);

export const EDIT_VIEW_FIELDS: readonly string[] = [...STOCK_EDIT_VIEW_FIELDS, ...PACKAGE_EDIT_VIEW_FIELDS];

/**
 * modules/Cases/metadata/quickcreatedefs.php (include/EditView/QuickCreate.php and
 * SubpanelQuickCreate.php use it when it exists): name, priority, status, account_name,
 * assigned_user_name, description. The package adds its panel to the detail and edit views
 * only, so a quick-created case has no SLA field set by the form.
 */
export const QUICK_CREATE_FIELDS: readonly string[] = [
  'name',
  'priority',
  'status',
  'account_id',
  'assigned_user_id',
  'description',
];
