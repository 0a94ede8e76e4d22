import { enumOptions } from '../../../bridge/src/catalogue/catalogue.js';
import type { Catalogue, Language, ModuleName } from '../../../bridge/src/catalogue/catalogue-schema.js';
import { validationMessages } from '../form-validation.js';
import type { GeneratedFile } from '../generated-file.js';
import { CATALOGUE_SOURCE, POLICY_SOURCE } from '../notice.js';
import { inPackage, languageExtensionPath, moduleDir } from '../package-layout.js';
import { type PhpValue, phpAssign, phpFile, phpValue } from '../php-source.js';
import { moduleStrings, notice, ownModules, type PackageContext } from './context.js';

/** The language files: labels of stock and own modules, and the application's dropdowns and messages. */
export function stockLanguageFile(
  module: ModuleName,
  language: Language,
  catalogue: Catalogue,
): GeneratedFile {
  const lines = moduleStrings(module, language, catalogue).map(([key, text]) =>
    phpAssign('mod_strings', [key], text),
  );
  return { path: inPackage(languageExtensionPath(module, language)), content: phpFile(notice(), lines) };
}

export function applicationLanguageFile(language: Language, context: PackageContext): GeneratedFile {
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

export function ownLanguageFile(module: ModuleName, language: Language, catalogue: Catalogue): GeneratedFile {
  const strings: Record<string, PhpValue> = {};
  for (const [key, text] of moduleStrings(module, language, catalogue)) strings[key] = text;
  return {
    path: inPackage(`${moduleDir(module)}/language/${language}.lang.php`),
    content: phpFile(notice(), [`$mod_strings = ${phpValue(strings)};`]),
  };
}
