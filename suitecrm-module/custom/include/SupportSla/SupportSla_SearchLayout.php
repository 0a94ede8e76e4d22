<?php
/**
 * Takes the package's fields out of a search view as a pure function (see SupportSla_Layout for
 * the rules): array('templateMeta' => ..., 'layout' => array('basic_search' => ..., ...)), as
 * Studio keeps it (custom/modules/<M>/metadata/searchdefs.php). Scanner-clean: foreach and +.
 */

require_once __DIR__ . '/SupportSla_Layout.php';
require_once __DIR__ . '/SupportSla_LayoutArrays.php';

class SupportSla_SearchLayout
{
    /**
     * Takes fields out of every layout of a search view (basic, advanced).
     *
     * @param array $searchdefs array('templateMeta' => ..., 'layout' => array(...))
     * @param array $fieldNames
     * @return array the new definitions, or the same array when none of the fields was there
     */
    public static function removeSearchFields($searchdefs, $fieldNames)
    {
        if (!is_array($searchdefs) || !isset($searchdefs['layout']) || !is_array($searchdefs['layout'])) {
            return $searchdefs;
        }
        $names = SupportSla_LayoutArrays::lowerNames($fieldNames);
        $layouts = array();
        $changed = false;
        foreach ($searchdefs['layout'] as $layoutKey => $entries) {
            if (!is_array($entries)) {
                $layouts = $layouts + array($layoutKey => $entries, );
                continue;
            }
            $kept = array();
            $removed = false;
            foreach ($entries as $key => $entry) {
                $name = SupportSla_Layout::cellName($entry);
                if ($name === '' && is_string($key)) {
                    $name = $key;
                }
                if (in_array(strtolower($name), $names, true)) {
                    $removed = true;
                    continue;
                }
                $kept = $kept + array($key => $entry, );
            }
            if ($removed && SupportSla_LayoutArrays::isList($entries)) {
                $kept = array_values($kept);
            }
            $changed = $changed || $removed;
            $layouts = $layouts + array($layoutKey => $removed ? $kept : $entries, );
        }
        return $changed ? array_replace($searchdefs, array('layout' => $layouts, )) : $searchdefs;
    }
}
