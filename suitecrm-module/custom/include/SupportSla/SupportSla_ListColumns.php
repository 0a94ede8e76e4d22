<?php
/**
 * The package's list view columns as pure functions (see SupportSla_Layout for the rules):
 * column key (upper-case field name) => definition, as Studio keeps them
 * (custom/modules/<M>/metadata/listviewdefs.php). Columns the admin set are kept; adding twice
 * adds nothing; removing gives back the list as it was. Scanner-clean: foreach and +.
 */

require_once __DIR__ . '/SupportSla_LayoutArrays.php';

class SupportSla_ListColumns
{
    /**
     * List view columns for package fields, as Studio writes them for custom fields.
     *
     * @param array $fields each array('name', 'label', 'type')
     * @return array upper-case key => definition
     */
    public static function listColumnDefs($fields)
    {
        $columns = array();
        foreach ($fields as $field) {
            $columns = $columns + array(
                strtoupper($field['name']) => array(
                    'type' => $field['type'],
                    'default' => true,
                    'studio' => 'visible',
                    'label' => $field['label'],
                    'width' => '10%',
                ),
            );
        }
        return $columns;
    }

    /**
     * Adds list view columns after the column $after (last when it is not there). Columns the
     * list already has, shown or hidden, are left as the admin set them.
     *
     * @param array $columns
     * @param array $newColumns as listColumnDefs returns them
     * @param string $after
     * @return array the new columns (keys upper-case, as Studio writes them), or the same array
     */
    public static function addListColumns($columns, $newColumns, $after)
    {
        if (!is_array($columns)) {
            return $columns;
        }
        $toAdd = array();
        foreach ($newColumns as $key => $definition) {
            if (!SupportSla_LayoutArrays::hasKey($columns, $key)) {
                $toAdd = $toAdd + array(strtoupper($key) => $definition, );
            }
        }
        if (count($toAdd) === 0) {
            return $columns;
        }
        $result = array();
        $placed = false;
        foreach ($columns as $key => $definition) {
            $result = $result + array(strtoupper((string)$key) => $definition, );
            if (!$placed && strtoupper((string)$key) === strtoupper($after)) {
                $result = $result + $toAdd;
                $placed = true;
            }
        }
        return $placed ? $result : $result + $toAdd;
    }

    /**
     * Takes columns out of a list view.
     *
     * @param array $columns
     * @param array $fieldNames
     * @return array the new columns, or the same array when none was there
     */
    public static function removeListColumns($columns, $fieldNames)
    {
        if (!is_array($columns)) {
            return $columns;
        }
        $names = SupportSla_LayoutArrays::lowerNames($fieldNames);
        $result = array();
        $changed = false;
        foreach ($columns as $key => $definition) {
            if (in_array(strtolower((string)$key), $names, true)) {
                $changed = true;
                continue;
            }
            $result = $result + array($key => $definition, );
        }
        return $changed ? $result : $columns;
    }
}
