import { fieldsOf } from '../../bridge/src/catalogue/catalogue.js';
import { LANGUAGES } from '../../bridge/src/catalogue/catalogue-schema.js';
import type { GeneratedFile } from './generated-file.js';
import { ownModules, type PackageContext, packageContext, stockModules } from './suitecrm-php/context.js';
import { contractConstantsFile } from './suitecrm-php/contract-constants.js';
import { applicationLanguageFile, ownLanguageFile, stockLanguageFile } from './suitecrm-php/language.js';
import { ownVardefsFile } from './suitecrm-php/own-vardefs.js';
import {
  relationshipFile,
  subpanelLayoutdefFile,
  subpanelOverrideFile,
} from './suitecrm-php/relationships.js';
import { overridePlaceholder, stockVardefFile } from './suitecrm-php/stock-vardefs.js';

export { fieldComment, type PackageContext, packageContext } from './suitecrm-php/context.js';
export { relateFieldName } from './suitecrm-php/own-vardefs.js';

/**
 * The package's PHP generated from the field catalogue: labels and dropdowns (en_us, es_ES),
 * vardef extensions of Accounts and Cases (link fields; bridge- and hook-written fields kept out
 * of inline edit, mass update and import), the time-entry module's vardefs and language files,
 * the relationship metadata, placeholders for the `_override_sugarfield_*` files SuiteCRM
 * writes (so uninstall removes them), and the contract constants the package's PHP reads.
 */
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
