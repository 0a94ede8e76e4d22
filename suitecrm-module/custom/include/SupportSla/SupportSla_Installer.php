<?php
/**
 * What scripts/post_install.php and scripts/pre_uninstall.php do, step by step, each step on its
 * own so one failure does not stop the others (and says what failed in the install log):
 *
 * install: the Accounts and Cases layouts (not on an upgrade: the admin owns them by then, and a
 * panel they removed stays removed; an upgrade only marks the bridge- and hook-written cells of
 * the detail views read-only and moves list columns still where 1.0.0 put them, which SuiteCRM
 * 8.x needs, see SupportSla_ReadOnlyCells and SupportSla_ListPlacement), the time entries' access rights (SuiteCRM creates them only
 * when it creates the table, so not on a reinstall that kept the table), then the email
 * templates, workflows and reports.
 *
 * uninstall (before SuiteCRM's own uninstall): every package field out of the Accounts and Cases
 * layouts, the package's reports, workflows and templates, and the time-entry relationships'
 * metadata, which SuiteCRM leaves included from custom/Extension/application/Ext/TableDictionary
 * when the admin keeps the tables, and the package's indexes on the stock tables.
 *
 * The SuiteCRM work goes through three adapters (views, records, platform), so the steps are
 * tested with fakes; forSuiteCrm() builds the real ones.
 */

require_once __DIR__ . '/SupportSla_Contract.php';
require_once __DIR__ . '/SupportSla_LayoutInstaller.php';
require_once __DIR__ . '/SupportSla_RecordInstaller.php';
require_once __DIR__ . '/SupportSla_ReadyMade.php';
require_once __DIR__ . '/SupportSla_Queue.php';

class SupportSla_Installer
{
    const TIME_ENTRY_MODULE = 'SLA_TimeEntries';

    private $views;
    private $store;
    private $platform;
    private $language;
    private $ownerId;

    /**
     * @param object $views see SupportSla_LayoutInstaller
     * @param object $store see SupportSla_RecordInstaller
     * @param object $platform ensureAclActions($module), removeRelationshipMetadata($files),
     *                         reportsOn($module) (names of live reports on a module),
     *                         dropIndex($table, $name) (true when it was there)
     * @param string $language the language of the records' names and texts
     * @param string $ownerId the user the records are assigned to
     */
    public function __construct($views, $store, $platform, $language, $ownerId)
    {
        $this->views = $views;
        $this->store = $store;
        $this->platform = $platform;
        $this->language = $language;
        $this->ownerId = $ownerId;
    }

    /** The installer with SuiteCRM's own adapters, the site's default language and the current user. */
    public static function forSuiteCrm()
    {
        require_once __DIR__ . '/SupportSla_SuiteCrm.php';
        $config = isset($GLOBALS['sugar_config']) && is_array($GLOBALS['sugar_config']) ? $GLOBALS['sugar_config'] : array();
        $language = isset($config['default_language']) ? (string)$config['default_language'] : 'en_us';
        $ownerId = isset($GLOBALS['current_user']) && is_object($GLOBALS['current_user']) && !empty($GLOBALS['current_user']->id)
            ? (string)$GLOBALS['current_user']->id
            : '1';
        return new SupportSla_Installer(
            new SupportSla_StudioViews(),
            new SupportSla_BeanStore(),
            new SupportSla_Platform(),
            $language,
            $ownerId
        );
    }

    /**
     * @param bool $upgrade true when Module Loader replaces an older installed version
     * @return array log lines
     */
    public function install($upgrade)
    {
        $log = array();
        if ($upgrade) {
            $log[] = 'Layouts: an upgrade leaves them as they are, but for the read-only marks of the fields the bridge writes and list columns still where 1.0.0 put them.';
            try {
                $layouts = new SupportSla_LayoutInstaller($this->views);
                $log = array_merge($log, $layouts->upgrade());
            } catch (Throwable $error) {
                $log[] = 'Layouts: FAILED: ' . $error->getMessage();
            }
        } else {
            try {
                $layouts = new SupportSla_LayoutInstaller($this->views);
                $log = array_merge($log, $layouts->install());
            } catch (Throwable $error) {
                $log[] = 'Layouts: FAILED: ' . $error->getMessage();
            }
        }
        try {
            $layouts = new SupportSla_LayoutInstaller($this->views);
            $log = array_merge($log, $layouts->applyDisplayTypes());
        } catch (Throwable $error) {
            $log[] = 'Badges and countdowns: FAILED: ' . $error->getMessage();
        }
        try {
            $this->platform->ensureAclActions(self::TIME_ENTRY_MODULE);
            $log[] = 'Access rights of ' . self::TIME_ENTRY_MODULE . ': in place.';
        } catch (Throwable $error) {
            $log[] = 'Access rights of ' . self::TIME_ENTRY_MODULE . ': FAILED: ' . $error->getMessage();
        }
        try {
            // The SLA queue dashlet's index (SupportSla_Queue); kept when it is already there.
            $this->platform->ensureIndex(SupportSla_Queue::TABLE, SupportSla_Queue::INDEX);
            $log[] = 'SLA queue index on ' . SupportSla_Queue::TABLE . ': in place.';
        } catch (Throwable $error) {
            $log[] = 'SLA queue index on ' . SupportSla_Queue::TABLE . ': FAILED: ' . $error->getMessage();
        }
        try {
            $records = new SupportSla_RecordInstaller($this->store);
            $log = array_merge($log, $records->install($this->records(), $upgrade));
        } catch (Throwable $error) {
            $log[] = 'Reports, workflows and templates: FAILED: ' . $error->getMessage();
        }
        return $log;
    }

    /** @return array log lines */
    public function uninstall()
    {
        $log = array();
        try {
            $layouts = new SupportSla_LayoutInstaller($this->views);
            $log = array_merge($log, $layouts->uninstall());
        } catch (Throwable $error) {
            $log[] = 'Layouts: FAILED: ' . $error->getMessage();
        }
        try {
            $records = new SupportSla_RecordInstaller($this->store);
            $log = array_merge($log, $records->uninstall($this->records()));
            foreach ($this->platform->reportsOn(self::TIME_ENTRY_MODULE) as $name) {
                $log[] = 'Report "' . $name . '" (not the package\'s) uses ' . self::TIME_ENTRY_MODULE
                    . ': it fails to open until the package is installed again; delete it if you no longer need it.';
            }
        } catch (Throwable $error) {
            $log[] = 'Reports, workflows and templates: FAILED: ' . $error->getMessage();
        }
        try {
            $this->platform->dropIndex(SupportSla_Queue::TABLE, SupportSla_Queue::INDEX['name']);
            $log[] = 'SLA queue index on ' . SupportSla_Queue::TABLE . ': removed.';
        } catch (Throwable $error) {
            $log[] = 'SLA queue index on ' . SupportSla_Queue::TABLE . ': FAILED: ' . $error->getMessage();
        }
        try {
            $files = array();
            foreach (SupportSla_Contract::RELATIONSHIPS as $relationship) {
                $files[] = $relationship['metadata'];
            }
            $this->platform->removeRelationshipMetadata($files);
            $log[] = 'Relationship metadata: removed.';
        } catch (Throwable $error) {
            $log[] = 'Relationship metadata: FAILED: ' . $error->getMessage();
        }
        // SuiteCRM's repair adds a vardef's index but never drops one: the package's indexes on
        // the stock tables (the bridge's date_modified reads) would outlive it.
        foreach (SupportSla_Contract::STOCK_INDICES as $index => $table) {
            try {
                $dropped = $this->platform->dropIndex($table, $index);
                $log[] = 'Index ' . $index . ' on ' . $table . ': ' . ($dropped ? 'dropped.' : 'not there.');
            } catch (Throwable $error) {
                $log[] = 'Index ' . $index . ' on ' . $table . ': FAILED: ' . $error->getMessage();
            }
        }
        return $log;
    }

    private function records()
    {
        return SupportSla_ReadyMade::records($this->language, $this->ownerId);
    }
}
