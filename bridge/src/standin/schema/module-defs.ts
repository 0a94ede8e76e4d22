import { catalogueHash, enumKeys, formatPackageStamp } from '../../catalogue/index.js';
import { VERSION } from '../../cli/version.js';
import { DEFAULT_POLICY_DOCUMENT } from '../../domain/policy/default-policy.js';
import { CATALOGUE, type CatalogueField, catalogueFields } from './catalogue.js';
import { type FieldDef, fieldFromMeta } from './field-def.js';
import { STOCK_SUITECRM } from './stock-suitecrm.generated.js';

export const MODULE_NAMES = ['Accounts', 'Cases', 'SLA_TimeEntries'] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];

export function isModuleName(value: string): value is ModuleName {
  return (MODULE_NAMES as readonly string[]).includes(value);
}

/** A custom field added the way Studio or a package adds one (stored in `<table>_cstm`). */
export interface CustomFieldSpec {
  name: string;
  type: string;
  len?: number | string;
  precision?: number | string;
  /** null: no default (the column defaults to NULL). */
  default?: string | null;
  comments?: string | null;
}

/** How a link field reaches its records; `none` links load but hold nothing here. */
export interface LinkDef {
  name: string;
  kind: 'children' | 'parent' | 'none';
  target?: ModuleName;
  /** children: the child's column pointing here; parent: this module's column. */
  foreignKey?: string;
}

export interface ModuleDef {
  name: ModuleName;
  objectName: string;
  table: string;
  /** translate(module_dir), used in relationship messages. */
  label: string;
  fields: FieldDef[];
  byName: Map<string, FieldDef>;
  /** The `relationships` block of every record: [related module, link]. */
  relationshipBlock: [string, string][];
  links: Map<string, LinkDef>;
}

/**
 * What the package writes into the `comments` of every field it installs (the data contract's
 * package stamp, which `doctor` reads through meta/fields). Each part defaults to what the
 * package built from this repository carries: this bridge's version, its catalogue hash, and
 * on the plan field `free` plus the default policy's plans.
 */
export interface PackageStampOptions {
  version?: string;
  catalogueHash?: string;
  /** The plan list's non-blank keys. */
  plans?: readonly string[];
}

export interface SchemaOptions {
  /** Install the SLA package: its custom fields, its module and its links (default true). */
  withPackage?: boolean;
  /** The package's stamp (see PackageStampOptions), or false for fields without one (added by hand in Studio). */
  packageStamp?: PackageStampOptions | false;
  /** More custom fields, e.g. the capture lab's `lab_external_ref_c`. */
  extraCustomFields?: Partial<Record<'Accounts' | 'Cases', CustomFieldSpec[]>>;
}

const OBJECT_VALUED = STOCK_SUITECRM.objectValued as unknown as Record<string, readonly string[]>;

function stockFields(module: 'Accounts' | 'Cases'): FieldDef[] {
  const objectValued = new Set(OBJECT_VALUED[module] ?? []);
  return STOCK_SUITECRM.fields[module].map((field) =>
    fieldFromMeta(field.name, field.meta as Record<string, unknown>, {
      objectValued: objectValued.has(field.name),
      autoIncrement: module === 'Cases' && field.name === 'case_number',
    }),
  );
}

/** meta/fields as a Module Loader or Studio custom field shows it. */
export function customFieldMeta(spec: CustomFieldSpec): Record<string, unknown> {
  const meta: Record<string, unknown> = { required: false, source: 'custom_fields', type: spec.type };
  if (spec.type === 'datetimecombo') meta.dbType = 'datetime';
  meta.default = spec.default ?? null;
  meta.comments = spec.comments ?? null;
  if (spec.len !== undefined) meta.len = String(spec.len);
  if (spec.precision !== undefined) meta.precision = String(spec.precision);
  if (meta.dbType === undefined) meta.dbType = spec.type;
  return meta;
}

function defaultPlanKeys(): string[] {
  const plans = (DEFAULT_POLICY_DOCUMENT as { plans: { id: string; label: string }[] }).plans;
  return enumKeys('sla_plan_list', plans).filter((key) => key !== '');
}

/** The `comments` the package gives one of its fields, as the generator writes them (scripts/gen). */
function packageComment(
  field: CatalogueField,
  stamp: PackageStampOptions | false | undefined,
): string | null {
  if (stamp === false) return null;
  const base = { version: stamp?.version ?? VERSION, catalogueHash: stamp?.catalogueHash ?? catalogueHash() };
  const fromPolicy = field.options !== undefined && CATALOGUE.enums[field.options]?.source === 'policy';
  return formatPackageStamp(fromPolicy ? { ...base, plans: [...(stamp?.plans ?? defaultPlanKeys())] } : base);
}

function packageCustomSpec(field: CatalogueField, comments: string | null): CustomFieldSpec {
  const spec: CustomFieldSpec = {
    name: field.name,
    type: field.type,
    default: field.default ?? null,
    comments,
  };
  if (field.len !== undefined) spec.len = field.len;
  if (field.precision !== undefined) spec.precision = field.precision;
  return spec;
}

/** meta/fields of a field in the package's own module table (Module Builder vardefs). */
function ownFieldMeta(field: CatalogueField, comments: string | null): Record<string, unknown> {
  const meta: Record<string, unknown> = { type: field.type };
  if (field.type === 'datetimecombo') meta.dbType = 'datetime';
  if (field.len !== undefined) meta.len = field.len;
  if (field.precision !== undefined) meta.precision = field.precision;
  if (field.default !== undefined) meta.default = field.default;
  meta.required = field.required === true;
  if (comments !== null) meta.comments = comments;
  if (meta.dbType === undefined) meta.dbType = field.type;
  return meta;
}

function linkMeta(relationship: string, module: string): Record<string, unknown> {
  return { type: 'link', relationship, source: 'non-db', module, required: false, dbType: 'link' };
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Inserts relationship-block entries as SuiteCRM builds the block: asort by module, first link wins. */
function withBlockEntries(block: [string, string][], extra: [string, string][]): [string, string][] {
  const merged = [...block];
  for (const entry of extra) if (!merged.some(([module]) => module === entry[0])) merged.push(entry);
  return merged.sort((a, b) => byteOrder(a[0], b[0]));
}

const BASIC_FIELDS = [
  'name',
  'date_entered',
  'date_modified',
  'modified_user_id',
  'modified_by_name',
  'created_by',
  'created_by_name',
  'description',
  'deleted',
  'created_by_link',
  'modified_user_link',
  'assigned_user_id',
  'assigned_user_name',
  'assigned_user_link',
  'SecurityGroups',
];

function timeEntryFields(stamp: PackageStampOptions | false | undefined): FieldDef[] {
  const cases = new Map<string, unknown>(
    STOCK_SUITECRM.fields.Cases.map((field) => [field.name, field.meta]),
  );
  const fields: FieldDef[] = [fieldFromMeta('id', { type: 'id', required: true, dbType: 'id' })];
  for (const name of BASIC_FIELDS) {
    const meta = { ...(cases.get(name) as Record<string, unknown>) };
    if (typeof meta.relationship === 'string')
      meta.relationship = meta.relationship.replace(/^cases_/, 'sla_timeentries_');
    fields.push(fieldFromMeta(name, meta));
  }
  for (const field of catalogueFields('SLA_TimeEntries'))
    fields.push(fieldFromMeta(field.name, ownFieldMeta(field, packageComment(field, stamp))));
  for (const relationship of CATALOGUE.relationships.filter((r) => r.rhsModule === 'SLA_TimeEntries')) {
    fields.push(fieldFromMeta(relationship.rhsLink, linkMeta(relationship.name, relationship.lhsModule)));
  }
  return fields;
}

function finish(
  name: ModuleName,
  fields: FieldDef[],
  block: [string, string][],
  modelled: LinkDef[],
): ModuleDef {
  const info = CATALOGUE.modules[name];
  if (!info) throw new Error(`module ${name} is not in the field catalogue`);
  const links = new Map<string, LinkDef>();
  for (const field of fields) if (field.isLink) links.set(field.name, { name: field.name, kind: 'none' });
  for (const link of modelled) if (links.has(link.name)) links.set(link.name, link);
  return {
    name,
    objectName: info.objectName,
    table: info.table,
    label: info.labels?.en_us ?? name,
    fields,
    byName: new Map(fields.map((field) => [field.name, field])),
    relationshipBlock: block,
    links,
  };
}

export function buildModules(options: SchemaOptions = {}): Map<ModuleName, ModuleDef> {
  const withPackage = options.withPackage ?? true;
  const modules = new Map<ModuleName, ModuleDef>();
  const stockBlocks = STOCK_SUITECRM.relationshipLinks as unknown as Record<string, [string, string][]>;
  for (const name of ['Accounts', 'Cases'] as const) {
    const stock = stockFields(name);
    const core = stock.filter((field) => field.storage !== 'custom');
    const custom = stock.filter((field) => field.storage === 'custom');
    const packageLinks: FieldDef[] = [];
    const packageCustom: FieldDef[] = [];
    let block = [...(stockBlocks[name] ?? [])];
    const modelled: LinkDef[] =
      name === 'Accounts'
        ? [{ name: 'cases', kind: 'children', target: 'Cases', foreignKey: 'account_id' }]
        : [{ name: 'accounts', kind: 'parent', target: 'Accounts', foreignKey: 'account_id' }];
    if (withPackage) {
      for (const relationship of CATALOGUE.relationships.filter((r) => r.lhsModule === name)) {
        packageLinks.push(
          fieldFromMeta(relationship.lhsLink, linkMeta(relationship.name, relationship.rhsModule)),
        );
        block = withBlockEntries(block, [[relationship.rhsModule, relationship.lhsLink]]);
        modelled.push({
          name: relationship.lhsLink,
          kind: 'children',
          target: relationship.rhsModule as ModuleName,
          foreignKey: relationship.rhsKey,
        });
      }
      for (const field of catalogueFields(name)) {
        const comments = packageComment(field, options.packageStamp);
        packageCustom.push(fieldFromMeta(field.name, customFieldMeta(packageCustomSpec(field, comments))));
      }
    }
    const extra = (options.extraCustomFields?.[name] ?? []).map((spec) =>
      fieldFromMeta(spec.name, customFieldMeta(spec)),
    );
    modules.set(
      name,
      finish(name, [...core, ...packageLinks, ...custom, ...extra, ...packageCustom], block, modelled),
    );
  }
  if (withPackage) {
    const links: LinkDef[] = CATALOGUE.relationships
      .filter((r) => r.rhsModule === 'SLA_TimeEntries')
      .map((r) => ({
        name: r.rhsLink,
        kind: 'parent',
        target: r.lhsModule as ModuleName,
        foreignKey: r.rhsKey,
      }));
    const block = withBlockEntries(
      [
        ['SecurityGroups', 'SecurityGroups'],
        ['Users', 'created_by_link'],
      ],
      CATALOGUE.relationships
        .filter((r) => r.rhsModule === 'SLA_TimeEntries')
        .map((r): [string, string] => [r.lhsModule, r.rhsLink]),
    );
    modules.set(
      'SLA_TimeEntries',
      finish('SLA_TimeEntries', timeEntryFields(options.packageStamp), block, links),
    );
  }
  return modules;
}
