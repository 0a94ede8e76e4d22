import { z } from 'zod';
import { CHANGE_LOG_FIELDS } from './change-log-entry.js';

/**
 * The shape of `schemas/field-catalogue.json`: the one description of every field the package
 * installs and the bridge reads or writes. Strict objects everywhere, so a typo in the catalogue
 * fails `npm run gen` and the tests instead of silently generating a wrong field.
 */

export const MODULE_NAMES = ['Accounts', 'Cases', 'SLA_TimeEntries'] as const;
export type ModuleName = (typeof MODULE_NAMES)[number];

export const LANGUAGES = ['en_us', 'es_ES'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Types of the fields the package installs (`fields[]`). */
export const FIELD_TYPES = [
  'enum',
  'bool',
  'date',
  'datetimecombo',
  'decimal',
  'int',
  'varchar',
  'text',
  'id',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Types of stock SuiteCRM fields the bridge reads (`coreFields`). */
export const CORE_FIELD_TYPES = [
  'name',
  'id',
  'datetime',
  'bool',
  'int',
  'enum',
  'text',
  'varchar',
  'date',
] as const;
export type CoreFieldType = (typeof CORE_FIELD_TYPES)[number];

/** Every SuiteCRM type an attribute can have, and so every conversion the attribute codec knows. */
export type AttributeType = FieldType | CoreFieldType;

export const WRITERS = ['staff', 'hook', 'bridge'] as const;
export type Writer = (typeof WRITERS)[number];

const labels = z.strictObject({ en_us: z.string(), es_ES: z.string() });
export type Labels = z.infer<typeof labels>;

const fieldName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a field name is lower-case letters, digits and _');
const listName = z.string().regex(/^[a-z][a-z0-9_]*_list$/, 'a dropdown list name ends in _list');
const labelKey = z.string().regex(/^(LBL|LNK)_[A-Z0-9_]+$/, 'a label key is LBL_... or LNK_...');

const moduleSchema = z.strictObject({
  /** The V8 resource `type` and the `$dictionary` key (`Case`). */
  objectName: z.string().min(1),
  /** The bean's PHP class (`aCase` for Cases): link fields name it in `bean_name`. */
  beanClass: z.string().min(1),
  table: z.string().regex(/^[a-z][a-z0-9_]*$/),
  customFieldSuffix: z.enum(['_c', '']),
  packageOwned: z.boolean(),
  labels: labels.optional(),
  singularLabels: labels.optional(),
  /**
   * Indexes the package adds to the module's table (vardef `indices`): SuiteCRM's repair
   * creates them (Module Loader runs it on install), the uninstall drops them.
   */
  indices: z
    .array(
      z.strictObject({
        // 30 characters at most: SuiteCRM shortens longer index names on some databases.
        name: z.string().regex(/^idx_[a-z0-9_]{1,26}$/),
        fields: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).min(1),
        why: z.string().min(1),
      }),
    )
    .optional(),
});

const relationshipSchema = z.strictObject({
  name: fieldName,
  lhsModule: z.enum(MODULE_NAMES),
  lhsLink: fieldName,
  rhsModule: z.enum(MODULE_NAMES),
  rhsKey: fieldName,
  rhsLink: fieldName,
});

const coreFieldSchema = z.strictObject({ name: fieldName, type: z.enum(CORE_FIELD_TYPES) });

/**
 * A rule the package's forms check before a save (the vardef's validation, see
 * scripts/gen/form-validation.ts): the value must be in a range, have at most some decimals,
 * be a multiple of a step, not be before another date of the form, or be filled in when another
 * field of the form says so. `message` is what the form shows, in the user's language; `{min}`,
 * `{max}`, `{step}` and `{places}` are replaced by the rule's numbers.
 */
const validationSchema = z.discriminatedUnion('check', [
  z.strictObject({
    check: z.literal('range'),
    min: z.number(),
    max: z.number(),
    /** The minimum itself is refused (hours: more than 0). */
    minExclusive: z.boolean().optional(),
    message: labels,
  }),
  z.strictObject({ check: z.literal('decimals'), places: z.number().int().min(0), message: labels }),
  z.strictObject({ check: z.literal('step'), step: z.number().positive(), message: labels }),
  /** A date not before another date field of the same module (when both are filled in). */
  z.strictObject({ check: z.literal('notBefore'), field: fieldName, message: labels }),
  /** Blank is refused while a checkbox of the same module is ticked. */
  z.strictObject({ check: z.literal('requiredWhenTicked'), field: fieldName, message: labels }),
  /** Blank is refused while a dropdown of the same module holds a key not in `except`. */
  z.strictObject({
    check: z.literal('requiredWhenSet'),
    field: fieldName,
    except: z.array(z.string()),
    message: labels,
  }),
  /** Refused while the checkbox `when` is ticked and the checkbox `needs` is not. */
  z.strictObject({ check: z.literal('tickedNeeds'), when: fieldName, needs: fieldName, message: labels }),
]);
export type FieldValidation = z.infer<typeof validationSchema>;

const enumOptionSchema = z.strictObject({ key: z.string(), en_us: z.string(), es_ES: z.string() });

const enumSchema = z.strictObject({
  source: z.literal('policy').optional(),
  meaning: z.string().optional(),
  options: z.array(enumOptionSchema).min(1),
});

const fieldSchema = z.strictObject({
  module: z.enum(MODULE_NAMES),
  name: fieldName,
  type: z.enum(FIELD_TYPES),
  writer: z.enum(WRITERS),
  labels,
  meaning: z.string().min(1),
  len: z.number().int().positive().optional(),
  precision: z.number().int().min(0).optional(),
  options: listName.optional(),
  default: z.string().optional(),
  audited: z.boolean(),
  required: z.boolean(),
  /** What the form checks before saving (staff-written fields only). */
  validation: z.array(validationSchema).min(1).optional(),
  /** A date field's default in new records' forms, as SuiteCRM's display_default (e.g. "now": today in the user's time zone). */
  displayDefault: z.literal('now').optional(),
});

const changeLogSchema = z.strictObject({
  $comment: z.string().optional(),
  module: z.literal('Cases'),
  field: fieldName,
  tracked: z.record(z.enum(CHANGE_LOG_FIELDS), fieldName),
});

const moduleLabelsSchema = z.record(labelKey, labels);

const catalogueBaseSchema = z.strictObject({
  $comment: z.string().optional(),
  modules: z.strictObject({ Accounts: moduleSchema, Cases: moduleSchema, SLA_TimeEntries: moduleSchema }),
  relationships: z.array(relationshipSchema),
  changeLog: changeLogSchema,
  coreFields: z.strictObject({
    Accounts: z.array(coreFieldSchema),
    Cases: z.array(coreFieldSchema),
    SLA_TimeEntries: z.array(coreFieldSchema),
  }),
  enums: z.record(listName, enumSchema),
  fields: z.array(fieldSchema).min(1),
  labels: z.strictObject({
    $comment: z.string().optional(),
    Accounts: moduleLabelsSchema.optional(),
    Cases: moduleLabelsSchema.optional(),
    SLA_TimeEntries: moduleLabelsSchema.optional(),
  }),
});

export const catalogueSchema = catalogueBaseSchema.superRefine((catalogue, ctx) => {
  for (const problem of crossChecks(catalogue)) ctx.addIssue({ code: 'custom', ...problem });
});

export type Catalogue = z.output<typeof catalogueBaseSchema>;
export type CatalogueField = Catalogue['fields'][number];
export type CatalogueModule = Catalogue['modules'][ModuleName];
export type CatalogueRelationship = Catalogue['relationships'][number];
export type CatalogueEnum = Catalogue['enums'][string];
export type EnumOption = CatalogueEnum['options'][number];
export type CoreField = Catalogue['coreFields'][ModuleName][number];

interface Problem {
  path: PropertyKey[];
  message: string;
}

/** The rules a JSON schema cannot say: references resolve, names fit their module, types have their sizes. */
function crossChecks(catalogue: Catalogue): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  catalogue.fields.forEach((field, index) => {
    const at = (key: string): PropertyKey[] => ['fields', index, key];
    const module = catalogue.modules[field.module];
    const key = `${field.module}.${field.name}`;
    if (seen.has(key)) problems.push({ path: at('name'), message: `${key} is defined twice` });
    seen.add(key);
    if (catalogue.coreFields[field.module].some((core) => core.name === field.name)) {
      problems.push({ path: at('name'), message: `${key} is also a core field` });
    }
    const custom = field.name.endsWith('_c');
    if (module.customFieldSuffix === '_c' && !custom) {
      problems.push({ path: at('name'), message: `${key}: custom fields of ${field.module} end in _c` });
    }
    if (module.customFieldSuffix === '' && custom) {
      problems.push({ path: at('name'), message: `${key}: the package's own fields have no _c suffix` });
    }
    if (field.type === 'enum') {
      if (field.options === undefined)
        problems.push({ path: at('options'), message: `${key}: enum without options` });
      else if (!(field.options in catalogue.enums)) {
        problems.push({ path: at('options'), message: `${key}: unknown dropdown list ${field.options}` });
      } else if (field.default !== undefined) {
        const list = catalogue.enums[field.options];
        if (list !== undefined && !list.options.some((option) => option.key === field.default)) {
          problems.push({
            path: at('default'),
            message: `${key}: default ${field.default} is not a key of ${field.options}`,
          });
        }
      }
      if (field.len === undefined) problems.push({ path: at('len'), message: `${key}: enum without len` });
    } else if (field.options !== undefined) {
      problems.push({ path: at('options'), message: `${key}: only enum fields have options` });
    }
    if (field.type === 'decimal' && (field.len === undefined || field.precision === undefined)) {
      problems.push({ path: at('len'), message: `${key}: a decimal needs len and precision` });
    }
    if (field.precision !== undefined && field.type !== 'decimal') {
      problems.push({ path: at('precision'), message: `${key}: only decimals have a precision` });
    }
    if (field.precision !== undefined && field.len !== undefined && field.precision >= field.len) {
      problems.push({ path: at('precision'), message: `${key}: precision must be smaller than len` });
    }
    if (field.type === 'varchar' && field.len === undefined) {
      problems.push({ path: at('len'), message: `${key}: a varchar needs len` });
    }
    if (
      field.type === 'bool' &&
      field.default !== undefined &&
      field.default !== '0' &&
      field.default !== '1'
    ) {
      problems.push({ path: at('default'), message: `${key}: a bool default is "0" or "1"` });
    }
    for (const rule of field.validation ?? []) {
      problems.push(...validationProblems(catalogue, field, rule, at('validation')));
    }
    if (field.displayDefault !== undefined && field.type !== 'date') {
      problems.push({
        path: at('displayDefault'),
        message: `${key}: only date fields have a displayDefault`,
      });
    }
    if (field.writer !== 'staff' && field.required) {
      problems.push({ path: at('required'), message: `${key}: only staff-written fields can be required` });
    }
  });

  for (const [name, list] of Object.entries(catalogue.enums)) {
    const keys = list.options.map((option) => option.key);
    const duplicate = keys.find((key, i) => keys.indexOf(key) !== i);
    if (duplicate !== undefined)
      problems.push({ path: ['enums', name], message: `${name}: key "${duplicate}" twice` });
    if (list.source === 'policy' && (keys[0] !== '' || keys[1] !== 'free')) {
      problems.push({ path: ['enums', name], message: `${name}: a policy list starts with "" and "free"` });
    }
  }
  for (const name of Object.keys(catalogue.enums)) {
    if (!catalogue.fields.some((field) => field.options === name)) {
      problems.push({ path: ['enums', name], message: `${name} is used by no field` });
    }
  }

  const fieldOf = (module: ModuleName, name: string) =>
    catalogue.fields.some((field) => field.module === module && field.name === name) ||
    catalogue.coreFields[module].some((core) => core.name === name);
  catalogue.relationships.forEach((relationship, index) => {
    if (!fieldOf(relationship.rhsModule, relationship.rhsKey)) {
      problems.push({
        path: ['relationships', index, 'rhsKey'],
        message: `${relationship.name}: ${relationship.rhsModule} has no field ${relationship.rhsKey}`,
      });
    }
  });

  // zod's record over CHANGE_LOG_FIELDS already requires every entry name, and lists them in that order.
  for (const [logName, name] of Object.entries(catalogue.changeLog.tracked)) {
    if (!fieldOf('Cases', name)) {
      problems.push({ path: ['changeLog', 'tracked', logName], message: `Cases has no field ${name}` });
    }
  }
  if (
    !catalogue.fields.some(
      (f) => f.module === 'Cases' && f.name === catalogue.changeLog.field && f.type === 'text',
    )
  ) {
    problems.push({ path: ['changeLog', 'field'], message: `the change log must be a text field of Cases` });
  }
  return problems;
}

/** A validation rule fits its field: numbers on numbers, dates on dates, and the fields it names exist. */
function validationProblems(
  catalogue: Catalogue,
  field: CatalogueField,
  rule: FieldValidation,
  path: PropertyKey[],
): Problem[] {
  const key = `${field.module}.${field.name}`;
  const problems: Problem[] = [];
  const other = (name: string, type: FieldType) => {
    const found = catalogue.fields.find((f) => f.module === field.module && f.name === name);
    if (found?.type !== type) {
      problems.push({
        path,
        message: `${key}: ${rule.check} names ${name}, not a ${type} field of ${field.module}`,
      });
    }
  };
  if (field.writer !== 'staff')
    problems.push({ path, message: `${key}: only staff-written fields are validated` });
  const numeric = field.type === 'decimal' || field.type === 'int';
  if ((rule.check === 'range' || rule.check === 'decimals' || rule.check === 'step') && !numeric) {
    problems.push({ path, message: `${key}: ${rule.check} applies to numbers` });
  }
  if (rule.check === 'range' && rule.min > rule.max)
    problems.push({ path, message: `${key}: min above max` });
  if (rule.check === 'notBefore') {
    if (field.type !== 'date') problems.push({ path, message: `${key}: notBefore applies to dates` });
    other(rule.field, 'date');
  }
  if (rule.check === 'requiredWhenTicked') other(rule.field, 'bool');
  if (rule.check === 'requiredWhenSet') other(rule.field, 'enum');
  if (rule.check === 'tickedNeeds') {
    other(rule.when, 'bool');
    other(rule.needs, 'bool');
  }
  return problems;
}
