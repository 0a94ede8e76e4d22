<?php
/**
 * The every-minute datetime edit field (SugarFieldDatetimeminute) around a stand-in for SuiteCRM's
 * include/SugarFields/Fields/Datetimecombo/SugarFieldDatetimecombo.php: the stock widget's markup
 * comes first, unchanged, then the script that offers every minute (SupportSla_MinuteWidget; its
 * browser behaviour is tested in test/integration/package/minute-widget.test.ts).
 */

require_once __DIR__ . '/../support/sugarfield-standins.php';
require_once PACKAGE_ROOT . '/custom/include/SugarFields/Fields/Datetimeminute/SugarFieldDatetimeminute.php';

test('minute widget: the stock widget, then the script for the field\'s element id and value', function () {
    $field = new SugarFieldDatetimeminute('Datetimeminute');
    $html = $field->getEditViewSmarty('fields', ['name' => 'sla_reported_at_c', 'type' => 'Datetimeminute'], ['formName' => 'EditView'], 5);
    same([['fields', 'sla_reported_at_c', ['formName' => 'EditView'], 5]], $field->calls, 'the stock rendering, with the same arguments');
    same(0, strpos($html, '<stock widget for sla_reported_at_c>'), 'stock markup first');
    truthy(strpos($html, "{/literal}('sla_reported_at_c', '{\$fields.sla_reported_at_c.value|escape:'javascript'}');</script>") !== false, 'called with the id and the escaped value: ' . $html);
    same(1, substr_count($html, '{literal}'));
    same(1, substr_count($html, '{/literal}'));
});

test('minute widget: an idName from the layout is the element id; the value is still the field\'s', function () {
    $html = (new SugarFieldDatetimeminute('Datetimeminute'))->getEditViewSmarty('fields', ['name' => 'sla_reported_at_c'], ['idName' => 'qc_reported'], 1);
    truthy(strpos($html, "('qc_reported', '{\$fields.sla_reported_at_c.value|escape:'javascript'}')") !== false, $html);
});

test('minute widget: names are reduced to identifier characters, and nothing is added without a field name', function () {
    same('abc_1', SupportSla_MinuteWidget::identifier("a'b<c>_1"));
    same('', SupportSla_MinuteWidget::identifier(['x']));
    same('', SupportSla_MinuteWidget::script('', 'fields', ''));
    truthy(strpos(SupportSla_MinuteWidget::script('x', null, 'x'), '{$fields.x.value') !== false, 'fields is the default parent array');
});

test('minute widget: the class is where SugarFieldHandler::getSugarField looks for type Datetimeminute', function () {
    // include/SugarFields/SugarFieldHandler.php: custom/include/SugarFields/Fields/<Type>/SugarField<Type>.php, class SugarField<Type>.
    truthy(is_file(PACKAGE_ROOT . '/custom/include/SugarFields/Fields/Datetimeminute/SugarFieldDatetimeminute.php'), 'file');
    truthy(is_subclass_of('SugarFieldDatetimeminute', 'SugarFieldDatetimecombo'), 'extends the stock class');
});

test('minute widget: edit view cells of a person-written datetime name the type, detail views and read-only cells do not', function () {
    require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Layout.php';
    $fields = [
        ['name' => 'sla_reported_at_c', 'label' => 'LBL_SLA_REPORTED_AT', 'type' => 'datetimecombo', 'readonly' => false],
        ['name' => 'sla_downgraded_at_c', 'label' => 'LBL_SLA_DOWNGRADED_AT', 'type' => 'datetimecombo', 'readonly' => true],
        ['name' => 'sla_channel_c', 'label' => 'LBL_SLA_CHANNEL', 'type' => 'enum', 'readonly' => false],
    ];
    same([
        ['name' => 'sla_reported_at_c', 'label' => 'LBL_SLA_REPORTED_AT', 'type' => 'Datetimeminute'],
        ['name' => 'sla_downgraded_at_c', 'label' => 'LBL_SLA_DOWNGRADED_AT', 'type' => 'readonly'],
        ['name' => 'sla_channel_c', 'label' => 'LBL_SLA_CHANNEL'],
    ], SupportSla_Layout::panelCells($fields, true));
    same([
        ['name' => 'sla_reported_at_c', 'label' => 'LBL_SLA_REPORTED_AT'],
        ['name' => 'sla_downgraded_at_c', 'label' => 'LBL_SLA_DOWNGRADED_AT'],
        ['name' => 'sla_channel_c', 'label' => 'LBL_SLA_CHANNEL'],
    ], SupportSla_Layout::panelCells($fields, false));
});
