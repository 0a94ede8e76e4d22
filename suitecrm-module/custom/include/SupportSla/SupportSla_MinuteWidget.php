<?php
/**
 * The script that lets SuiteCRM 7's datetime edit widget take any minute (docs/web-ui-saves.md).
 *
 * The stock widget (include/SugarFields/Fields/Datetimecombo/EditView.tpl, which runs
 * jssource/src_files/include/SugarFields/Fields/Datetimecombo/Datetimecombo.js) builds its minutes
 * list in the browser with 00/15/30/45 only, and its constructor rounds the value it shows up to
 * the next quarter hour (past :45 the hour goes up, and at 23:46-23:59 the hour becomes 24, which
 * no option matches). Only PHP files may ship in the package, so the stock template and script are
 * used as they are, and this script, placed right after them, replaces the minutes list with
 * 00-59 and selects the hour, minute and am/pm of the value as it was given to the widget. It
 * then lets the widget write the hidden field the form posts (update(false), as the stock page
 * does on load), so the form posts exactly the time shown.
 *
 * The text is Smarty source for the edit view's second pass: the script sits in {literal} and
 * the value is the field's formatted value, escaped for a JavaScript string.
 */
class SupportSla_MinuteWidget
{
    const SCRIPT = '
(function (id, original) {
    var minutes = document.getElementById(id + \'_minutes\');
    var hours = document.getElementById(id + \'_hours\');
    if (!minutes || !hours) {
        return;
    }
    var pick = function (select, value) {
        for (var i = 0; i < select.options.length; i++) {
            if (select.options[i].value.toLowerCase() === value.toLowerCase()) {
                select.selectedIndex = i;
                return;
            }
        }
    };
    var withEmpty = minutes.options.length > 0 && minutes.options[0].value === \'\';
    minutes.options.length = 0;
    if (withEmpty) {
        minutes.options[minutes.options.length] = new Option(\'\', \'\');
    }
    for (var m = 0; m < 60; m++) {
        var text = (m < 10 ? \'0\' : \'\') + m;
        minutes.options[minutes.options.length] = new Option(text, text);
    }
    /* The widget takes a 10-character date, a space, then the time (Datetimecombo.js). */
    var time = original.length > 11 ? original.substring(11) : \'\';
    if (!/^[0-9][0-9].[0-9][0-9]/.test(time)) {
        return;
    }
    var meridiem = time.substring(5).replace(/^\\s+|\\s+$/g, \'\');
    pick(hours, time.substring(0, 2));
    pick(minutes, time.substring(3, 5));
    var meridiemSelect = document.getElementById(id + \'_meridiem\');
    if (meridiemSelect && meridiem !== \'\') {
        pick(meridiemSelect, meridiem);
    }
    var combo = window[\'combo_\' + id];
    if (combo && typeof combo.update === \'function\') {
        combo.hrs = parseInt(time.substring(0, 2), 10);
        combo.mins = parseInt(time.substring(3, 5), 10);
        combo.meridiem = meridiem;
        combo.update(false);
    }
})';

    /**
     * @param string $id the widget's element id (displayParams idName, else the field name)
     * @param string $parentFieldArray the Smarty array holding the field values ("fields")
     * @param string $fieldName the field whose value the widget shows
     * @return string Smarty source
     */
    public static function script($id, $parentFieldArray, $fieldName)
    {
        $id = self::identifier($id);
        $parent = self::identifier($parentFieldArray);
        $name = self::identifier($fieldName);
        if ($id === '' || $name === '') {
            return '';
        }
        if ($parent === '') {
            $parent = 'fields';
        }
        return '<script type="text/javascript">{literal}' . self::SCRIPT . '{/literal}(\'' . $id . '\', \'{$'
            . $parent . '.' . $name . '.value|escape:\'javascript\'}\');</script>';
    }

    /** A name safe in an element id, a JavaScript string and a Smarty variable ('' when none is left). */
    public static function identifier($value)
    {
        return is_string($value) ? preg_replace('/[^A-Za-z0-9_]/', '', $value) : '';
    }
}
