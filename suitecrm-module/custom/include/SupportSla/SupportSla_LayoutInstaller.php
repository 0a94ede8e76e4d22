<?php
/**
 * Adds the package's panels and list columns to the Accounts and Cases layouts, and the fields staff
 * must fill in to their quick create forms (post_install), and takes every package field out of
 * their layouts again (pre_uninstall), through a store of view
 * definitions: load($module, $view) gives a layout as Studio keeps it (the admin's customised
 * copy when there is one, else the stock one) and save($module, $view, $defs) deploys one.
 * SupportSla_StudioViews is the SuiteCRM one (ModuleBuilder's DeployedMetaDataImplementation,
 * what Studio itself reads and writes with).
 *
 * A layout is written only when SupportSla_Layout changed it, so installing twice leaves every
 * layout file as it was, and a view that never showed a package field is never touched.
 * Views are named as ModuleBuilder names them (detailview, editview, quickcreate, listview,
 * basic_search: the file of both search layouts).
 */

require_once __DIR__ . '/SupportSla_Contract.php';
require_once __DIR__ . '/SupportSla_Layout.php';
require_once __DIR__ . '/SupportSla_ListColumns.php';
require_once __DIR__ . '/SupportSla_SearchLayout.php';
require_once __DIR__ . '/SupportSla_ReadOnlyCells.php';
require_once __DIR__ . '/SupportSla_ListPlacement.php';
require_once __DIR__ . '/SupportSla_Display.php';

class SupportSla_LayoutInstaller
{
    /** Grid views and the key their definitions sit under in the layout file. */
    const GRID_VIEWS = array('detailview' => 'DetailView', 'editview' => 'EditView', 'quickcreate' => 'QuickCreate', );

    private $views;

    public function __construct($views)
    {
        $this->views = $views;
    }

    /** @return array log lines (a view that fails is reported and the others still done) */
    public function install()
    {
        $log = array();
        foreach (SupportSla_Contract::LAYOUT_PANELS as $module => $panel) {
            foreach (array('detailview', 'editview', 'quickcreate') as $view) {
                $fields = $view === 'quickcreate' ? $panel['quick_create'] : $panel['fields'];
                if (count($fields) === 0) {
                    continue;
                }
                try {
                    $log[] = $this->addPanel($module, $view, $panel['panel'], $fields);
                } catch (Throwable $error) {
                    $log[] = $module . ' ' . $view . ': FAILED: ' . $error->getMessage();
                }
            }
        }
        // The time-entry module's own detail view ships marked read-only: nothing to do here.
        foreach (SupportSla_Contract::LIST_COLUMNS as $module => $columns) {
            try {
                $current = $this->views->load($module, 'listview');
                $changed = SupportSla_ListColumns::addListColumns(
                    $current,
                    // Badges and countdowns (SupportSla_Display): a column type, kept by Studio.
                    SupportSla_Display::listColumns(SupportSla_ListColumns::listColumnDefs($columns['fields'])),
                    $columns['after']
                );
                $log[] = $this->saveIfChanged($module, 'listview', $current, $changed, 'columns added', 'columns already there');
            } catch (Throwable $error) {
                $log[] = $module . ' listview: FAILED: ' . $error->getMessage();
            }
        }
        return $log;
    }

    /**
     * What an upgrade does to the layouts (the admin owns them by then): the read-only marks of
     * the detail views, for every module with fields the bridge writes (the time-entry module's
     * view matters when the admin keeps a Studio copy of it), and the list columns moved last
     * where they are still exactly where 1.0.0 put them (SupportSla_ListPlacement).
     *
     * @return array log lines (a view that fails is reported and the others still done)
     */
    public function upgrade()
    {
        $log = array();
        foreach (SupportSla_Contract::BRIDGE_FIELDS as $module => $fields) {
            try {
                $log[] = $this->markReadOnly($module);
            } catch (Throwable $error) {
                $log[] = $module . ' detailview: FAILED: ' . $error->getMessage();
            }
        }
        foreach (SupportSla_Contract::LIST_COLUMNS as $module => $columns) {
            try {
                $current = $this->views->load($module, 'listview');
                $keys = array_keys(SupportSla_ListColumns::listColumnDefs($columns['fields']));
                $changed = SupportSla_ListPlacement::moveLast($current, $keys);
                $log[] = $this->saveIfChanged(
                    $module,
                    'listview',
                    $current,
                    $changed,
                    'package columns moved after the stock ones',
                    'columns left where they are'
                );
            } catch (Throwable $error) {
                $log[] = $module . ' listview: FAILED: ' . $error->getMessage();
            }
        }
        return $log;
    }

    /**
     * Badges and countdowns on the Cases detail and list views as they are now, on an install and
     * on an upgrade: only plain cells of the status and due fields get a type (SupportSla_Display),
     * so a cell the admin customised, and everything else, stays as it is.
     *
     * @return array log lines
     */
    public function applyDisplayTypes()
    {
        $log = array();
        try {
            $defs = $this->views->load('Cases', 'detailview');
            $current = SupportSla_Layout::viewIn($defs, 'DetailView');
            if ($current !== null) {
                $log[] = $this->saveIfChanged('Cases', 'detailview', $current, SupportSla_Display::detailView($current), 'badges and countdowns set', 'badges and countdowns already set', 'DetailView');
            }
        } catch (Throwable $error) {
            $log[] = 'Cases detailview: FAILED: ' . $error->getMessage();
        }
        try {
            $columns = $this->views->load('Cases', 'listview');
            $log[] = $this->saveIfChanged('Cases', 'listview', $columns, SupportSla_Display::listColumns($columns), 'badges and countdowns set', 'badges and countdowns already set');
        } catch (Throwable $error) {
            $log[] = 'Cases listview: FAILED: ' . $error->getMessage();
        }
        return $log;
    }

    /** @return array log lines (a view that fails is reported and the others still done) */
    public function uninstall()
    {
        $log = array();
        foreach (SupportSla_Contract::STOCK_MODULE_FIELDS as $module => $fields) {
            $panelKey = self::panelKeyOf($module);
            foreach (self::GRID_VIEWS as $view => $viewName) {
                try {
                    $defs = $this->views->load($module, $view);
                    $current = SupportSla_Layout::viewIn($defs, $viewName);
                    if ($current === null) {
                        continue;
                    }
                    $changed = SupportSla_Layout::removeFields($current, $fields, $panelKey);
                    if ($changed !== $current) {
                        $this->views->save($module, $view, array($viewName => $changed, ));
                        $log[] = $module . ' ' . $view . ': package fields removed.';
                    }
                } catch (Throwable $error) {
                    $log[] = $module . ' ' . $view . ': FAILED: ' . $error->getMessage();
                }
            }
            try {
                $columns = $this->views->load($module, 'listview');
                $changed = SupportSla_ListColumns::removeListColumns($columns, $fields);
                if ($changed !== $columns) {
                    $this->views->save($module, 'listview', $changed);
                    $log[] = $module . ' listview: package columns removed.';
                }
            } catch (Throwable $error) {
                $log[] = $module . ' listview: FAILED: ' . $error->getMessage();
            }
            try {
                $search = $this->views->load($module, 'basic_search');
                $changed = SupportSla_SearchLayout::removeSearchFields($search, $fields);
                if ($changed !== $search) {
                    $this->views->save($module, 'basic_search', $changed);
                    $log[] = $module . ' search: package fields removed.';
                }
            } catch (Throwable $error) {
                $log[] = $module . ' search: FAILED: ' . $error->getMessage();
            }
        }
        return $log;
    }

    private function addPanel($module, $view, $panelKey, $fields)
    {
        $viewName = $view === 'detailview' ? 'DetailView' : ($view === 'quickcreate' ? 'QuickCreate' : 'EditView');
        $defs = $this->views->load($module, $view);
        $current = SupportSla_Layout::viewIn($defs, $viewName);
        if ($current === null) {
            return $module . ' ' . $view . ': no ' . $viewName . ' layout found, nothing added.';
        }
        $cells = SupportSla_Layout::panelCells($fields, $viewName !== 'DetailView');
        if ($viewName === 'DetailView') {
            // Badges and countdowns (SupportSla_Display): a cell type, kept by Studio.
            $cells = SupportSla_Display::detailCells($cells);
        }
        $withPanel = SupportSla_Layout::addPanel($current, $panelKey, $cells);
        $changed = $viewName === 'DetailView' ? self::withReadOnlyCells($withPanel, $module) : $withPanel;
        return $this->saveIfChanged(
            $module,
            $view,
            $current,
            $changed,
            $withPanel !== $current ? 'panel added' : 'fields the bridge writes marked read-only',
            'panel or its fields already there',
            $viewName
        );
    }

    /** A detail view with no package panel (the time-entry module's own): only the read-only marks. */
    private function markReadOnly($module)
    {
        $defs = $this->views->load($module, 'detailview');
        $current = SupportSla_Layout::viewIn($defs, 'DetailView');
        if ($current === null) {
            return $module . ' detailview: no DetailView layout found, nothing marked.';
        }
        $changed = self::withReadOnlyCells($current, $module);
        return $this->saveIfChanged(
            $module,
            'detailview',
            $current,
            $changed,
            'fields the bridge writes marked read-only',
            'fields the bridge writes already read-only',
            'DetailView'
        );
    }

    /**
     * SuiteCRM 8.x builds its edit and create modes from the detail view: its bridge- and
     * hook-written cells are marked read-only there (SupportSla_ReadOnlyCells says why).
     */
    private static function withReadOnlyCells($view, $module)
    {
        return SupportSla_ReadOnlyCells::mark(
            $view,
            SupportSla_ReadOnlyCells::machineWritten(SupportSla_Contract::BRIDGE_FIELDS, SupportSla_Contract::HOOK_FIELDS, $module)
        );
    }

    private function saveIfChanged($module, $view, $current, $changed, $done, $unchanged, $viewName = '')
    {
        if ($changed === $current) {
            return $module . ' ' . $view . ': ' . $unchanged . ', left as it is.';
        }
        $this->views->save($module, $view, $viewName === '' ? $changed : array($viewName => $changed, ));
        return $module . ' ' . $view . ': ' . $done . '.';
    }

    private static function panelKeyOf($module)
    {
        foreach (SupportSla_Contract::LAYOUT_PANELS as $panelModule => $panel) {
            if ($panelModule === $module) {
                return $panel['panel'];
            }
        }
        return '';
    }
}
