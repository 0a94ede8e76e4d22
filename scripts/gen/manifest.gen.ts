import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { customFields, isMachineWritten, labelKey } from '../../bridge/src/catalogue/catalogue.js';
import type { CatalogueField } from '../../bridge/src/catalogue/catalogue-schema.js';
import { MODULE_NAMES } from '../../bridge/src/catalogue/catalogue-schema.js';
import type { GeneratedFile } from './generated-file.js';
import { CATALOGUE_SOURCE, slashNotice } from './notice.js';
import { PACKAGE_DEFINITION, type PackageDefinition } from './package-definition.js';
import {
  iconTarget,
  moduleDir,
  PACKAGE_DIR,
  PACKAGE_HOME_DIR,
  PACKAGE_ICONS_DIR,
  PACKAGE_ID,
  PACKAGE_INCLUDE_DIR,
  PACKAGE_SCRIPTS_DIR,
  PACKAGE_SUGARFIELD_DIR,
  relationshipMetadataPath,
} from './package-layout.js';
import { type PhpValue, phpFile, phpValue } from './php-source.js';
import { REPO_ROOT } from './sources.js';
import { fieldComment, generatePackagePhp, type PackageContext, packageContext } from './suitecrm-php.gen.js';

/**
 * manifest.php, the whole Module Loader manifest, standalone (Module Loader reads it alone,
 * before the rest of the zip exists, so it includes nothing). Data-driven: see
 * package-definition.ts for how files, hooks and sections get into it.
 */
const GENERATOR = 'scripts/gen/manifest.gen.ts';

/** Generators whose output lies under suitecrm-module/: their files are package files before they are on disk. */
const PACKAGE_GENERATORS: Array<(context: PackageContext) => GeneratedFile[]> = [generatePackagePhp];

/** SuiteCRM's extension folders (Ext/<Dir>) and the installdefs section that installs a file into each. */
export const EXTENSION_SECTIONS: Readonly<Record<string, string>> = {
  ActionViewMap: 'action_view_map',
  ActionFileMap: 'action_file_map',
  ActionReMap: 'action_remap',
  Administration: 'administration',
  EntryPointRegistry: 'entrypoints',
  Extensions: 'extensions',
  FileAccessControlMap: 'file_access',
  Language: 'language',
  Layoutdefs: 'layoutdefs',
  GlobalLinks: 'linkdefs',
  LogicHooks: 'hookdefs',
  Menus: 'menu',
  ScheduledTasks: 'scheduledefs',
  UserPage: 'user_page',
  Utils: 'utils',
  Vardefs: 'vardefs',
  JSGroupings: 'jsgroups',
  Actions: 'aow_actions',
  PDF: 'pdfs',
  ExternalOAuthProviders: 'external_oauth_providers',
};

/** Folders SuiteCRM writes itself from other sections: a package file there would be overwritten or orphaned. */
const SUITECRM_OWNED_EXT_DIRS = ['TableDictionary', 'Include'];

const GENERATED_MARK = 'npm run gen (';

function walk(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...walk(join(dir, entry.name), path));
    else out.push(path);
  }
  return out;
}

/**
 * Every file of the package, relative to suitecrm-module/: hand-written files on disk plus what
 * the package generators produce now (a generated file on disk that no generator produces any
 * more is an orphan `npm run gen` deletes, so it is left out).
 */
export function packageFiles(context: PackageContext): string[] {
  const generated = new Set(
    PACKAGE_GENERATORS.flatMap((generate) => generate(context))
      .map((file) => file.path)
      .filter((path) => path.startsWith(`${PACKAGE_DIR}/`))
      .map((path) => path.slice(PACKAGE_DIR.length + 1)),
  );
  const root = join(REPO_ROOT, PACKAGE_DIR);
  const handWritten = walk(root).filter(
    (path) => !generated.has(path) && !readFileSync(join(root, path), 'utf8').includes(GENERATED_MARK),
  );
  return [...new Set([...handWritten, ...generated])].sort();
}

export interface ManifestParts {
  copy: Array<{ from: string; to: string }>;
  sections: Map<string, Array<Record<string, string>>>;
  relationships: Array<{ meta_data: string }>;
  scripts: string[];
}

const basepath = (path: string) => `<basepath>/${path}`;

/** Sorts the package files into the installdefs sections that install them. */
export function classify(files: readonly string[], context: PackageContext): ManifestParts {
  const parts: ManifestParts = { copy: [], sections: new Map(), relationships: [], scripts: [] };
  const relationshipFiles = new Map(
    context.catalogue.relationships.map((r) => [relationshipMetadataPath(r.name), r.name] as const),
  );
  const add = (section: string, entry: Record<string, string>) => {
    const list = parts.sections.get(section) ?? [];
    list.push(entry);
    parts.sections.set(section, list);
  };
  const ownedFolders = packageOwnedFolders(context);
  for (const path of files) {
    if (!path.endsWith('.php')) {
      throw new Error(
        `${PACKAGE_DIR}/${path}: only PHP files may ship (ModuleScanner rejects others since 7.14.2)`,
      );
    }
    if (path.startsWith(`${PACKAGE_SCRIPTS_DIR}/`)) {
      parts.scripts.push(path);
      continue;
    }
    if (path.startsWith(`${PACKAGE_ICONS_DIR}/`)) {
      parts.copy.push({ from: basepath(path), to: iconTarget(path) });
      continue;
    }
    const ext = /^custom\/Extension\/(?:modules\/([^/]+)|(application))\/Ext\/([^/]+)\/([^/]+)\.php$/.exec(
      path,
    );
    if (ext) {
      const module = (ext[1] ?? ext[2]) as string;
      const dir = ext[3] as string;
      const name = ext[4] as string;
      if (SUITECRM_OWNED_EXT_DIRS.includes(dir)) {
        throw new Error(
          `${PACKAGE_DIR}/${path}: SuiteCRM writes Ext/${dir} itself; use relationships or beans`,
        );
      }
      const section = EXTENSION_SECTIONS[dir];
      if (section === undefined)
        throw new Error(`${PACKAGE_DIR}/${path}: unknown extension folder Ext/${dir}`);
      if (section === 'language') {
        // Module Loader installs a language file as <lang>.<installdefs id>.php whatever its name.
        const language = new RegExp(`^([a-z]{2}_[a-zA-Z]{2})\\.${PACKAGE_ID}$`).exec(name);
        if (!language)
          throw new Error(`${PACKAGE_DIR}/${path}: language files are named <lang>.${PACKAGE_ID}.php`);
        add(section, { from: basepath(path), to_module: module, language: language[1] as string });
      } else {
        add(section, { from: basepath(path), to_module: module });
      }
      continue;
    }
    if (relationshipFiles.has(path)) {
      parts.relationships.push({ meta_data: basepath(path) });
      continue;
    }
    const folder = ownedFolders.find((dir) => path.startsWith(`${dir}/`));
    if (folder === undefined) {
      parts.copy.push({ from: basepath(path), to: path });
    } else if (!parts.copy.some((entry) => entry.to === folder)) {
      parts.copy.push({ from: basepath(folder), to: folder });
    }
  }
  return parts;
}

/**
 * Folders only the package writes, copied as one `copy` entry each. ModuleInstaller's
 * uninstall_copy (uninstall_new_files) deletes the files of an entry and then the entry's own
 * path when no file is left under it: with one entry per file the folders stayed behind, empty;
 * with the folder as the entry, the folder and its subfolders go too.
 */
function packageOwnedFolders(context: PackageContext): string[] {
  const modules = MODULE_NAMES.filter((module) => context.catalogue.modules[module].packageOwned);
  // The package's extra beans (the change marker) are modules only the package writes too.
  const extra = context.definition.extraBeans.map((bean) => `modules/${bean.module}`);
  return [PACKAGE_INCLUDE_DIR, PACKAGE_SUGARFIELD_DIR, PACKAGE_HOME_DIR, ...modules.map(moduleDir), ...extra];
}

/** The `custom_fields` entry of a catalogue field (name with _c; decimals with len, precision and ext1). */
export function customFieldEntry(field: CatalogueField, context: PackageContext): Record<string, PhpValue> {
  const machine = isMachineWritten(field);
  const entry: Record<string, PhpValue> = {
    name: field.name,
    label: labelKey(field),
    type: field.type,
    module: field.module,
  };
  if (field.len !== undefined) entry.len = field.len;
  if (field.type === 'decimal') {
    // DynamicField sizes the column from `precision` and writes the vardef's precision from `ext1`.
    entry.precision = field.precision ?? 0;
    entry.ext1 = field.precision ?? 0;
  }
  if (field.type === 'enum') entry.ext1 = field.options ?? '';
  entry.default_value = field.default ?? '';
  entry.required = field.required;
  entry.audited = field.audited;
  entry.reportable = true;
  entry.mass_update = false;
  entry.duplicate_merge = 0;
  // inline_edit has no fields_meta_data column; the package's vardef extension sets it (see suitecrm-php.gen.ts).
  entry.inline_edit = !machine;
  entry.importable = machine ? 'false' : 'true';
  entry.help = '';
  entry.comments = fieldComment(field, context);
  return entry;
}

function versionPatterns(patterns: readonly string[]): PhpValue {
  return { regex_matches: [...patterns] };
}

export function manifestSource(
  context: PackageContext,
  files: readonly string[],
  definition: PackageDefinition,
) {
  const parts = classify(files, context);
  const { catalogue } = context;
  const manifest: Record<string, PhpValue> = {
    name: definition.name,
    description: definition.description,
    author: definition.author,
    version: context.version,
    type: 'module',
    is_uninstallable: true,
    remove_tables: 'prompt',
    acceptable_sugar_versions: versionPatterns(definition.acceptableSugarVersions),
    acceptable_suitecrm_versions: versionPatterns(definition.acceptableSuiteCrmVersions),
  };
  const beans = MODULE_NAMES.filter((module) => catalogue.modules[module].packageOwned).map((module) => {
    const info = catalogue.modules[module];
    const path = `${moduleDir(module)}/${info.beanClass}.php`;
    if (!files.includes(path))
      throw new Error(`${PACKAGE_DIR}/${path}: the bean class of ${module} is missing`);
    return { module, class: info.beanClass, path, tab: definition.moduleTabs };
  });
  for (const bean of definition.extraBeans) {
    if (!files.includes(bean.path))
      throw new Error(`${PACKAGE_DIR}/${bean.path}: the bean class of ${bean.module} is missing`);
    beans.push({
      module: bean.module as (typeof beans)[number]['module'],
      class: bean.class,
      path: bean.path,
      tab: false,
    });
  }
  for (const hook of definition.logicHooks) {
    if (!files.includes(hook.file))
      throw new Error(`logic hook ${hook.class}: ${PACKAGE_DIR}/${hook.file} is missing`);
  }
  const installdefs = new Map<string, PhpValue>([
    ['id', PACKAGE_ID],
    ['beans', beans],
    ['copy', parts.copy],
  ]);
  for (const [section, entries] of [...parts.sections.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    installdefs.set(section, entries);
  }
  installdefs.set('relationships', parts.relationships);
  installdefs.set(
    'custom_fields',
    customFields(catalogue).map((field) => customFieldEntry(field, context)),
  );
  if (definition.logicHooks.length > 0) {
    installdefs.set(
      'logic_hooks',
      definition.logicHooks.map((hook) => ({ ...hook })),
    );
  }
  for (const [section, value] of Object.entries(definition.extraInstalldefs)) {
    if (installdefs.has(section)) throw new Error(`extraInstalldefs.${section} is already generated`);
    installdefs.set(section, value);
  }
  const body = [
    '// Module Loader reads this file on its own: it must include nothing.',
    '// The zip is this file plus the contents of suitecrm-module/ (its scripts/ holds the install scripts).',
    `$manifest = ${phpValue(manifest)};`,
    '',
    `$installdefs = ${phpValue(installdefs)};`,
  ];
  return phpFile(
    slashNotice(GENERATOR, [
      CATALOGUE_SOURCE,
      'package.json',
      'scripts/gen/package-definition.ts',
      `${PACKAGE_DIR}/`,
    ]),
    body,
  );
}

export function generate(): GeneratedFile[] {
  const context = packageContext();
  return [
    { path: 'manifest.php', content: manifestSource(context, packageFiles(context), PACKAGE_DEFINITION) },
  ];
}
