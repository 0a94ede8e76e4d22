<?php
/**
 * A due time with the time left or overdue beside it (SupportSla_Countdown) in SuiteCRM 7's
 * detail and list views. A layout cell names it with 'type' => 'Sladue' (SupportSla_Display).
 * The absolute time is the stock Datetimecombo display (user time zone and format); the vardef
 * stays datetimecombo, so editing, saving and sorting are SuiteCRM's own. While the bridge has not
 * yet caught up with a save, "SLA being updated" shows instead (SupportSla_BeingUpdated).
 */

if (!class_exists('SugarFieldDatetimecombo')) {
    require_once 'include/SugarFields/Fields/Datetimecombo/SugarFieldDatetimecombo.php';
}
require_once __DIR__ . '/../../../SupportSla/SupportSla_Display.php';
require_once __DIR__ . '/../../../SupportSla/SupportSla_BeingUpdated.php';
require_once __DIR__ . '/../Slabadge/SugarFieldSlabadge.php';

#[\AllowDynamicProperties]
class SugarFieldSladue extends SugarFieldDatetimecombo
{
    public function getDetailViewSmarty($parentFieldArray, $vardef, $displayParams, $tabindex)
    {
        $html = parent::getDetailViewSmarty($parentFieldArray, $vardef, $displayParams, $tabindex);
        $name = isset($vardef['name']) ? strtolower((string)$vardef['name']) : '';
        return SupportSla_BeingUpdated::smarty($html . SupportSla_Countdown::smarty($name, SupportSla_Display::statusOf($name), SupportSla_Countdown::currentLanguage()));
    }

    /** The row holds the time in the user's format and time zone (SugarBean::loadFromRow). */
    public function getListViewSmarty($parentFieldArray, $vardef, $displayParams, $col)
    {
        $html = parent::getListViewSmarty($parentFieldArray, $vardef, $displayParams, $col);
        $name = isset($vardef['name']) ? strtolower((string)$vardef['name']) : '';
        $status = SupportSla_Display::statusOf($name);
        $shown = SupportSla_Row::text(SupportSla_Row::value($parentFieldArray, strtoupper($name)));
        $statusLabel = SupportSla_Row::text(SupportSla_Row::value($parentFieldArray, strtoupper($status)));
        $statusKey = SugarFieldSlabadge::keyOf($statusLabel, SugarFieldSlabadge::optionsNamed(self::statusList($status)));
        return SupportSla_BeingUpdated::html($parentFieldArray, $html . SupportSla_Countdown::html(self::toDb($shown), $statusKey, SupportSla_Countdown::currentLanguage()));
    }

    /** A time as the user sees it, back in the database form (UTC); '' when it does not parse. */
    public static function toDb($shown)
    {
        if (SupportSla_Countdown::dbForm($shown) !== '' || $shown === '') {
            return SupportSla_Countdown::dbForm($shown);
        }
        $timedate = isset($GLOBALS['timedate']) ? $GLOBALS['timedate'] : null;
        $user = isset($GLOBALS['current_user']) ? $GLOBALS['current_user'] : null;
        if (!is_object($timedate) || !is_object($user)) {
            return '';
        }
        $moment = $timedate->fromUser($shown, $user);
        return $moment ? (string)$timedate->asDb($moment) : '';
    }

    private static function statusList($statusField)
    {
        return $statusField === 'sla_resolution_status_c' ? 'sla_resolution_status_list' : 'sla_response_status_list';
    }
}
