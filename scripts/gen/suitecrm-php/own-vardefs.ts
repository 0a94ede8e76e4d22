import {
  fieldsOf,
  isMachineWritten,
  labelKey,
  relationshipsInto,
} from '../../../bridge/src/catalogue/catalogue.js';
import type {
  Catalogue,
  CatalogueField,
  CatalogueRelationship,
  ModuleName,
} from '../../../bridge/src/catalogue/catalogue-schema.js';
import { validationVardef } from '../form-validation.js';
import type { GeneratedFile } from '../generated-file.js';
import { CATALOGUE_SOURCE } from '../notice.js';
import { inPackage, moduleDir } from '../package-layout.js';
import { type PhpValue, phpAssign, phpFile, phpString, phpValue } from '../php-source.js';
import { fieldComment, label, notice, type PackageContext } from './context.js';
import { indexVardef } from './stock-vardefs.js';

/** The vardefs of the package's own module (the time entries): its fields and its side of each relationship. */
/** A field of the package's own module as a plain vardef of its table. */
function ownFieldVardef(field: CatalogueField, context: PackageContext): Record<string, PhpValue> {
  const machine = isMachineWritten(field);
  const def: Record<string, PhpValue> = {
    name: field.name,
    vname: labelKey(field),
    type: field.type === 'datetimecombo' ? 'datetimecombo' : field.type,
  };
  if (field.type === 'datetimecombo') def.dbType = 'datetime';
  if (field.len !== undefined) def.len = field.len;
  if (field.precision !== undefined) def.precision = field.precision;
  if (field.options !== undefined) def.options = field.options;
  if (field.default !== undefined) def.default = field.default;
  def.required = field.required;
  def.audited = field.audited;
  def.reportable = true;
  def.inline_edit = !machine;
  def.massupdate = !machine && field.type === 'enum';
  def.importable = machine ? false : field.required ? 'required' : true;
  def.comments = fieldComment(field, context);
  // SuiteCRM's key for a form default: "now" is today in the user's time zone (SugarBean::parseDateDefault on 7.14, DateTimeService::getDefaultDate on 8.x).
  if (field.displayDefault !== undefined) def.display_default = field.displayDefault;
  return { ...def, ...validationVardef(field) };
}

/**
 * The relate field of the module's side of a relationship: `<relationship>_name`, as Module Builder
 * names it, because a subpanel's create button fills `<relationship>_name` and the field's id_name
 * from the parent record (SugarWidgetSubPanelTopButtonQuickCreate), so a time entry created from a
 * case's subpanel starts with its case filled in.
 */
export function relateFieldName(relationship: CatalogueRelationship): string {
  return `${relationship.name}_name`;
}

/** The relate and link fields of the module's side of each relationship (sla_timeentries_cases_name + sla_case...). */
function rhsRelationVardefs(
  relationship: CatalogueRelationship,
  catalogue: Catalogue,
): Array<[string, PhpValue]> {
  const lhs = catalogue.modules[relationship.lhsModule];
  const relateName = relateFieldName(relationship);
  const idField = catalogue.fields.find(
    (f) => f.module === relationship.rhsModule && f.name === relationship.rhsKey,
  );
  return [
    [
      relateName,
      {
        name: relateName,
        // LBL_CASE_NAME for case_id: the label says what the field is, whatever it is called.
        vname: label(
          relationship.rhsModule,
          `LBL_${relationship.rhsKey.replace(/_id$/, '').toUpperCase()}_NAME`,
          catalogue,
        ),
        type: 'relate',
        source: 'non-db',
        id_name: relationship.rhsKey,
        module: relationship.lhsModule,
        table: lhs.table,
        rname: 'name',
        link: relationship.rhsLink,
        required: idField?.required ?? false,
        massupdate: false,
        // The id field is the one an import must map; 'required' here too would demand both columns.
        importable: true,
        audited: false,
        reportable: true,
      },
    ],
    [
      relationship.rhsLink,
      {
        name: relationship.rhsLink,
        vname: label(relationship.rhsModule, `LBL_${relationship.rhsLink.toUpperCase()}`, catalogue),
        type: 'link',
        relationship: relationship.name,
        source: 'non-db',
        module: relationship.lhsModule,
        bean_name: lhs.beanClass,
        link_type: 'one',
        side: 'right',
        id_name: relationship.rhsKey,
      },
    ],
  ];
}

export function ownVardefsFile(module: ModuleName, context: PackageContext): GeneratedFile {
  const { catalogue } = context;
  const info = catalogue.modules[module];
  const fields: Record<string, PhpValue> = {};
  for (const field of fieldsOf(module, {}, catalogue)) fields[field.name] = ownFieldVardef(field, context);
  const relationships = relationshipsInto(module, catalogue);
  for (const relationship of relationships) {
    for (const [name, def] of rhsRelationVardefs(relationship, catalogue)) fields[name] = def;
  }
  const indices: PhpValue[] = relationships.map((relationship) => ({
    name: `idx_${info.table}_${relationship.rhsKey}`,
    type: 'index',
    fields: [relationship.rhsKey, 'deleted'],
  }));
  for (const field of fieldsOf(module, {}, catalogue).filter((f) => f.type === 'date')) {
    indices.push({ name: `idx_${info.table}_${field.name}`, type: 'index', fields: [field.name, 'deleted'] });
  }
  for (const index of info.indices ?? []) indices.push(indexVardef(index));
  const dictionary: Record<string, PhpValue> = {
    table: info.table,
    audited: true,
    inline_edit: true,
    duplicate_merge: false,
    unified_search: false,
    optimistic_locking: true,
    fields,
    relationships: {},
    indices,
  };
  const body = [
    phpAssign('dictionary', [info.objectName], dictionary),
    '',
    "// The standard fields (id, name, dates, description, deleted, assigned user, security groups) come from SuiteCRM's templates.",
    "if (!class_exists('VardefManager')) {",
    "    require_once 'include/SugarObjects/VardefManager.php';",
    '}',
    `VardefManager::createVardef(${phpString(module)}, ${phpString(info.objectName)}, ${phpValue(['basic', 'assignable', 'security_groups'])});`,
    '',
    "// The subject is optional: the package's before_save hook fills a blank one from the case's number and subject.",
    `if (isset($dictionary[${phpString(info.objectName)}]['fields']['name'])) {`,
    `    ${phpAssign('dictionary', [info.objectName, 'fields', 'name', 'required'], false)}`,
    `    ${phpAssign('dictionary', [info.objectName, 'fields', 'name', 'importable'], true)}`,
    '}',
  ];
  return {
    path: inPackage(`${moduleDir(module)}/vardefs.php`),
    content: phpFile(notice([CATALOGUE_SOURCE]), body),
  };
}
