<?php
/**
 * A datetime edit field that takes any minute: SuiteCRM 7's stock Datetimecombo widget, rendered
 * by the stock class and template, with every minute offered (SupportSla_MinuteWidget). An edit
 * view cell names it with 'type' => 'Datetimeminute' (the Smarty sugar_field function passes a
 * cell's type as typeOverride; SugarFieldHandler::getSugarField finds this class under custom/).
 * The field's vardef stays datetimecombo, so saving is SuiteCRM's own: include/formbase.php
 * populateFromPost calls SugarFieldDatetimecombo::save, which converts the user's format and time
 * zone to the database form, minute included. SuiteCRM 8 reads no edit view cell type (its
 * record view takes only required and readOnly from editviewdefs), so this runs on 7.14 and in
 * 8.x's legacy screens only.
 */

if (!class_exists('SugarFieldDatetimecombo')) {
    require_once 'include/SugarFields/Fields/Datetimecombo/SugarFieldDatetimecombo.php';
}
require_once __DIR__ . '/../../../SupportSla/SupportSla_MinuteWidget.php';

#[\AllowDynamicProperties]
class SugarFieldDatetimeminute extends SugarFieldDatetimecombo
{
    public function getEditViewSmarty($parentFieldArray, $vardef, $displayParams, $tabindex)
    {
        $html = parent::getEditViewSmarty($parentFieldArray, $vardef, $displayParams, $tabindex);
        $name = isset($vardef['name']) ? (string)$vardef['name'] : '';
        $id = empty($displayParams['idName']) ? $name : (string)$displayParams['idName'];
        return $html . SupportSla_MinuteWidget::script($id, $parentFieldArray, $name);
    }
}
