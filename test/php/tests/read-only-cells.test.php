<?php
/**
 * Bridge- and hook-written fields read-only in the detail views, which SuiteCRM 8.x also uses for
 * its edit and create modes (SupportSla_ReadOnlyCells, SupportSla_LayoutInstaller).
 *
 * What 8.x honours is modelled on SuiteCRM-Core's
 * core/backend/ViewDefinitions/LegacyHandler/RecordView/RecordViewReadOnlyMapper.php, which marks
 * a cell read-only when FieldDefinition::getReadOnlyFieldDefinition($cell)
 * (core/backend/FieldDefinitions/Entity/FieldDefinition.php) finds 'readonly' => true or
 * 'type' => 'readonly' in it (a case-insensitive intersection), and on the Angular
 * core/app/core/src/lib/services/record/field/field.builder.ts (field.readonly from the cell) and
 * fields/field.component.ts (a read-only field keeps its detail display in edit and create modes).
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Installer.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_ReadOnlyCells.php';
require_once __DIR__ . '/../support/fakes.php';

/** RecordViewReadOnlyMapper's first test on a cell: is it read-only in SuiteCRM 8.x? */
function readOnlyOn8x($cell): bool
{
    if (!is_array($cell)) {
        return false; // a bare name carries no key the mapper looks for
    }
    return count(array_uintersect_uassoc($cell, ['readonly' => true, 'type' => 'readonly'], 'strcasecmp', 'strcasecmp')) > 0;
}

/** Every cell of a grid view by field name. */
function cellsByName(array $view): array
{
    $cells = [];
    foreach ($view['panels'] as $rows) {
        foreach ($rows as $row) {
            foreach ((array)$row as $cell) {
                $name = is_array($cell) ? ($cell['name'] ?? '') : $cell;
                if ($name !== '') {
                    $cells[$name] = $cell;
                }
            }
        }
    }
    return $cells;
}

function machineWritten(string $module): array
{
    return SupportSla_ReadOnlyCells::machineWritten(SupportSla_Contract::BRIDGE_FIELDS, SupportSla_Contract::HOOK_FIELDS, $module);
}

function installOn(FakeViews $views, bool $upgrade): array
{
    return (new SupportSla_Installer($views, new FakeStore(), new FakePlatform(), 'en_us', 'admin-1'))->install($upgrade);
}

test('mark: names and definitions of the listed fields get readonly, every other cell stays as it was', function () {
    $view = ['templateMeta' => ['maxColumns' => '2'], 'panels' => ['p' => [
        ['SLA_Hours_Used_C', ['name' => 'sla_plan_c', 'label' => 'LBL_SLA_PLAN']],
        [['name' => 'sla_term_end_c', 'label' => 'LBL_X', 'displayParams' => ['x' => 1]], ''],
    ]]];
    $marked = SupportSla_ReadOnlyCells::mark($view, ['sla_hours_used_c', 'sla_term_end_c']);
    same(['name' => 'SLA_Hours_Used_C', 'readonly' => true], $marked['panels']['p'][0][0], 'a bare name (any case) becomes a definition');
    same(['name' => 'sla_plan_c', 'label' => 'LBL_SLA_PLAN'], $marked['panels']['p'][0][1], 'a staff field untouched');
    same(['name' => 'sla_term_end_c', 'label' => 'LBL_X', 'displayParams' => ['x' => 1], 'readonly' => true], $marked['panels']['p'][1][0], 'the other keys kept');
    same('', $marked['panels']['p'][1][1], 'an empty slot kept');
    same($view['templateMeta'], $marked['templateMeta']);
    same($marked, SupportSla_ReadOnlyCells::mark($marked, ['sla_hours_used_c', 'sla_term_end_c']), 'marking twice changes nothing');
    same($view, SupportSla_ReadOnlyCells::mark($view, ['nothing_here']), 'the same view when no listed field is in it');
});

test('mark: a view whose panels are a plain list of rows', function () {
    $view = ['panels' => [['sla_hours_used_c', 'name'], [['name' => 'description']]]];
    $marked = SupportSla_ReadOnlyCells::mark($view, ['sla_hours_used_c']);
    same([['name' => 'sla_hours_used_c', 'readonly' => true], 'name'], $marked['panels'][0]);
    same($view['panels'][1], $marked['panels'][1]);
});

test('first install: every bridge- and hook-written field of the Accounts and Cases detail views is read-only on 8.x, staff fields editable', function () {
    $views = FakeViews::stock();
    installOn($views, false);
    foreach (['Accounts', 'Cases'] as $module) {
        $cells = cellsByName($views->layouts["$module|detailview"]['DetailView']);
        $owned = machineWritten($module);
        $onPanel = 0;
        foreach (SupportSla_Contract::LAYOUT_PANELS[$module]['fields'] as $field) {
            $name = $field['name'];
            truthy(isset($cells[$name]), "$module $name on the detail view");
            same(in_array($name, $owned, true), readOnlyOn8x($cells[$name]), "$module $name read-only on 8.x exactly when the bridge or the hook writes it");
            $onPanel += in_array($name, $owned, true) ? 1 : 0;
        }
        truthy($onPanel > 3, "$module has bridge fields on its panel");
        foreach (['name', 'assigned_user_name'] as $stock) {
            truthy(!isset($cells[$stock]) || !readOnlyOn8x($cells[$stock]), "$module $stock left editable");
        }
    }
});

test('an upgrade from a version that wrote plain detail cells marks them, wherever the admin moved them', function () {
    $views = FakeViews::stock();
    installOn($views, false);
    // The layout as 1.0.0 left it: plain cells; then the admin moved hours used into the first panel.
    $plain = function ($rows) use (&$plain) {
        $out = [];
        foreach ($rows as $key => $row) {
            $out[$key] = is_array($row) && isset($row['name']) ? ['name' => $row['name'], 'label' => $row['label'] ?? ''] : (is_array($row) ? $plain($row) : $row);
        }
        return $out;
    };
    $accounts = $views->layouts['Accounts|detailview'];
    $accounts['DetailView']['panels'] = $plain($accounts['DetailView']['panels']);
    $accounts['DetailView']['panels']['lbl_account_information'][] = ['sla_hours_used_c'];
    foreach ($accounts['DetailView']['panels']['lbl_sla_support_contract'] as $r => $row) {
        foreach ($row as $c => $cell) {
            if (is_array($cell) && $cell['name'] === 'sla_hours_used_c') {
                $accounts['DetailView']['panels']['lbl_sla_support_contract'][$r][$c] = '';
            }
        }
    }
    $views->layouts['Accounts|detailview'] = $accounts;
    foreach (cellsByName($accounts['DetailView']) as $cell) {
        truthy(!readOnlyOn8x($cell), 'the 1.0.0 layout has no read-only cell');
    }
    $views->saves = [];
    $log = installOn($views, true);
    same(['Accounts|detailview'], $views->saves, 'only the layout that lacked the marks is written');
    truthy(in_array('Accounts detailview: fields the bridge writes marked read-only.', $log, true), 'the log says so');
    $cells = cellsByName($views->layouts['Accounts|detailview']['DetailView']);
    truthy(readOnlyOn8x($cells['sla_hours_used_c']), 'the moved field is marked where it is');
    same('lbl_account_information', array_keys(array_filter(
        $views->layouts['Accounts|detailview']['DetailView']['panels'],
        static fn ($rows) => in_array(['name' => 'sla_hours_used_c', 'readonly' => true], array_merge(...array_values($rows)), true)
    ))[0] ?? '', 'still in the panel the admin put it in');
    foreach (machineWritten('Accounts') as $name) {
        truthy(!isset($cells[$name]) || readOnlyOn8x($cells[$name]), "Accounts $name");
    }
});

test('the time-entry module ships its detail view marked, so neither an install nor an upgrade writes a custom copy of it', function () {
    $viewdefs = [];
    require PACKAGE_ROOT . '/modules/SLA_TimeEntries/metadata/detailviewdefs.php';
    $shipped = $viewdefs['SLA_TimeEntries']['DetailView'];
    $cells = cellsByName($shipped);
    foreach (machineWritten('SLA_TimeEntries') as $name) {
        truthy(isset($cells[$name]) && readOnlyOn8x($cells[$name]), "SLA_TimeEntries $name read-only on 8.x");
    }
    foreach (['work_date', 'hours', 'category', 'description', 'sla_timeentries_cases_name'] as $name) {
        same(false, readOnlyOn8x($cells[$name]), "SLA_TimeEntries $name editable");
    }
    $views = FakeViews::stock();
    $views->layouts['SLA_TimeEntries|detailview'] = ['DetailView' => $shipped];
    $log = installOn($views, false);
    truthy(!in_array('SLA_TimeEntries|detailview', $views->saves, true), 'an install leaves it to the shipped file');
    $log = installOn($views, true);
    truthy(!in_array('SLA_TimeEntries|detailview', $views->saves, true), 'not written');
    truthy(in_array('SLA_TimeEntries detailview: fields the bridge writes already read-only, left as it is.', $log, true), 'the log says so');
});

test('a Studio copy of the time-entry detail view without the marks gets them on install', function () {
    $viewdefs = [];
    require PACKAGE_ROOT . '/modules/SLA_TimeEntries/metadata/detailviewdefs.php';
    $studio = $viewdefs['SLA_TimeEntries']['DetailView'];
    $studio['panels']['lbl_sla_timeentry_plan'][0] = ['term_start', 'counts_against_plan'];
    $views = FakeViews::stock();
    $views->layouts['SLA_TimeEntries|detailview'] = ['DetailView' => $studio];
    installOn($views, true);
    truthy(in_array('SLA_TimeEntries|detailview', $views->saves, true), 'written');
    $cells = cellsByName($views->layouts['SLA_TimeEntries|detailview']['DetailView']);
    same(['name' => 'term_start', 'readonly' => true], $cells['term_start']);
    same(['name' => 'counts_against_plan', 'readonly' => true], $cells['counts_against_plan']);
});
