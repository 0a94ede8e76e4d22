<?php
/**
 * Which package fields show as a badge or with a countdown, and the cell types that name them in
 * a layout (docs/staff-view.md). A detail-view cell or list-view column with 'type' => 'Slabadge'
 * or 'Sladue' is drawn by custom/include/SugarFields/Fields/<Type>/SugarField<Type>.php (SuiteCRM 7
 * passes a layout cell's type to SugarFieldHandler, which looks under custom/ first). The vardefs
 * keep their own types, so saving, searching, sorting, reports and the API are SuiteCRM's own,
 * and SuiteCRM 8's Angular views, which read no cell type, show the plain label and date.
 */
require_once __DIR__ . '/SupportSla_Row.php';
require_once __DIR__ . '/SupportSla_Badge.php';
require_once __DIR__ . '/SupportSla_Countdown.php';
require_once __DIR__ . '/SupportSla_InputStamp.php';

class SupportSla_Display
{
    const BADGE_TYPE = 'Slabadge';
    const DUE_TYPE = 'Sladue';

    /** The field holding why the bridge could not compute a case (the not-computed badge's hover). */
    const REASON_FIELD = 'sla_data_problem_c';

    /** Status fields shown as badges. */
    const BADGES = array('sla_response_status_c', 'sla_resolution_status_c', );

    /** Due field => the status field of the same target (the count shows while it runs). */
    const DUES = array(
        'sla_response_due_c' => 'sla_response_status_c',
        'sla_resolution_due_c' => 'sla_resolution_status_c',
    );

    /**
     * Due field => the field its list column sorts on. SuiteCRM 7.14's list header sorts on the
     * column's `orderBy` (include/ListView/ListViewGeneric.tpl: `$params.orderBy|default:$colHeader`),
     * and ListViewData::getListViewData keeps an order only on a queried field (its related_fields).
     * The bridge writes the key with a value after every date when there is no due time, so
     * ascending order puts blank ones last. SuiteCRM 8 sorts on the column's own field.
     */
    const SORT_KEYS = array(
        'sla_response_due_c' => 'sla_response_sort_c',
    );

    /** @return string the display type of a field ('' for none) */
    public static function typeOf($name)
    {
        $name = strtolower((string)$name);
        if (in_array($name, self::BADGES, true)) {
            return self::BADGE_TYPE;
        }
        return self::statusOf($name) === '' ? '' : self::DUE_TYPE;
    }

    /** @return string the status field of a due field ('' when it is not one) */
    public static function statusOf($dueField)
    {
        $status = SupportSla_Row::value(self::DUES, strtolower((string)$dueField));
        return $status === null ? '' : $status;
    }

    /**
     * Detail-view cells with the display types set: only plain cells (no type, no customCode),
     * so a cell an admin customised stays as it is.
     *
     * @param array $cells as SupportSla_Layout::panelCells builds them for a detail view
     * @return array
     */
    public static function detailCells($cells)
    {
        $out = array();
        foreach ($cells as $cell) {
            $out[] = self::typedCell($cell);
        }
        return $out;
    }

    /**
     * List-view columns with the display types set. A due column also fetches its status, which
     * decides whether the count shows, a status column the not-computed reason, and both the SLA
     * input stamp and its echo (the list view queries only its columns and their related_fields).
     *
     * @param array $columns upper-case key => definition
     * @return array
     */
    public static function listColumns($columns)
    {
        $out = array();
        foreach ($columns as $key => $column) {
            $type = self::typeOf($key);
            if ($type !== '' && is_array($column) && empty($column['customCode'])) {
                $column = array_replace($column, array('type' => $type, ));
                // A due column needs its status (and its sort key); a status column the not-computed reason.
                // Both: the SLA input stamp and its echo ("SLA being updated", SupportSla_BeingUpdated).
                $needed = array(
                    $type === self::DUE_TYPE ? self::statusOf($key) : self::REASON_FIELD,
                    SupportSla_InputStamp::STAMP_FIELD,
                    SupportSla_InputStamp::SEEN_FIELD,
                );
                $sortKey = SupportSla_Row::value(self::SORT_KEYS, strtolower((string)$key));
                if ($sortKey !== null && !isset($column['orderBy'])) {
                    $column = array_replace($column, array('orderBy' => $sortKey, ));
                }
                if ($sortKey !== null && SupportSla_Row::value($column, 'orderBy') === $sortKey) {
                    $needed[] = $sortKey;
                }
                $related = isset($column['related_fields']) && is_array($column['related_fields']) ? $column['related_fields'] : array();
                foreach ($needed as $field) {
                    if (!in_array($field, $related, true)) {
                        $related[] = $field;
                    }
                }
                $column = array_replace($column, array('related_fields' => $related, ));
            }
            $out = $out + array($key => $column, );
        }
        return $out;
    }

    /**
     * A whole detail view with the display types set on every plain cell of a status or due
     * field, wherever an admin placed it (an upgrade, whose layouts the admin owns, gets the
     * badges without any other change). Rows and panels keep their keys and order.
     *
     * @param array $view a DetailView definition (templateMeta, panels)
     * @return array
     */
    public static function detailView($view)
    {
        if (!is_array($view) || !isset($view['panels']) || !is_array($view['panels'])) {
            return $view;
        }
        $panels = array();
        foreach ($view['panels'] as $panelKey => $rows) {
            $newRows = array();
            foreach ((array)$rows as $rowKey => $row) {
                $newRows = $newRows + array($rowKey => is_array($row) ? self::typedRow($row) : $row, );
            }
            $panels = $panels + array($panelKey => $newRows, );
        }
        return array_replace($view, array('panels' => $panels, ));
    }

    private static function typedRow($row)
    {
        $out = array();
        foreach ($row as $key => $cell) {
            if (is_string($cell) && self::typeOf($cell) !== '') {
                $cell = array('name' => $cell, );
            }
            $out = $out + array($key => self::typedCell($cell), );
        }
        return $out;
    }

    private static function typedCell($cell)
    {
        if (!is_array($cell) || !isset($cell['name']) || isset($cell['type']) || isset($cell['customCode'])) {
            return $cell;
        }
        $type = self::typeOf($cell['name']);
        return $type === '' ? $cell : $cell + array('type' => $type, );
    }
}
