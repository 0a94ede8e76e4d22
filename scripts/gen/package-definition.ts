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
 *   without duplicates and removed on uninstall): add it to `logicHooks` below. Keep an installed
 *   hook's order, description, class and method unchanged: SuiteCRM matches hooks on them, so a
 *   changed one is added again on upgrade beside the old one.
 * - Layout additions (a panel on detail and edit views, list view columns): `layoutPanels` and
 *   `listColumns` below; scripts/post_install.php adds them, scripts/pre_uninstall.php removes them.
 * - Any other installdefs section (e.g. `image_dir`, `dashlets`): add it to `extraInstalldefs`;
 *   paths in it may use `<basepath>`.
 * - Custom fields, dropdowns and labels come from schemas/field-catalogue.json, never from here.
 */
import type { ModuleName } from '../../bridge/src/catalogue/catalogue-schema.js';
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

/** A panel `scripts/post_install.php` adds to a stock module's detail and edit views. */
export interface LayoutPanelDefinition {
  module: ModuleName;
  /**
   * The panel key, lower-case `lbl_...`. SuiteCRM shows the upper-cased key as the panel's header,
   * looked up in the module's strings, so `catalogue.labels.<module>` must define it.
   */
  panel: string;
  /** Catalogue fields of the module, in display order (filled left to right, maxColumns per row). */
  fields: string[];
  /**
   * Staff-written fields of `fields` that also go into the module's quick create form (same panel
   * key), so that what the forms require can be entered there too.
   */
  quickCreate?: string[];
}

/** Columns `scripts/post_install.php` adds to a stock module's list view. */
export interface ListColumnsDefinition {
  module: ModuleName;
  /** The list view column (upper-case key) they follow; they go last when it is not there ('': always last). */
  after: string;
  fields: string[];
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
  /** Package modules outside the field catalogue (no tab): the change marker (docs/freshness.md). */
  extraBeans: { module: string; class: string; path: string }[];
  logicHooks: LogicHookDefinition[];
  /**
   * Layout additions, written into the package's PHP (SupportSla_Contract) for post_install and
   * pre_uninstall. Fields the bridge or the hook writes are shown read-only in edit views.
   */
  layoutPanels: LayoutPanelDefinition[];
  listColumns: ListColumnsDefinition[];
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
  extraBeans: [
    {
      module: 'SLA_ChangeMarkers',
      class: 'SLA_ChangeMarker',
      path: 'modules/SLA_ChangeMarkers/SLA_ChangeMarker.php',
    },
  ],
  logicHooks: [
    {
      module: 'Cases',
      hook: 'before_save',
      // After SuiteCRM's own Cases hooks (AOP uses 10-12), so the log sees what they changed.
      order: 90,
      description: 'SLA support: change log, downgraded at, reported at',
      file: 'custom/include/SupportSla/SupportSla_CaseHook.php',
      class: 'SupportSla_CaseHook',
      function: 'beforeSave',
    },
    {
      module: 'Accounts',
      hook: 'before_save',
      // Late, so a site's own before_save hooks run first and a person's save still ends with
      // the bridge's values. The description is what SuiteCRM matches an installed hook on.
      order: 90,
      description: 'SLA support: bridge fields kept on a person save',
      file: 'custom/include/SupportSla/SupportSla_AccountHook.php',
      class: 'SupportSla_AccountHook',
      function: 'beforeSave',
    },
    {
      module: 'SLA_TimeEntries',
      hook: 'before_save',
      // Description kept from 1.0.0 although the hook now also keeps the bridge's fields: SuiteCRM
      // matches an installed hook on it, so a new one would be added beside the old on upgrade.
      order: 10,
      description: 'SLA support: account from the case',
      file: 'custom/include/SupportSla/SupportSla_TimeEntryHook.php',
      class: 'SupportSla_TimeEntryHook',
      function: 'beforeSave',
    },

    // The change marker (docs/freshness.md): after every save, late so it counts the saved row.
    {
      module: 'Accounts',
      hook: 'after_save',
      order: 95,
      description: 'SLA support: change marker',
      file: 'custom/include/SupportSla/SupportSla_ChangeMarker.php',
      class: 'SupportSla_ChangeMarker',
      function: 'afterAccountSave',
    },
    {
      module: 'Cases',
      hook: 'after_save',
      order: 95,
      description: 'SLA support: change marker',
      file: 'custom/include/SupportSla/SupportSla_ChangeMarker.php',
      class: 'SupportSla_ChangeMarker',
      function: 'afterCaseSave',
    },
    {
      module: 'SLA_TimeEntries',
      hook: 'after_save',
      order: 95,
      description: 'SLA support: change marker',
      file: 'custom/include/SupportSla/SupportSla_ChangeMarker.php',
      class: 'SupportSla_ChangeMarker',
      function: 'afterTimeEntrySave',
    },
  ],
  layoutPanels: [
    {
      module: 'Accounts',
      panel: 'lbl_sla_support_contract',
      fields: [
        'sla_plan_c',
        'sla_contract_state_c',
        'sla_contract_start_c',
        'sla_phone_cover_c',
        'sla_term_start_c',
        'sla_term_end_c',
        'sla_reserved_hours_c',
        'sla_reserved_hours_effective_c',
        'sla_hours_used_c',
        'sla_hours_remaining_c',
        'sla_hours_state_c',
        'sla_next_renewal_c',
        'sla_refund_window_end_c',
        'sla_will_not_renew_c',
        'sla_cancelled_on_c',
        'sla_refunded_c',
        'sla_paid_through_c',
        'sla_product_versions_c',
        'sla_data_problem_c',
      ],
    },
    {
      module: 'Cases',
      panel: 'lbl_sla_panel',
      fields: [
        'sla_reported_at_c',
        'sla_channel_c',
        'sla_severity_c',
        'sla_effective_severity_c',
        'sla_environment_c',
        'sla_cause_c',
        'sla_reportable_c',
        'sla_coverage_c',
        'sla_downgrade_to_c',
        'sla_downgrade_reason_c',
        'sla_downgraded_at_c',
        'sla_severity_note_c',
        'sla_acknowledged_at_c',
        'sla_response_minutes_c',
        'sla_response_due_c',
        'sla_response_status_c',
        'sla_resolution_due_c',
        'sla_resolution_status_c',
        'sla_paused_minutes_c',
        'sla_hours_logged_c',
        'sla_product_version_c',
        'sla_policy_version_c',
        'sla_explanation_c',
        'sla_data_problem_c',
      ],
      // Severity is required: a case quick-created from an account's or contact's Cases subpanel needs it too.
      quickCreate: ['sla_severity_c', 'sla_environment_c', 'sla_channel_c'],
    },
  ],
  listColumns: [
    // Last, after every stock column: SuiteCRM 8.x shows at most 7 list columns (6 on a large
    // screen, with the sidebar: column_limits.yaml), and stock Cases already has 7 defaults, so
    // columns placed before stock ones pushed "Assigned to" and "Date Created" out. Placed last,
    // the cap takes ours first; 8.x then shows them in each row's "show more" popover.
    { module: 'Cases', after: '', fields: ['sla_response_status_c', 'sla_response_due_c'] },
  ],
  extraInstalldefs: {
    // The SLA queue dashlet: Module Loader copies it to custom/modules/Home/Dashlets/<name>/ and
    // rebuilds the dashlet cache on install and uninstall (ModuleInstaller::install_dashlets).
    dashlets: [{ name: 'SlaQueueDashlet', from: '<basepath>/custom/modules/Home/Dashlets/SlaQueueDashlet' }],
  },
};
