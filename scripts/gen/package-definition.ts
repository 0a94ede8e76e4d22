/**
 * What manifest.php says that neither the field catalogue nor the package tree can: the
 * package's name, the versions it accepts, its logic hooks, and any other installdefs section.
 *
 * How to extend the package (the manifest generator, scripts/gen/manifest.gen.ts, does the rest):
 * - A file under suitecrm-module/ is picked up by its path; run `npm run gen`:
 *   - custom/Extension/modules/<Module>/Ext/<Dir>/<name>.php (or custom/Extension/application/
 *     Ext/<Dir>/...) becomes an entry of the installdefs section SuiteCRM uses for <Dir>
 *     (Vardefs → vardefs, Layoutdefs → layoutdefs, LogicHooks → hookdefs, Menus → menu,
 *     ScheduledTasks → scheduledefs, Administration → administration, ...; see
 *     EXTENSION_SECTIONS in manifest.gen.ts). Language files must be named <lang>.sla_support.php.
 *   - custom/metadata/<relationship>MetaData.php of a catalogue relationship → relationships.
 *   - suitecrm-module/scripts/ (pre_install.php, post_install.php, pre_uninstall.php,
 *     post_uninstall.php) → the zip's scripts/, run by Module Loader, never copied.
 *   - anything else → a `copy` entry to the same path.
 * - A logic hook (installdefs `logic_hooks`, merged into custom/modules/<M>/logic_hooks.php
 *   without duplicates and removed on uninstall): add it to `logicHooks` below.
 * - Any other installdefs section (e.g. `image_dir`, `dashlets`): add it to `extraInstalldefs`;
 *   paths in it may use `<basepath>`.
 * - Custom fields, dropdowns and labels come from schemas/field-catalogue.json, never from here.
 */
import type { PhpValue } from './php-source.js';

export interface LogicHookDefinition {
  module: string;
  hook: string;
  order: number;
  description: string;
  /** Path of the PHP file inside SuiteCRM (and under suitecrm-module/). */
  file: string;
  class: string;
  function: string;
}

export interface PackageDefinition {
  name: string;
  description: string;
  author: string;
  /** preg patterns (no delimiters), matched against SuiteCRM's $sugar_version (6.5.25 on 7.x and 8.x). */
  acceptableSugarVersions: string[];
  /** preg patterns, matched against $suitecrm_version. */
  acceptableSuiteCrmVersions: string[];
  /** Package-owned modules appear as SuiteCRM tabs. */
  moduleTabs: boolean;
  logicHooks: LogicHookDefinition[];
  extraInstalldefs: Record<string, PhpValue>;
}

export const PACKAGE_DEFINITION: PackageDefinition = {
  name: 'SLA Support',
  description:
    'Support contracts and SLAs: contract fields on Accounts, SLA fields on Cases, a Support time module, and the fields the sla-bridge sync keeps up to date.',
  author: 'suitecrm-sla-bridge',
  acceptableSugarVersions: ['^6\\.5\\.\\d+$'],
  acceptableSuiteCrmVersions: ['^7\\.14\\.\\d+$', '^8\\.\\d+\\.\\d+$'],
  moduleTabs: true,
  logicHooks: [],
  extraInstalldefs: {},
};
