<?php
/**
 * A response or resolution status as a coloured badge (SupportSla_Badge) in SuiteCRM 7's detail
 * and list views. A layout cell names it with 'type' => 'Slabadge' (SupportSla_Display); the
 * vardef stays an enum, so the edit view, inline edit, mass update, search and saving are the
 * stock enum's. Display only: the badge shows the status the bridge wrote, or "SLA being
 * updated" while the bridge has not yet caught up with a save (SupportSla_BeingUpdated).
 */

if (!class_exists('SugarFieldEnum')) {
    require_once 'include/SugarFields/Fields/Enum/SugarFieldEnum.php';
}
require_once __DIR__ . '/../../../SupportSla/SupportSla_Display.php';
require_once __DIR__ . '/../../../SupportSla/SupportSla_BeingUpdated.php';

#[\AllowDynamicProperties]
class SugarFieldSlabadge extends SugarFieldEnum
{
    /** Smarty source for the detail view's second pass (the template is shared by every record). */
    public function getDetailViewSmarty($parentFieldArray, $vardef, $displayParams, $tabindex)
    {
        $name = isset($vardef['name']) ? strtolower((string)$vardef['name']) : '';
        return SupportSla_BeingUpdated::smarty(SupportSla_Badge::smarty($name, SupportSla_Display::REASON_FIELD));
    }

    /**
     * The list view renders each row in PHP. Its row holds the enum's label, not its key
     * (SugarBean::get_list_view_array translates enums), so the key is found from the options.
     */
    public function getListViewSmarty($parentFieldArray, $vardef, $displayParams, $col)
    {
        $name = isset($vardef['name']) ? strtoupper((string)$vardef['name']) : '';
        $label = SupportSla_Row::text(SupportSla_Row::value($parentFieldArray, $name));
        $options = isset($vardef['options']) ? self::optionsNamed($vardef['options']) : array();
        $status = self::keyOf($label, $options);
        $reason = SupportSla_Row::text(SupportSla_Row::value($parentFieldArray, strtoupper(SupportSla_Display::REASON_FIELD)));
        return SupportSla_BeingUpdated::html($parentFieldArray, SupportSla_Badge::html($status, $label, $reason));
    }

    /** @return array the dropdown list of that name in the user's language (array() when none) */
    public static function optionsNamed($listName)
    {
        if (is_array($listName)) {
            return $listName;
        }
        $lists = isset($GLOBALS['app_list_strings']) && is_array($GLOBALS['app_list_strings']) ? $GLOBALS['app_list_strings'] : array();
        $found = array_intersect_key($lists, array((string)$listName => true, ));
        $options = $found ? reset($found) : array();
        return is_array($options) ? $options : array();
    }

    /** @return string the key whose label is $label; a key given as it is stays itself */
    public static function keyOf($label, $options)
    {
        $plain = html_entity_decode((string)$label, ENT_QUOTES, 'UTF-8');
        foreach ($options as $key => $text) {
            if ((string)$key !== '' && ((string)$text === $plain || (string)$key === $plain)) {
                return (string)$key;
            }
        }
        return '';
    }
}
