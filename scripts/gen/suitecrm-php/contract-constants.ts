import {
  enumOptions,
  fieldsOf,
  isMachineWritten,
  labelKey,
} from '../../../bridge/src/catalogue/catalogue.js';
import {
  type Catalogue,
  type CatalogueField,
  MODULE_NAMES,
  type ModuleName,
} from '../../../bridge/src/catalogue/catalogue-schema.js';
import { CHANGE_LOG_ACTORS } from '../../../bridge/src/catalogue/change-log-entry.js';
import type { GeneratedFile } from '../generated-file.js';
import { CATALOGUE_SOURCE, POLICY_SOURCE } from '../notice.js';
import { CONTRACT_CONSTANTS_PATH, inPackage, relationshipMetadataPath } from '../package-layout.js';
import { type PhpValue, phpFile, phpValue } from '../php-source.js';
import { label, notice, type PackageContext, stockModules } from './context.js';

/** SupportSla_Contract: the data contract as constants for the package's PHP, checked against the package definition. */
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

export function contractConstantsFile(context: PackageContext): GeneratedFile {
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
