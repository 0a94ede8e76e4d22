<?php
/**
 * Layout merging (SupportSla_Layout, SupportSla_ListColumns, SupportSla_SearchLayout) on sample
 * stock and Studio-customised layouts: the panel is added once, where it belongs, with read-only
 * bridge fields in edit views; the admin's edits are kept; removing restores the layout exactly.
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Layout.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_ListColumns.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_SearchLayout.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Contract.php';

function panelOf(string $module): array
{
    return SupportSla_Contract::LAYOUT_PANELS[$module];
}

function namesOf(array $fields): array
{
    return array_map(static fn ($field) => $field['name'], $fields);
}

function addOurPanel(string $module, array $view, bool $edit): array
{
    $panel = panelOf($module);
    return SupportSla_Layout::addPanel($view, $panel['panel'], SupportSla_Layout::panelCells($panel['fields'], $edit));
}

function removeOurs(string $module, array $view): array
{
    return SupportSla_Layout::removeFields($view, SupportSla_Contract::STOCK_MODULE_FIELDS[$module], panelOf($module)['panel']);
}

test('stock Cases detail view: the SLA panel goes inside the first tab, after the first panel', function () {
    $stock = fixture('cases-detail-stock')['DetailView'];
    $view = addOurPanel('Cases', $stock, false);
    same(['lbl_case_information', 'lbl_sla_panel', 'LBL_AOP_CASE_UPDATES'], array_keys($view['panels']));
    same(['newTab' => false, 'panelDefault' => 'expanded'], $view['templateMeta']['tabDefs']['LBL_SLA_PANEL']);
    same($stock['panels']['lbl_case_information'], $view['panels']['lbl_case_information'], 'stock panel untouched');
    same($stock['panels']['LBL_AOP_CASE_UPDATES'], $view['panels']['LBL_AOP_CASE_UPDATES'], 'stock panel untouched');
    $rows = $view['panels']['lbl_sla_panel'];
    same((int)ceil(count(panelOf('Cases')['fields']) / 2), count($rows), 'two fields a row');
    same(namesOf(panelOf('Cases')['fields']), SupportSla_Layout::gridFieldNames(['panels' => ['x' => $rows]]), 'every panel field, in order');
    same(['name' => 'sla_reported_at_c', 'label' => 'LBL_SLA_REPORTED_AT'], $rows[0][0], 'detail views show plain fields');
});

test('stock Accounts detail view, where every panel is a tab: the contract panel is a tab of its own, last', function () {
    $stock = fixture('accounts-detail-stock')['DetailView'];
    $view = addOurPanel('Accounts', $stock, false);
    same(['lbl_account_information', 'LBL_PANEL_ADVANCED', 'LBL_PANEL_ASSIGNMENT', 'lbl_sla_support_contract'], array_keys($view['panels']));
    same(['newTab' => true, 'panelDefault' => 'expanded'], $view['templateMeta']['tabDefs']['LBL_SLA_SUPPORT_CONTRACT']);
    same(true, $view['templateMeta']['useTabs']);
});

test('edit views: fields the bridge or the hook writes are read-only, staff fields editable', function () {
    $view = addOurPanel('Cases', fixture('cases-edit-stock')['EditView'], true);
    $cells = [];
    foreach ($view['panels']['lbl_sla_panel'] as $row) {
        foreach ($row as $cell) {
            $cells[$cell['name']] = $cell;
        }
    }
    foreach (panelOf('Cases')['fields'] as $field) {
        $cell = $cells[$field['name']];
        if (!$field['readonly']) {
            // A datetime staff write takes any minute (custom/include/SugarFields/Fields/Datetimeminute).
            $type = $field['type'] === 'datetimecombo' ? ['type' => 'Datetimeminute'] : [];
            same(['name' => $field['name'], 'label' => $field['label']] + $type, $cell, $field['name'] . ' is editable');
        } elseif ($field['type'] === 'enum') {
            same('{$fields.' . $field['name'] . '.options[$fields.' . $field['name'] . '.value]}', $cell['customCode'], $field['name'] . ' shows its label, read-only');
            truthy(!isset($cell['type']), $field['name'] . ' has no type override');
        } else {
            same('readonly', $cell['type'] ?? null, $field['name'] . ' is read-only');
        }
    }
    same('readonly', $cells['sla_downgraded_at_c']['type'], 'the hook-written datetime is read-only');
    truthy(isset($cells['sla_response_status_c']['customCode']), 'response status is read-only');
    same(['name' => 'sla_severity_c', 'label' => 'LBL_SLA_SEVERITY'], $cells['sla_severity_c']);
});

$gridFixtures = [
    ['Cases', 'cases-detail-stock', 'DetailView'],
    ['Cases', 'cases-edit-stock', 'EditView'],
    ['Accounts', 'accounts-detail-stock', 'DetailView'],
    ['Accounts', 'accounts-edit-stock', 'EditView'],
    ['Cases', 'cases-detail-studio', 'DetailView'],
    ['Cases', 'cases-edit-studio', 'EditView'],
];
foreach ($gridFixtures as [$module, $name, $viewName]) {
    test("$name: added once, and removing restores the layout exactly", function () use ($module, $name, $viewName) {
        $original = fixture($name)[$viewName];
        $added = addOurPanel($module, $original, $viewName === 'EditView');
        truthy($added !== $original, 'something was added');
        same($added, addOurPanel($module, $added, $viewName === 'EditView'), 'adding again changes nothing');
        $names = SupportSla_Layout::gridFieldNames($added);
        same(count($names), count(array_unique($names)), 'no field twice');
        // A layout that had none of the package's fields comes back exactly; one where the admin
        // had already placed some comes back without them (uninstall removes every package field).
        $withoutOurs = removeOurs($module, $original);
        same($withoutOurs, removeOurs($module, $added), 'removed: the layout as it was, without package fields');
        if (strpos($name, 'stock') !== false) {
            same($original, $withoutOurs, 'a stock layout has none of ours: the same array back');
        }
    });
}

test('a Studio layout keeps the admin\'s edits, and a field already placed is not added again', function () {
    $original = fixture('cases-detail-studio')['DetailView'];
    $view = addOurPanel('Cases', $original, false);
    same($original['panels']['lbl_case_information'], $view['panels']['lbl_case_information'], "the admin's panel, with their severity field and label");
    same($original['panels']['lbl_editview_panel1'], $view['panels']['lbl_editview_panel1']);
    same('collapsed', $view['templateMeta']['tabDefs']['LBL_EDITVIEW_PANEL1']['panelDefault']);
    same(true, $view['templateMeta']['syncDetailEditViews']);
    same(['lbl_case_information', 'lbl_sla_panel', 'lbl_editview_panel1'], array_keys($view['panels']), 'no tabs: right after the first panel');
    $ours = SupportSla_Layout::gridFieldNames(['panels' => ['x' => $view['panels']['lbl_sla_panel']]]);
    same(false, in_array('sla_severity_c', $ours, true), 'severity is already shown, so not in our panel');
    same(count(panelOf('Cases')['fields']) - 1, count($ours));
});

test('a layout without tabDefs gets the panel and no tabDefs', function () {
    $original = fixture('cases-edit-studio')['EditView'];
    $view = addOurPanel('Cases', $original, true);
    truthy(!isset($view['templateMeta']['tabDefs']), 'no tabDefs invented');
    truthy(isset($view['panels']['lbl_sla_panel']), 'panel added');
});

test('a panel with our key is left alone, even when the admin emptied it or moved fields out', function () {
    $view = fixture('cases-edit-stock')['EditView'];
    $view['panels']['lbl_sla_panel'] = [['sla_severity_c']];
    same($view, addOurPanel('Cases', $view, true));
});

test('when every field is already shown elsewhere, nothing is added', function () {
    $view = fixture('cases-edit-stock')['EditView'];
    $rows = [];
    foreach (panelOf('Cases')['fields'] as $field) {
        $rows[] = [$field['name']];
    }
    $view['panels']['admin_panel'] = $rows;
    same($view, addOurPanel('Cases', $view, true));
});

test('removing takes out fields the admin moved into other panels: an empty slot beside a field, a row and a panel that only held ours go', function () {
    $view = fixture('cases-detail-studio')['DetailView'];
    $view['panels']['lbl_admin_sla'] = [['sla_response_status_c', 'sla_response_due_c'], ['sla_coverage_c']];
    $view['templateMeta']['tabDefs']['LBL_ADMIN_SLA'] = ['newTab' => false, 'panelDefault' => 'expanded'];
    $view['panels']['lbl_editview_panel1'][] = ['sla_channel_c', ''];
    $removed = removeOurs('Cases', $view);
    same([0 => '', 1 => 'status'], $removed['panels']['lbl_case_information'][1], 'severity becomes an empty slot beside the status');
    same(fixture('cases-detail-studio')['DetailView']['panels']['lbl_editview_panel1'], $removed['panels']['lbl_editview_panel1'], 'the row with only our channel goes');
    truthy(!isset($removed['panels']['lbl_admin_sla']), 'the panel with only our fields goes');
    truthy(!isset($removed['templateMeta']['tabDefs']['LBL_ADMIN_SLA']), 'with its tab definition');
    same([], array_values(array_intersect(SupportSla_Layout::gridFieldNames($removed), SupportSla_Contract::STOCK_MODULE_FIELDS['Cases'])), 'no package field left');
});

test('an old layout with rows directly under panels', function () {
    $original = fixture('accounts-edit-rows')['EditView'];
    $view = addOurPanel('Accounts', $original, true);
    same(['default', 'lbl_sla_support_contract'], array_keys($view['panels']), 'its rows become the default panel, as Studio would save them');
    same($original['panels'], $view['panels']['default']);
    $removed = removeOurs('Accounts', $view);
    same(['default' => $original['panels']], $removed['panels']);
    $inRows = $original;
    $inRows['panels'][] = ['sla_plan_c'];
    same($original, removeOurs('Accounts', $inRows), 'a package field in the unnamed panel is removed');
});

test('the view of a layout file is found by its name', function () {
    $defs = fixture('cases-detail-stock');
    same($defs['DetailView'], SupportSla_Layout::viewIn($defs, 'DetailView'));
    same($defs['DetailView'], SupportSla_Layout::viewIn(['detailview' => $defs['DetailView']], 'DetailView'), 'whatever its case');
    same(null, SupportSla_Layout::viewIn($defs, 'EditView'));
    same(null, SupportSla_Layout::viewIn(null, 'EditView'));
});

function ourColumns(): array
{
    return SupportSla_ListColumns::listColumnDefs(SupportSla_Contract::LIST_COLUMNS['Cases']['fields']);
}

test('stock Cases list view: response status and due come after every stock column', function () {
    $stock = fixture('cases-list-stock');
    $list = SupportSla_ListColumns::addListColumns($stock, ourColumns(), SupportSla_Contract::LIST_COLUMNS['Cases']['after']);
    same(['CASE_NUMBER', 'NAME', 'ACCOUNT_NAME', 'PRIORITY', 'STATUS', 'ASSIGNED_USER_NAME', 'DATE_ENTERED', 'SLA_RESPONSE_STATUS_C', 'SLA_RESPONSE_DUE_C'], array_keys($list));
    same(['type' => 'enum', 'default' => true, 'studio' => 'visible', 'label' => 'LBL_SLA_RESPONSE_STATUS', 'width' => '10%'], $list['SLA_RESPONSE_STATUS_C']);
    same('datetimecombo', $list['SLA_RESPONSE_DUE_C']['type']);
    same($list, SupportSla_ListColumns::addListColumns($list, ourColumns(), 'STATUS'), 'adding again changes nothing');
    same($stock, SupportSla_ListColumns::removeListColumns($list, SupportSla_Contract::STOCK_MODULE_FIELDS['Cases']), 'removed: as it was');
    same($stock, SupportSla_ListColumns::removeListColumns($stock, SupportSla_Contract::STOCK_MODULE_FIELDS['Cases']));
});

test('a Studio list view: a column the admin hid stays hidden, the missing one goes last', function () {
    $studio = fixture('cases-list-studio');
    $list = SupportSla_ListColumns::addListColumns($studio, ourColumns(), 'STATUS');
    same(false, $list['SLA_RESPONSE_STATUS_C']['default'], 'still hidden');
    same(['NAME', 'CASE_NUMBER', 'ACCOUNT_NAME', 'SLA_RESPONSE_STATUS_C', 'ASSIGNED_USER_NAME', 'SLA_RESPONSE_DUE_C'], array_keys($list));
    $removed = SupportSla_ListColumns::removeListColumns($list, SupportSla_Contract::STOCK_MODULE_FIELDS['Cases']);
    same(['NAME', 'CASE_NUMBER', 'ACCOUNT_NAME', 'ASSIGNED_USER_NAME'], array_keys($removed), 'every package column goes, the one the admin added too');
});

test('list view keys are matched without case', function () {
    $lower = ['name' => ['default' => true], 'status' => ['default' => true], 'sla_response_due_c' => ['default' => false]];
    $list = SupportSla_ListColumns::addListColumns($lower, ourColumns(), 'STATUS');
    same(['NAME', 'STATUS', 'SLA_RESPONSE_STATUS_C', 'SLA_RESPONSE_DUE_C'], array_keys($list), 'upper-cased as Studio writes them, nothing twice');
    same(false, $list['SLA_RESPONSE_DUE_C']['default']);
});

test('search layouts: package fields come out of both forms of layout', function () {
    $studio = fixture('cases-search-studio');
    $removed = SupportSla_SearchLayout::removeSearchFields($studio, SupportSla_Contract::STOCK_MODULE_FIELDS['Cases']);
    same(['name'], array_keys($removed['layout']['basic_search']));
    same(['case_number', 'status'], array_keys($removed['layout']['advanced_search']));
    same($studio['templateMeta'], $removed['templateMeta']);
    $stock = fixture('cases-search-stock');
    same($stock, SupportSla_SearchLayout::removeSearchFields($stock, SupportSla_Contract::STOCK_MODULE_FIELDS['Cases']), 'nothing of ours: unchanged');
    $list = $stock;
    $list['layout']['advanced_search'] = ['case_number', 'sla_severity_c', ['name' => 'sla_cause_c'], 'status'];
    same(['case_number', 'status'], SupportSla_SearchLayout::removeSearchFields($list, SupportSla_Contract::STOCK_MODULE_FIELDS['Cases'])['layout']['advanced_search'], 'lists are renumbered');
});
