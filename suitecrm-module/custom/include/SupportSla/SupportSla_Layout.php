<?php
/**
 * The package's layout changes as pure functions: layout definitions in, layout definitions out,
 * in the form Studio keeps them (custom/modules/<M>/metadata/*viewdefs.php). The install scripts
 * read the current layout (the admin's Studio version when there is one), pass it through these
 * functions and write it back only when it changed, so:
 * - the admin's own changes are kept;
 * - a field the layout already shows anywhere is never added again, and a panel that is already
 *   there is left alone, so installing twice or upgrading adds nothing;
 * - removing takes out every package field wherever it is (the admin may have moved them), drops
 *   rows and panels that only held package fields, and leaves everything else as it was, so a
 *   layout the package added to comes back exactly as it was before.
 *
 * This class has the grid views (detail, edit, quick create): array('templateMeta' => ...,
 * 'panels' => array(panel key => rows)), a row being a list of cells: a field name, a field
 * definition with 'name', or '' (an empty slot). List views are SupportSla_ListColumns', search
 * views SupportSla_SearchLayout's.
 *
 * Scanner-clean (SuiteCRM's ModuleScanner rejects $a[$k]): arrays are read with foreach and
 * built with + and array_replace.
 */

require_once __DIR__ . '/SupportSla_LayoutArrays.php';

class SupportSla_Layout
{
    /**
     * The cells of a package panel, from SupportSla_Contract::LAYOUT_PANELS fields. In an edit view
     * the fields the bridge or the hook writes are read-only: shown, never posted back.
     *
     * @param array $fields each array('name', 'label', 'type', 'readonly')
     * @param bool $editView
     * @return array
     */
    public static function panelCells($fields, $editView)
    {
        $cells = array();
        foreach ($fields as $field) {
            $name = $field['name'];
            $cell = array('name' => $name, 'label' => $field['label'], );
            if ($editView && !empty($field['readonly'])) {
                if ($field['type'] === 'enum' || $field['type'] === 'multienum') {
                    // SuiteCRM's readonly type shows a dropdown's key; this shows its label.
                    $cell = $cell + array(
                        'customCode' => '{$fields.' . $name . '.options[$fields.' . $name . '.value]}',
                    );
                } else {
                    $cell = $cell + array('type' => 'readonly', );
                }
            } elseif ($editView && $field['type'] === 'datetimecombo') {
                // Any minute, not only the stock widget's quarter hours: SugarFieldDatetimeminute.
                $cell = $cell + array('type' => 'Datetimeminute', );
            }
            $cells[] = $cell;
        }
        return $cells;
    }

    /**
     * One view out of a layout file's definitions (array('DetailView' => array(...))).
     *
     * @param array $defs
     * @param string $viewName DetailView, EditView, QuickCreate
     * @return array|null
     */
    public static function viewIn($defs, $viewName)
    {
        if (!is_array($defs)) {
            return null;
        }
        $found = SupportSla_LayoutArrays::valueFor($defs, $viewName, true);
        return is_array($found) ? $found : null;
    }

    /**
     * Adds a panel to a grid view, unless the view already has a panel with that key. Only the
     * fields the view does not show anywhere yet go in; with none left the view is unchanged.
     * The panel becomes a tab when the view shows every panel as a tab, else a plain panel right
     * after the first one (inside the first tab when the view has tabs).
     *
     * @param array $view
     * @param string $panelKey e.g. lbl_sla_panel (its header is the label LBL_SLA_PANEL)
     * @param array $cells as panelCells returns them
     * @return array the new view, or the same array when nothing was added
     */
    public static function addPanel($view, $panelKey, $cells)
    {
        if (!is_array($view) || !isset($view['panels']) || !is_array($view['panels'])) {
            return $view;
        }
        $panels = self::namedPanels($view['panels']);
        if (SupportSla_LayoutArrays::hasKey($panels, $panelKey)) {
            return $view;
        }
        $present = self::gridFieldNames($view);
        $missing = array();
        foreach ($cells as $cell) {
            if (!in_array(strtolower(self::cellName($cell)), $present, true)) {
                $missing[] = $cell;
            }
        }
        if (count($missing) === 0) {
            return $view;
        }
        $meta = isset($view['templateMeta']) && is_array($view['templateMeta']) ? $view['templateMeta'] : array();
        $rows = array_chunk($missing, self::maxColumns($meta));
        $asTab = self::everyPanelIsATab($panels, $meta);
        $newPanels = array();
        $placed = false;
        foreach ($panels as $key => $rowsOfPanel) {
            $newPanels = $newPanels + array($key => $rowsOfPanel, );
            if (!$asTab && !$placed) {
                $newPanels = $newPanels + array($panelKey => $rows, );
                $placed = true;
            }
        }
        if (!$placed) {
            $newPanels = $newPanels + array($panelKey => $rows, );
        }
        $changes = array('panels' => $newPanels, );
        if (isset($meta['tabDefs']) && is_array($meta['tabDefs'])) {
            $tabDefs = array_replace(
                $meta['tabDefs'],
                array(strtoupper($panelKey) => array('newTab' => $asTab, 'panelDefault' => 'expanded', ), )
            );
            $changes = $changes + array('templateMeta' => array_replace($meta, array('tabDefs' => $tabDefs, )), );
        }
        return array_replace($view, $changes);
    }

    /**
     * Takes fields out of a grid view wherever they are: a cell becomes an empty slot, a row left
     * with only empty slots goes, and a panel left with no rows goes with its tab definition.
     * The panel the package added also goes when it is already empty.
     *
     * @param array $view
     * @param array $fieldNames
     * @param string $panelKey the package's panel
     * @return array the new view, or the same array when none of the fields was there
     */
    public static function removeFields($view, $fieldNames, $panelKey)
    {
        if (!is_array($view) || !isset($view['panels']) || !is_array($view['panels'])) {
            return $view;
        }
        $names = SupportSla_LayoutArrays::lowerNames($fieldNames);
        if (self::isRowList($view['panels'])) {
            // One unnamed panel: its rows directly under 'panels'.
            $result = self::removeFromRows($view['panels'], $names);
            return $result['changed'] ? array_replace($view, array('panels' => $result['rows'], )) : $view;
        }
        $panels = array();
        $dropped = array();
        $changed = false;
        foreach ($view['panels'] as $key => $rows) {
            $rows = is_array($rows) ? $rows : array();
            $result = self::removeFromRows($rows, $names);
            $ours = strtolower((string)$key) === strtolower($panelKey);
            if (($result['changed'] || $ours) && count($result['rows']) === 0) {
                $dropped[] = strtoupper((string)$key);
                $changed = true;
                continue;
            }
            $changed = $changed || $result['changed'];
            $panels = $panels + array($key => $result['rows'], );
        }
        if (!$changed) {
            return $view;
        }
        $changes = array('panels' => $panels, );
        $meta = isset($view['templateMeta']) && is_array($view['templateMeta']) ? $view['templateMeta'] : null;
        if ($meta !== null && isset($meta['tabDefs']) && is_array($meta['tabDefs'])) {
            $tabDefs = array();
            $tabsChanged = false;
            foreach ($meta['tabDefs'] as $tabKey => $tabDef) {
                if (in_array(strtoupper((string)$tabKey), $dropped, true)) {
                    $tabsChanged = true;
                    continue;
                }
                $tabDefs = $tabDefs + array($tabKey => $tabDef, );
            }
            if ($tabsChanged) {
                $changes = $changes + array('templateMeta' => array_replace($meta, array('tabDefs' => $tabDefs, )), );
            }
        }
        return array_replace($view, $changes);
    }

    /**
     * The field names a grid view shows, lower-case, in order.
     *
     * @param array $view
     * @return array
     */
    public static function gridFieldNames($view)
    {
        $names = array();
        if (!is_array($view) || !isset($view['panels']) || !is_array($view['panels'])) {
            return $names;
        }
        foreach (self::namedPanels($view['panels']) as $rows) {
            if (!is_array($rows)) {
                continue;
            }
            foreach ($rows as $row) {
                foreach (self::cellsOf($row) as $cell) {
                    $name = strtolower(self::cellName($cell));
                    if ($name !== '') {
                        $names[] = $name;
                    }
                }
            }
        }
        return $names;
    }

    /** The field name of a cell: a name, a definition with 'name', or '' for an empty slot. */
    public static function cellName($cell)
    {
        if (is_string($cell)) {
            return trim($cell);
        }
        if (is_array($cell) && isset($cell['name']) && is_string($cell['name'])) {
            return trim($cell['name']);
        }
        return '';
    }

    /**
     * @return array array('rows' => the rows without the fields, 'changed' => bool)
     */
    private static function removeFromRows($rows, $names)
    {
        $kept = array();
        $changed = false;
        $droppedRow = false;
        foreach ($rows as $rowKey => $row) {
            if (!is_array($row)) {
                // A row given as a bare field name.
                if (in_array(strtolower(self::cellName($row)), $names, true)) {
                    $changed = true;
                    $droppedRow = true;
                    continue;
                }
                $kept = $kept + array($rowKey => $row, );
                continue;
            }
            $newRow = array();
            $rowChanged = false;
            $filled = false;
            foreach ($row as $columnKey => $cell) {
                if (in_array(strtolower(self::cellName($cell)), $names, true)) {
                    $newRow = $newRow + array($columnKey => '', );
                    $rowChanged = true;
                    continue;
                }
                $newRow = $newRow + array($columnKey => $cell, );
                $filled = $filled || self::cellName($cell) !== '';
            }
            if ($rowChanged) {
                $changed = true;
                if (!$filled) {
                    $droppedRow = true;
                    continue;
                }
            }
            $kept = $kept + array($rowKey => $rowChanged ? $newRow : $row, );
        }
        if ($droppedRow) {
            $kept = array_values($kept);
        }
        return array('rows' => $kept, 'changed' => $changed, );
    }

    /** The cells of a row (a row may be a bare field name). */
    private static function cellsOf($row)
    {
        return is_array($row) ? $row : array($row, );
    }

    /** Panels keyed by name: a view whose rows sit directly under 'panels' has one, 'default'. */
    private static function namedPanels($panels)
    {
        return self::isRowList($panels) ? array('default' => $panels, ) : $panels;
    }

    /** True when 'panels' holds rows rather than named panels (its first key is a number). */
    private static function isRowList($panels)
    {
        foreach ($panels as $key => $value) {
            return is_int($key);
        }
        return false;
    }

    private static function maxColumns($meta)
    {
        $columns = isset($meta['maxColumns']) ? (int)$meta['maxColumns'] : 2;
        return $columns > 0 ? $columns : 2;
    }

    /** True when the view uses tabs and every one of its panels is a tab. */
    private static function everyPanelIsATab($panels, $meta)
    {
        $useTabs = isset($meta['useTabs']) ? $meta['useTabs'] : false;
        if (!($useTabs === true || $useTabs === 'true' || $useTabs === 1 || $useTabs === '1')) {
            return false;
        }
        $tabDefs = isset($meta['tabDefs']) && is_array($meta['tabDefs']) ? $meta['tabDefs'] : array();
        foreach ($panels as $key => $rows) {
            $tabDef = SupportSla_LayoutArrays::valueFor($tabDefs, strtoupper((string)$key), false);
            $newTab = is_array($tabDef) && isset($tabDef['newTab']) ? $tabDef['newTab'] : false;
            if (!($newTab === true || $newTab === 'true' || $newTab === 1 || $newTab === '1')) {
                return false;
            }
        }
        return count($panels) > 0;
    }
}
