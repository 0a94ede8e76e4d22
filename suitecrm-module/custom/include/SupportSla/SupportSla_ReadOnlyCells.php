<?php
/**
 * Marks the cells of the fields the bridge or the hook writes as read-only in a detail view, as
 * a pure function (layout in, layout out; the same array back when nothing changed).
 *
 * Why detail views: SuiteCRM 8.x draws its record view, and its edit and create modes, from the
 * DETAIL viewdefs (its editviewdefs only serve the legacy screens). Its RecordViewReadOnlyMapper
 * (core/backend/ViewDefinitions/LegacyHandler/RecordView) turns a cell's 'readonly' => true into
 * a read-only field, and the Angular field then keeps its detail display in edit and create modes
 * and offers no inline edit. SuiteCRM 7.14's DetailView2 and EditView2 ignore the key, and
 * Studio's GridLayoutMetaDataParser keeps a cell's keys when it saves a layout again, so the mark
 * survives a Studio save on both versions.
 *
 * Every such cell is marked wherever it is (the admin may have moved it), so an install and an
 * upgrade from a version that wrote plain cells both end with the same layout.
 *
 * Scanner-clean: arrays are read with foreach and built with +, never $a[$k].
 */
class SupportSla_ReadOnlyCells
{
    /**
     * @param array $view one grid view (array('templateMeta' => ..., 'panels' => ...))
     * @param array $fieldNames the fields to show read-only
     * @return array the view with those cells marked, or the same array when all were marked
     */
    public static function mark($view, $fieldNames)
    {
        if (!is_array($view) || !isset($view['panels']) || !is_array($view['panels'])) {
            return $view;
        }
        $names = array();
        foreach ($fieldNames as $name) {
            $names[] = strtolower($name);
        }
        $panels = self::markNode($view['panels'], $names);
        if ($panels === $view['panels']) {
            return $view;
        }
        return array_replace($view, array('panels' => $panels, ));
    }

    /** A cell: a field name, or a definition with 'name'. Anything else holds rows or cells. */
    private static function markNode($node, $names)
    {
        if (is_string($node)) {
            return in_array(strtolower($node), $names, true) ? array('name' => $node, 'readonly' => true, ) : $node;
        }
        if (!is_array($node)) {
            return $node;
        }
        if (isset($node['name']) && is_string($node['name'])) {
            if (!in_array(strtolower($node['name']), $names, true)) {
                return $node;
            }
            if (isset($node['readonly']) && $node['readonly'] === true) {
                return $node;
            }
            return array_replace($node, array('readonly' => true, ));
        }
        $marked = array();
        foreach ($node as $key => $child) {
            $marked = $marked + array($key => self::markNode($child, $names), );
        }
        return $marked === $node ? $node : $marked;
    }

    /**
     * The fields of a module the bridge or the hook writes (SupportSla_Contract's lists).
     *
     * @param array $bridgeFields SupportSla_Contract::BRIDGE_FIELDS
     * @param array $hookFields SupportSla_Contract::HOOK_FIELDS
     * @param string $module
     * @return array
     */
    public static function machineWritten($bridgeFields, $hookFields, $module)
    {
        $names = array();
        foreach (array($bridgeFields, $hookFields) as $lists) {
            foreach ($lists as $listModule => $fields) {
                if ($listModule === $module) {
                    $names = array_merge($names, $fields);
                }
            }
        }
        return $names;
    }
}
