import {
  CATALOGUE,
  catalogueHash,
  enumOptions,
  fieldsOf,
  labelKey,
  moduleLabels,
  type PlanOption,
} from '../../../bridge/src/catalogue/catalogue.js';
import {
  type Catalogue,
  type CatalogueField,
  type Language,
  MODULE_NAMES,
  type ModuleName,
} from '../../../bridge/src/catalogue/catalogue-schema.js';
import { formatPackageStamp } from '../../../bridge/src/catalogue/package-stamp.js';
import { CATALOGUE_SOURCE, slashNotice } from '../notice.js';
import { PACKAGE_DEFINITION, type PackageDefinition } from '../package-definition.js';
import { defaultPolicyPlans, packageVersion } from '../sources.js';

/**
 * What every part of the package's generated PHP shares: the context it is built from, the
 * generated-file notice, the modules the package extends or owns, and their strings and labels.
 */
// The notices name the generator's entry point, the file `npm run gen` runs.
export const GENERATOR = 'scripts/gen/suitecrm-php.gen.ts';

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

export const notice = (sources: string[] = [CATALOGUE_SOURCE]) => slashNotice(GENERATOR, sources);

export function stockModules(catalogue: Catalogue): ModuleName[] {
  return MODULE_NAMES.filter((module) => !catalogue.modules[module].packageOwned);
}

export function ownModules(catalogue: Catalogue): ModuleName[] {
  return MODULE_NAMES.filter((module) => catalogue.modules[module].packageOwned);
}

/** Field labels then the module's other strings, as `key => text` for one language. */
export function moduleStrings(
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

/** A label key a generated vardef uses must exist in the module's strings (both languages come from one list). */
export function label(module: ModuleName, key: string, catalogue: Catalogue): string {
  if (!moduleStrings(module, 'en_us', catalogue).some(([known]) => known === key)) {
    throw new Error(`${module} needs the label ${key}: add it to catalogue.labels.${module}`);
  }
  return key;
}
