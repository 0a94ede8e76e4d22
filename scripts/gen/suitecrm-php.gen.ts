import {
  CATALOGUE,
  catalogueHash,
  enumOptions,
  fieldsOf,
  isMachineWritten,
  labelKey,
  moduleLabels,
  type PlanOption,
  relationshipsInto,
} from '../../bridge/src/contract/catalogue.js';
import {
  type Catalogue,
  type CatalogueField,
  type CatalogueRelationship,
  LANGUAGES,
  type Language,
  MODULE_NAMES,
  type ModuleName,
} from '../../bridge/src/contract/catalogue-schema.js';
import { CHANGE_LOG_ACTORS } from '../../bridge/src/contract/change-log-entry.js';
import { formatPackageStamp } from '../../bridge/src/contract/package-stamp.js';
import { validatedFields, validationMessages, validationVardef } from './form-validation.js';
import type { GeneratedFile } from './generated-file.js';
import { CATALOGUE_SOURCE, POLICY_SOURCE, slashNotice } from './notice.js';
import { PACKAGE_DEFINITION, type PackageDefinition } from './package-definition.js';
import {
  CONTRACT_CONSTANTS_PATH,
  inPackage,
  languageExtensionPath,
  layoutdefExtensionPath,
  moduleDir,
  overrideVardefPath,
  relationshipMetadataPath,
  subpanelOverridePath,
  vardefExtensionPath,
} from './package-layout.js';
import { type PhpValue, phpAssign, phpFile, phpString, phpValue } from './php-source.js';
import { defaultPolicyPlans, packageVersion } from './sources.js';

/**
 * The package's PHP generated from the field catalogue: labels and dropdowns (en_us, es_ES),
 * vardef extensions of Accounts and Cases (link fields; bridge- and hook-written fields kept out
 * of inline edit, mass update and import), the time-entry module's vardefs and language files,
 * the relationship metadata, placeholders for the `_override_sugarfield_*` files SuiteCRM
 * writes (so uninstall removes them), and the contract constants the package's PHP reads.
 */
const GENERATOR = 'scripts/gen/suitecrm-php.gen.ts';

export interface PackageContext {
  catalogue: Catalogue;
  plans: PlanOption[];
  version: string;
  hash: string;
  definition: PackageDefinition;
}

export function packageContext(): PackageContext {
  return {
    catalogue: CATALOGUE,
    plans: defaultPolicyPlans(),
    version: packageVersion(),
    hash: catalogueHash(CATALOGUE),
    definition: PACKAGE_DEFINITION,
  };
}

/** The `comments` of every field the package installs: package version and catalogue hash (doctor reads them). */
export function fieldComment(field: CatalogueField, context: PackageContext): string {
  const base = { version: context.version, catalogueHash: context.hash };
  if (field.options === undefined || context.catalogue.enums[field.options]?.source !== 'policy') {
    return formatPackageStamp(base);
  }
  const keys = enumOptions(field.options, context.plans, context.catalogue)
    .map((option) => option.key)
    .filter((key) => key !== '');
  return formatPackageStamp({ ...base, plans: keys });
}

const notice = (sources: string[] = [CATALOGUE_SOURCE]) => slashNotice(GENERATOR, sources);

function stockModules(catalogue: Catalogue): ModuleName[] {
  return MODULE_NAMES.filter((module) => !catalogue.modules[module].packageOwned);
}

function ownModules(catalogue: Catalogue): ModuleName[] {
  return MODULE_NAMES.filter((module) => catalogue.modules[module].packageOwned);
}

/** Field labels then the module's other strings, as `key => text` for one language. */
function moduleStrings(
  module: ModuleName,
  language: Language,
  catalogue: Catalogue,
): Array<[string, string]> {
  const strings: Array<[string, string]> = fieldsOf(module, {}, catalogue).map((field) => [
    labelKey(field),
    field.labels[language],
  ]);
  for (const [key, labels] of Object.entries(moduleLabels(module, catalogue)))
    strings.push([key, labels[language]]);
  const seen = new Set<string>();
  for (const [key] of strings) {
    if (seen.has(key))
      throw new Error(`${module}: label ${key} is defined twice (a field label and catalogue.labels)`);
    seen.add(key);
  }
  return strings;
}

function stockLanguageFile(module: ModuleName, language: Language, catalogue: Catalogue): GeneratedFile {
  const lines = moduleStrings(module, language, catalogue).map(([key, text]) =>
    phpAssign('mod_strings', [key], text),
  );
  return { path: inPackage(languageExtensionPath(module, language)), content: phpFile(notice(), lines) };
}

function applicationLanguageFile(language: Language, context: PackageContext): GeneratedFile {
  const { catalogue } = context;
  const lines: string[] = [];
  for (const name of Object.keys(catalogue.enums)) {
    const options = new Map<string, PhpValue>();
    for (const option of enumOptions(name, context.plans, catalogue))
      options.set(option.key, option[language]);
    lines.push(phpAssign('app_list_strings', [name], options));
  }
  for (const [key, text] of validationMessages(catalogue, language)) {
    lines.push(phpAssign('app_strings', [key], text));
  }
  for (const module of ownModules(catalogue)) {
    const info = catalogue.modules[module];
    if (info.labels) lines.push(phpAssign('app_list_strings', ['moduleList', module], info.labels[language]));
    if (info.singularLabels) {
      lines.push(
        phpAssign('app_list_strings', ['moduleListSingular', module], info.singularLabels[language]),
      );
    }
  }
  return {
    path: inPackage(languageExtensionPath('application', language)),
    content: phpFile(notice([CATALOGUE_SOURCE, POLICY_SOURCE]), lines),
  };
}

/** A label key a generated vardef uses must exist in the module's strings (both languages come from one list). */
function label(module: ModuleName, key: string, catalogue: Catalogue): string {
  if (!moduleStrings(module, 'en_us', catalogue).some(([known]) => known === key)) {
    throw new Error(`${module} needs the label ${key}: add it to catalogue.labels.${module}`);
  }
  return key;
}

/** The link field on the "one" side of a relationship (e.g. Cases.sla_timeentries). */
function lhsLinkVardef(relationship: CatalogueRelationship, catalogue: Catalogue): Record<string, PhpValue> {
  return {
    name: relationship.lhsLink,
    type: 'link',
    relationship: relationship.name,
    source: 'non-db',
    module: relationship.rhsModule,
    bean_name: catalogue.modules[relationship.rhsModule].beanClass,
    vname: label(relationship.lhsModule, `LBL_${relationship.lhsLink.toUpperCase()}`, catalogue),
  };
}

function stockVardefFile(module: ModuleName, catalogue: Catalogue): GeneratedFile {
  const object = catalogue.modules[module].objectName;
  const lines: string[] = [];
  for (const relationship of catalogue.relationships.filter((r) => r.lhsModule === module)) {
    lines.push(
      '// The link to the time entries: subpanels, the V8 relationship route and AOR reports go through it.',
      phpAssign(
        'dictionary',
        [object, 'fields', relationship.lhsLink],
        lhsLinkVardef(relationship, catalogue),
      ),
      '',
    );
  }
  const machine = fieldsOf(module, {}, catalogue).filter(isMachineWritten);
  if (machine.length > 0) {
    lines.push(
      '// Fields the bridge or the package hook writes: not inline-editable, mass-updatable or importable.',
      '// Loaded before SuiteCRM merges fields_meta_data, whose values never overwrite keys set here.',
    );
    for (const field of machine) {
      lines.push(
        phpAssign('dictionary', [object, 'fields', field.name, 'inline_edit'], false),
        phpAssign('dictionary', [object, 'fields', field.name, 'massupdate'], false),
        phpAssign('dictionary', [object, 'fields', field.name, 'importable'], false),
      );
    }
  }
  const required = fieldsOf(module, { writer: 'staff' }, catalogue).filter((field) => field.required);
  if (required.length > 0) {
    lines.push(
      '',
      '// Required in every form; set here as well as in fields_meta_data so that an upgrade of an installed field gets it.',
    );
    for (const field of required)
      lines.push(phpAssign('dictionary', [object, 'fields', field.name, 'required'], true));
  }
  const validated = validatedFields(catalogue).filter((field) => field.module === module);
  if (validated.length > 0) {
    lines.push(
      '',
      "// What the forms check before a save (scripts/gen/form-validation.ts): 7.14 runs 'validation',",
      "// 8.x the integer 'validations' ranges; inline edit is off where 7.14's would skip the check.",
    );
    for (const field of validated) {
      for (const [key, value] of Object.entries(validationVardef(field))) {
        lines.push(phpAssign('dictionary', [object, 'fields', field.name, key], value));
      }
    }
  }
  for (const index of catalogue.modules[module].indices ?? []) {
    lines.push(
      '',
      `// ${index.why}`,
      '// Keyed by name, so loading the extension twice adds it once; repair creates it.',
      phpAssign('dictionary', [object, 'indices', index.name], indexVardef(index)),
    );
  }
  return { path: inPackage(vardefExtensionPath(module)), content: phpFile(notice(), lines) };
}

/** A catalogue index as a vardef index. */
function indexVardef(index: { name: string; fields: string[] }): Record<string, PhpValue> {
  return { name: index.name, type: 'index', fields: index.fields };
}

function overridePlaceholder(field: CatalogueField): GeneratedFile {
  const body = [
    `// Placeholder for the file SuiteCRM's DynamicField writes for ${field.name} when the package`,
    '// installs the field (it replaces this content). Listed in the manifest as a vardefs extension',
    "// so that SuiteCRM's uninstall deletes it, which its custom-field removal does not.",
  ];
  return { path: inPackage(overrideVardefPath(field.module, field.name)), content: phpFile(notice(), body) };
}

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

function ownVardefsFile(module: ModuleName, context: PackageContext): GeneratedFile {
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

function ownLanguageFile(module: ModuleName, language: Language, catalogue: Catalogue): GeneratedFile {
  const strings: Record<string, PhpValue> = {};
  for (const [key, text] of moduleStrings(module, language, catalogue)) strings[key] = text;
  return {
    path: inPackage(`${moduleDir(module)}/language/${language}.lang.php`),
    content: phpFile(notice(), [`$mod_strings = ${phpValue(strings)};`]),
  };
}

function relationshipFile(relationship: CatalogueRelationship, catalogue: Catalogue): GeneratedFile {
  const lhs = catalogue.modules[relationship.lhsModule];
  const rhs = catalogue.modules[relationship.rhsModule];
  const definition: PhpValue = {
    true_relationship_type: 'one-to-many',
    relationships: {
      [relationship.name]: {
        lhs_module: relationship.lhsModule,
        lhs_table: lhs.table,
        lhs_key: 'id',
        rhs_module: relationship.rhsModule,
        rhs_table: rhs.table,
        rhs_key: relationship.rhsKey,
        relationship_type: 'one-to-many',
      },
    },
  };
  return {
    path: inPackage(relationshipMetadataPath(relationship.name)),
    content: phpFile(notice(), [
      `// One-to-many, no join table: the time entry's ${relationship.rhsKey} holds the ${relationship.lhsModule} id.`,
      phpAssign('dictionary', [relationship.name], definition),
    ]),
  };
}

/** The "Support time" subpanel under the module on the one side of a relationship, with quick create. */
function subpanelLayoutdefFile(module: ModuleName, catalogue: Catalogue): GeneratedFile {
  const lines: string[] = [];
  for (const relationship of catalogue.relationships.filter((r) => r.lhsModule === module)) {
    const rhs = catalogue.modules[relationship.rhsModule];
    const dateField = fieldsOf(relationship.rhsModule, {}, catalogue).find((f) => f.type === 'date');
    lines.push(
      `// Its ${rhs.labels?.en_us ?? relationship.rhsModule} records, newest first; the button opens the quick create form with this record filled in.`,
      phpAssign('layout_defs', [module, 'subpanel_setup', relationship.lhsLink], {
        order: 100,
        module: relationship.rhsModule,
        subpanel_name: 'default',
        sort_order: 'desc',
        sort_by: dateField?.name ?? 'date_entered',
        title_key: label(module, `LBL_${relationship.lhsLink.toUpperCase()}_SUBPANEL_TITLE`, catalogue),
        get_subpanel_data: relationship.lhsLink,
        top_buttons: [{ widget_class: 'SubPanelTopButtonQuickCreate' }],
      }),
      '',
    );
  }
  return { path: inPackage(layoutdefExtensionPath(module)), content: phpFile(notice(), lines) };
}

/**
 * What Studio writes (with the same content) when an admin edits the columns of the subpanel. Shipped
 * as a layoutdefs entry so SuiteCRM's uninstall deletes it: left behind, it would define a subpanel
 * with no module on every detail view of the module. SuiteCRM uses the named subpanel only when
 * custom/modules/<child>/metadata/subpanels/<name>.php exists, so until an admin edits the
 * subpanel it changes nothing.
 */
function subpanelOverrideFile(relationship: CatalogueRelationship, catalogue: Catalogue): GeneratedFile {
  const module = relationship.lhsModule;
  const object = catalogue.modules[module].objectName;
  return {
    path: inPackage(subpanelOverridePath(module, object, relationship.lhsLink)),
    content: phpFile(notice(), [
      '// The subpanel columns an admin sets in Studio (custom/modules/<module>/metadata/subpanels/), when there are any.',
      phpAssign(
        'layout_defs',
        [module, 'subpanel_setup', relationship.lhsLink, 'override_subpanel_name'],
        `${object}_subpanel_${relationship.lhsLink}`,
      ),
    ]),
  };
}

/** A catalogue field of a module, or a generation error naming where it was asked for. */
function requireField(module: ModuleName, name: string, where: string, catalogue: Catalogue): CatalogueField {
  const field = fieldsOf(module, {}, catalogue).find((f) => f.name === name);
  if (field === undefined) throw new Error(`${where}: ${module} has no catalogue field ${name}`);
  return field;
}

/** How post_install shows a catalogue field in a layout: its label, its type, read-only when machine-written. */
function layoutField(field: CatalogueField): PhpValue {
  return new Map<string, PhpValue>([
    ['name', field.name],
    ['label', labelKey(field)],
    ['type', field.type],
    ['readonly', isMachineWritten(field)],
  ]);
}

function layoutPanels(context: PackageContext): PhpValue {
  const { catalogue, definition } = context;
  const out = new Map<string, PhpValue>();
  for (const panel of definition.layoutPanels) {
    const where = `package-definition.ts layoutPanels.${panel.module}`;
    if (out.has(panel.module)) throw new Error(`${where}: one panel per module`);
    if (!/^lbl_[a-z0-9_]+$/.test(panel.panel))
      throw new Error(`${where}: panel key ${panel.panel} is not lbl_...`);
    label(panel.module, panel.panel.toUpperCase(), catalogue);
    if (new Set(panel.fields).size !== panel.fields.length)
      throw new Error(`${where}: a field is listed twice`);
    const quickCreate = panel.quickCreate ?? [];
    for (const name of quickCreate) {
      if (!panel.fields.includes(name))
        throw new Error(`${where}: quick create field ${name} is not in fields`);
      if (isMachineWritten(requireField(panel.module, name, where, catalogue)))
        throw new Error(`${where}: quick create field ${name} is not staff-written`);
    }
    out.set(
      panel.module,
      new Map<string, PhpValue>([
        ['panel', panel.panel],
        [
          'fields',
          panel.fields.map((name) => layoutField(requireField(panel.module, name, where, catalogue))),
        ],
        [
          'quick_create',
          quickCreate.map((name) => layoutField(requireField(panel.module, name, where, catalogue))),
        ],
      ]),
    );
  }
  return out;
}

function listColumns(context: PackageContext): PhpValue {
  const { catalogue, definition } = context;
  const out = new Map<string, PhpValue>();
  for (const columns of definition.listColumns) {
    const where = `package-definition.ts listColumns.${columns.module}`;
    if (out.has(columns.module)) throw new Error(`${where}: one entry per module`);
    out.set(
      columns.module,
      new Map<string, PhpValue>([
        ['after', columns.after.toUpperCase()],
        [
          'fields',
          columns.fields.map((name) => layoutField(requireField(columns.module, name, where, catalogue))),
        ],
      ]),
    );
  }
  return out;
}

function contractConstantsFile(context: PackageContext): GeneratedFile {
  const { catalogue } = context;
  const byWriter = (writer: 'bridge' | 'hook') => {
    const out: Record<string, PhpValue> = {};
    for (const module of MODULE_NAMES) {
      const names = fieldsOf(module, { writer }, catalogue).map((field) => field.name);
      if (names.length > 0) out[module] = names;
    }
    return out;
  };
  const constant = (name: string, value: PhpValue, doc: string) =>
    `    /** ${doc} */\n    const ${name} = ${phpValue(value, '    ')};\n`;
  const body = [
    "/** The data contract as the package's PHP needs it (the hook, install scripts, doctor's stamp). */",
    'class SupportSla_Contract',
    '{',
    [
      constant('PACKAGE_VERSION', context.version, 'package.json version the package was built from'),
      constant(
        'CATALOGUE_HASH',
        context.hash,
        'sha256 of the field catalogue (catalogueHash() in the bridge)',
      ),
      constant('CHANGE_LOG_FIELD', catalogue.changeLog.field, 'the Cases field holding the change log'),
      constant(
        'CHANGE_LOG_TRACKED',
        catalogue.changeLog.tracked as Record<string, string>,
        'entry name => Cases field, in the order entries are written',
      ),
      constant('CHANGE_LOG_ACTORS', [...CHANGE_LOG_ACTORS], 'the kinds of actor an entry may name'),
      constant(
        'PLAN_KEYS',
        enumOptions('sla_plan_list', context.plans, catalogue).map((o) => o.key),
        'keys of sla_plan_list as shipped',
      ),
      constant('BRIDGE_FIELDS', byWriter('bridge'), 'module => fields only the bridge writes'),
      constant('HOOK_FIELDS', byWriter('hook'), 'module => fields only the package hook writes'),
      constant(
        'STOCK_MODULE_FIELDS',
        stockFieldNames(catalogue),
        "stock module => every field the package adds to it (uninstall takes them out of the module's layouts)",
      ),
      constant(
        'LAYOUT_PANELS',
        layoutPanels(context),
        'module => the panel post_install adds to its detail and edit views (header: the upper-cased key), and the fields it adds to its quick create form',
      ),
      constant(
        'LIST_COLUMNS',
        listColumns(context),
        'module => the columns post_install adds to its list view, after the column `after`',
      ),
      constant(
        'STOCK_INDICES',
        stockIndices(catalogue),
        'index name => the stock table it is on: repair never drops an index, so the uninstall does',
      ),
      constant(
        'RELATIONSHIPS',
        relationshipConstants(catalogue),
        'relationship => its modules, the time entry key holding the one side id, its metadata file',
      ),
    ].join('\n'),
    '}',
  ];
  return {
    path: inPackage(CONTRACT_CONSTANTS_PATH),
    content: phpFile(
      notice([CATALOGUE_SOURCE, POLICY_SOURCE, 'package.json', 'scripts/gen/package-definition.ts']),
      body,
    ),
  };
}

function stockFieldNames(catalogue: Catalogue): PhpValue {
  const out = new Map<string, PhpValue>();
  for (const module of stockModules(catalogue)) {
    out.set(
      module,
      fieldsOf(module, {}, catalogue).map((field) => field.name),
    );
  }
  return out;
}

function stockIndices(catalogue: Catalogue): PhpValue {
  const out = new Map<string, PhpValue>();
  for (const module of stockModules(catalogue)) {
    const info = catalogue.modules[module];
    for (const index of info.indices ?? []) out.set(index.name, info.table);
  }
  return out;
}

function relationshipConstants(catalogue: Catalogue): PhpValue {
  const out = new Map<string, PhpValue>();
  for (const relationship of catalogue.relationships) {
    out.set(
      relationship.name,
      new Map<string, PhpValue>([
        ['lhs_module', relationship.lhsModule],
        ['rhs_module', relationship.rhsModule],
        ['rhs_key', relationship.rhsKey],
        ['metadata', relationshipMetadataPath(relationship.name)],
      ]),
    );
  }
  return out;
}

export function generatePackagePhp(context: PackageContext): GeneratedFile[] {
  const { catalogue } = context;
  const files: GeneratedFile[] = [];
  for (const language of LANGUAGES) files.push(applicationLanguageFile(language, context));
  for (const module of stockModules(catalogue)) {
    for (const language of LANGUAGES) files.push(stockLanguageFile(module, language, catalogue));
    files.push(stockVardefFile(module, catalogue));
    for (const field of fieldsOf(module, {}, catalogue)) files.push(overridePlaceholder(field));
    if (catalogue.relationships.some((r) => r.lhsModule === module)) {
      files.push(subpanelLayoutdefFile(module, catalogue));
    }
  }
  for (const relationship of catalogue.relationships) {
    if (!catalogue.modules[relationship.lhsModule].packageOwned) {
      files.push(subpanelOverrideFile(relationship, catalogue));
    }
  }
  for (const module of ownModules(catalogue)) {
    files.push(ownVardefsFile(module, context));
    for (const language of LANGUAGES) files.push(ownLanguageFile(module, language, catalogue));
  }
  for (const relationship of catalogue.relationships) files.push(relationshipFile(relationship, catalogue));
  files.push(contractConstantsFile(context));
  return files;
}

export function generate(): GeneratedFile[] {
  return generatePackagePhp(packageContext());
}
