import catalogueJson from '../../../schemas/field-catalogue.json' with { type: 'json' };
import { BridgeError } from '../errors/bridge-error.js';
import { formatIssues } from '../errors/zod-issues.js';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import {
  type Catalogue,
  type CatalogueField,
  type CatalogueModule,
  type CoreField,
  catalogueSchema,
  type EnumOption,
  type ModuleName,
  type Writer,
} from './catalogue-schema.js';

/**
 * The field catalogue (`schemas/field-catalogue.json`), validated once when first imported, and
 * the questions the bridge, the generators and `doctor` ask of it. Every helper takes the
 * catalogue as an optional last argument so tests can ask the same questions of another one.
 */

export function parseCatalogue(value: unknown, where = 'schemas/field-catalogue.json'): Catalogue {
  const result = catalogueSchema.safeParse(value);
  if (!result.success) {
    throw new BridgeError(
      'input_invalid',
      `invalid field catalogue: ${formatIssues(result.error.issues, where)}`,
    );
  }
  return result.data;
}

export const CATALOGUE: Catalogue = parseCatalogue(catalogueJson);

/**
 * sha256 (hex) of the catalogue's canonical JSON (sorted keys, no whitespace, `$comment` notes
 * left out): the same for any key order or formatting of the file. The package carries the hash
 * of the catalogue it was generated from; `doctor` compares it with the bridge's.
 */
export function catalogueHash(catalogue: Catalogue = CATALOGUE): string {
  return sha256Hex(canonicalJson(catalogue, (key) => key.startsWith('$')));
}

export function moduleOf(module: ModuleName, catalogue: Catalogue = CATALOGUE): CatalogueModule {
  return catalogue.modules[module];
}

/** The package's fields of a module, in catalogue order; optionally only those one writer owns. */
export function fieldsOf(
  module: ModuleName,
  options: { writer?: Writer } = {},
  catalogue: Catalogue = CATALOGUE,
): CatalogueField[] {
  return catalogue.fields.filter(
    (field) => field.module === module && (options.writer === undefined || field.writer === options.writer),
  );
}

/** Every package field one writer owns, across modules. */
export function fieldsByWriter(writer: Writer, catalogue: Catalogue = CATALOGUE): CatalogueField[] {
  return catalogue.fields.filter((field) => field.writer === writer);
}

export function findField(
  module: ModuleName,
  name: string,
  catalogue: Catalogue = CATALOGUE,
): CatalogueField | undefined {
  return catalogue.fields.find((field) => field.module === module && field.name === name);
}

export function coreFieldsOf(module: ModuleName, catalogue: Catalogue = CATALOGUE): CoreField[] {
  return catalogue.coreFields[module];
}

/** Fields installed through Module Loader's `custom_fields` (`_c` fields of stock modules). */
export function customFields(catalogue: Catalogue = CATALOGUE): CatalogueField[] {
  return catalogue.fields.filter((field) => catalogue.modules[field.module].customFieldSuffix === '_c');
}

/** True for fields staff must not edit: written by the bridge or by the package's hook. */
export function isMachineWritten(field: Pick<CatalogueField, 'writer'>): boolean {
  return field.writer !== 'staff';
}

/** The label key of a field: `LBL_` + its name without the `_c` suffix, upper-cased (as Studio names them). */
export function labelKey(field: Pick<CatalogueField, 'name'>): string {
  return `LBL_${field.name.replace(/_c$/, '').toUpperCase()}`;
}

/** A plan of the policy, as far as the plan dropdown needs it. */
export interface PlanOption {
  id: string;
  label: string;
}

/**
 * The options of a dropdown list. A list with `source: "policy"` (the plan list) holds only its
 * fixed keys ("" and "free") in the catalogue; the policy's plans are appended in policy order
 * (their label serves both languages). Pass the plans of the policy in force.
 */
export function enumOptions(
  listName: string,
  plans: readonly PlanOption[] = [],
  catalogue: Catalogue = CATALOGUE,
): EnumOption[] {
  const list = catalogue.enums[listName];
  if (list === undefined) throw new BridgeError('internal', `unknown dropdown list ${listName}`);
  if (list.source !== 'policy') return list.options;
  const fixed = new Set(list.options.map((option) => option.key));
  const clash = plans.find((plan) => fixed.has(plan.id));
  if (clash !== undefined) {
    throw new BridgeError('policy_invalid', `plan id "${clash.id}" is reserved in ${listName}`);
  }
  return [...list.options, ...plans.map((plan) => ({ key: plan.id, en_us: plan.label, es_ES: plan.label }))];
}

/** The keys of a dropdown list (with the policy's plan ids for the plan list). */
export function enumKeys(
  listName: string,
  plans: readonly PlanOption[] = [],
  catalogue: Catalogue = CATALOGUE,
): string[] {
  return enumOptions(listName, plans, catalogue).map((option) => option.key);
}

/** The relationships whose right-hand (many) side is `module`, e.g. time entries → Cases and Accounts. */
export function relationshipsInto(module: ModuleName, catalogue: Catalogue = CATALOGUE) {
  return catalogue.relationships.filter((relationship) => relationship.rhsModule === module);
}

/** The extra (non-field) module strings of a module: link labels, subpanel titles, the module's own strings. */
export function moduleLabels(module: ModuleName, catalogue: Catalogue = CATALOGUE) {
  const { $comment: _comment, ...byModule } = catalogue.labels;
  return byModule[module] ?? {};
}
