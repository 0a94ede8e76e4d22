import type { Language, ModuleName } from '../../bridge/src/catalogue/catalogue-schema.js';

/**
 * Where the package's files live. `suitecrm-module/` mirrors SuiteCRM's own tree and is the root
 * of the Module Loader zip (beside `manifest.php`), so every path below is both a path under
 * `suitecrm-module/` and the path the file is installed to.
 */
export const PACKAGE_DIR = 'suitecrm-module';

/** `$installdefs['id']`: Module Loader names language extension files `<lang>.<id>.php` after it. */
export const PACKAGE_ID = 'sla_support';

/** The package's own install scripts: the zip's `scripts/`, run by Module Loader, never copied into SuiteCRM. */
export const PACKAGE_SCRIPTS_DIR = 'scripts';

export function languageExtensionPath(module: ModuleName | 'application', language: Language): string {
  const base =
    module === 'application' ? 'custom/Extension/application' : `custom/Extension/modules/${module}`;
  return `${base}/Ext/Language/${language}.${PACKAGE_ID}.php`;
}

export function vardefExtensionPath(module: ModuleName): string {
  return `custom/Extension/modules/${module}/Ext/Vardefs/${PACKAGE_ID}.php`;
}

export function layoutdefExtensionPath(module: ModuleName): string {
  return `custom/Extension/modules/${module}/Ext/Layoutdefs/${PACKAGE_ID}.php`;
}

/**
 * The file Studio writes when an admin edits a subpanel's columns (SubPanel::saveSubPanelDefOverride:
 * `_override<object name>_subpanel_<subpanel>.php`), which SuiteCRM's uninstall would leave behind.
 */
export function subpanelOverridePath(module: ModuleName, objectName: string, subpanel: string): string {
  return `custom/Extension/modules/${module}/Ext/Layoutdefs/_override${objectName}_subpanel_${subpanel}.php`;
}

/** The file SuiteCRM's DynamicField writes for each custom field on install and leaves behind on uninstall. */
export function overrideVardefPath(module: ModuleName, field: string): string {
  return `custom/Extension/modules/${module}/Ext/Vardefs/_override_sugarfield_${field}.php`;
}

export function relationshipMetadataPath(relationship: string): string {
  return `custom/metadata/${relationship}MetaData.php`;
}

export function moduleDir(module: ModuleName): string {
  return `modules/${module}`;
}

/** The package's PHP classes (hooks, install steps), a folder only the package writes. */
export const PACKAGE_INCLUDE_DIR = 'custom/include/SupportSla';

/**
 * Where the package's own SugarField type lives (Fields/Datetimeminute: exact minutes in the 7.14
 * edit view). Copied as the whole SugarFields folder so that uninstall removes the folders it
 * created when no other package's field is left in them (uninstall_new_files counts what remains).
 */
export const PACKAGE_SUGARFIELD_DIR = 'custom/include/SugarFields';

/**
 * Where the SLA queue dashlet lives (Dashlets/SlaQueueDashlet). Stock SuiteCRM has no
 * custom/modules/Home, so the package copies that whole folder and uninstall removes it again when
 * nothing else is left in it (the `dashlets` section alone removes only the dashlet's own folder).
 */
export const PACKAGE_HOME_DIR = 'custom/modules/Home';

export const CONTRACT_CONSTANTS_PATH = `${PACKAGE_INCLUDE_DIR}/SupportSla_Contract.php`;

/** Repository path of a package file. */
export function inPackage(path: string): string {
  return `${PACKAGE_DIR}/${path}`;
}

/**
 * The package's images: the zip's `icons/`, never copied as they are. ModuleScanner accepts no
 * `.svg` (validExt) and rejects a file without `<?` (isPHPFile), so an icon ships as
 * `<Name>.svg.php`, an SVG document holding an inert `<?php ... ?>` processing instruction, and
 * a `copy` entry of its own installs it as `<Name>.svg` in THEME_IMAGES_DIR.
 */
export const PACKAGE_ICONS_DIR = 'icons';

/**
 * Where SuiteCRM 8 finds module images for every theme (config/services/themes/image_paths.yaml,
 * first entry: legacy/themes/default/images; ThemeImageService keys each image by its file name
 * without extension). The folder is stock on 7.14 and 8.x alike, so uninstall, which removes
 * the file, leaves no folder of its own behind.
 */
export const THEME_IMAGES_DIR = 'themes/default/images';

/** The installed path of an icon of PACKAGE_ICONS_DIR (`icons/X.svg.php` → `themes/default/images/X.svg`). */
export function iconTarget(path: string): string {
  const match = new RegExp(`^${PACKAGE_ICONS_DIR}/([A-Za-z0-9_]+\\.svg)\\.php$`).exec(path);
  if (!match) throw new Error(`${PACKAGE_DIR}/${path}: an icon is ${PACKAGE_ICONS_DIR}/<Name>.svg.php`);
  return `${THEME_IMAGES_DIR}/${match[1]}`;
}
