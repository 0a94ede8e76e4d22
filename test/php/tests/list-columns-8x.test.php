<?php
/**
 * The Cases list view after the install, as SuiteCRM 8.x draws it. Modelled on SuiteCRM-Core:
 * - config/services/module/listview/column_limits.yaml: how many columns each screen size shows,
 *   with and without the sidebar;
 * - core/app/core/src/lib/components/table/table-body/table-body.component.ts buildDisplayColumns
 *   and buildHiddenColumns: the first N columns that are default (or have no default key) are
 *   shown, a link column swapped in for the last one when none of them links; the other default
 *   ones go to each row's "show more" popover.
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_ListColumns.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Contract.php';

const COLUMN_LIMITS = [
    'without_sidebar' => ['XSmall' => 1, 'Small' => 3, 'Medium' => 5, 'Large' => 7, 'XLarge' => 8],
    'with_sidebar' => ['XSmall' => 1, 'Small' => 3, 'Medium' => 4, 'Large' => 6, 'XLarge' => 7],
];

/** [shown, in the popover] as 8.x's table body splits the columns. */
function shownOn8x(array $columns, int $max): array
{
    $defaults = array_keys(array_filter($columns, static fn ($c) => !array_key_exists('default', $c) || $c['default'] === true));
    $shown = array_slice($defaults, 0, $max);
    $links = array_filter($shown, static fn ($key) => !empty($columns[$key]['link']));
    if (count($links) === 0) {
        foreach (array_slice($defaults, $max) as $key) {
            if (!empty($columns[$key]['link'])) {
                array_splice($shown, -1, 1, [$key]);
                break;
            }
        }
    }
    return [$shown, array_values(array_diff($defaults, $shown))];
}

function installedCasesList(array $stock): array
{
    $columns = SupportSla_Contract::LIST_COLUMNS['Cases'];
    // As an install lays it out: the columns, then their badge and countdown types (SupportSla_Display).
    return SupportSla_Display::listColumns(
        SupportSla_ListColumns::addListColumns($stock, SupportSla_ListColumns::listColumnDefs($columns['fields']), $columns['after'])
    );
}

test('every stock column 8.x shows without the package it still shows with it, at every size, sidebar or not', function () {
    $stock = fixture('cases-list-stock');
    $installed = installedCasesList($stock);
    foreach (COLUMN_LIMITS as $sidebar => $sizes) {
        foreach ($sizes as $size => $max) {
            [$before] = shownOn8x($stock, $max);
            [$after, $popover] = shownOn8x($installed, $max);
            same($before, array_slice($after, 0, count($before)), "$sidebar $size: the stock columns shown as before");
            foreach (['SLA_RESPONSE_STATUS_C', 'SLA_RESPONSE_DUE_C'] as $ours) {
                truthy(in_array($ours, $after, true) || in_array($ours, $popover, true), "$sidebar $size: $ours shown or in the popover");
            }
        }
    }
});

test('on a large screen without the sidebar 8.x shows the response status as the eighth column', function () {
    [$shown, $popover] = shownOn8x(installedCasesList(fixture('cases-list-stock')), COLUMN_LIMITS['without_sidebar']['XLarge']);
    same('SLA_RESPONSE_STATUS_C', $shown[7]);
    same(['SLA_RESPONSE_DUE_C'], $popover);
});

test('the model reproduces what SuiteCRM 8.8.0 showed with the columns after Status (package 1.0.0)', function () {
    $stock = fixture('cases-list-stock');
    $old = SupportSla_ListColumns::addListColumns($stock, SupportSla_ListColumns::listColumnDefs(SupportSla_Contract::LIST_COLUMNS['Cases']['fields']), 'STATUS');
    [$shown, $popover] = shownOn8x($old, COLUMN_LIMITS['with_sidebar']['XLarge']);
    same(['ASSIGNED_USER_NAME', 'DATE_ENTERED'], $popover, 'Assigned to and Date Created pushed out');
    same(7, count($shown));
});

require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_ListPlacement.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Installer.php';
require_once __DIR__ . '/../support/fakes.php';

function ourKeys(): array
{
    return array_keys(SupportSla_ListColumns::listColumnDefs(SupportSla_Contract::LIST_COLUMNS['Cases']['fields']));
}

test('an upgrade moves the columns 1.0.0 put after Status to the end, and then 8.x shows every stock column again', function () {
    $stock = fixture('cases-list-stock');
    $old = SupportSla_ListColumns::addListColumns($stock, SupportSla_ListColumns::listColumnDefs(SupportSla_Contract::LIST_COLUMNS['Cases']['fields']), 'STATUS');
    $views = FakeViews::stock();
    $views->layouts['Cases|listview'] = $old;
    $log = (new SupportSla_Installer($views, new FakeStore(), new FakePlatform(), 'en_us', 'admin-1'))->install(true);
    // Two saves: the columns moved last, then the badges and countdowns set on them (SupportSla_Display).
    same(['Cases|listview', 'Cases|listview'], $views->saves);
    truthy(in_array('Cases listview: package columns moved after the stock ones.', $log, true), 'the log says so');
    same(installedCasesList($stock), $views->layouts['Cases|listview'], 'as a new install lays it out');
    [$shown] = shownOn8x($views->layouts['Cases|listview'], COLUMN_LIMITS['with_sidebar']['XLarge']);
    same(array_keys($stock), $shown);
});

test('the move leaves any other arrangement alone', function () {
    $stock = fixture('cases-list-stock');
    $new = installedCasesList($stock);
    same($new, SupportSla_ListPlacement::moveLast($new, ourKeys()), 'already last');
    $admin = SupportSla_ListColumns::addListColumns($stock, SupportSla_ListColumns::listColumnDefs(SupportSla_Contract::LIST_COLUMNS['Cases']['fields']), 'PRIORITY');
    same($admin, SupportSla_ListPlacement::moveLast($admin, ourKeys()), 'moved by the admin: kept');
    $swapped = SupportSla_ListPlacement::moveLast(
        ['NAME' => [], 'STATUS' => [], 'SLA_RESPONSE_DUE_C' => [], 'SLA_RESPONSE_STATUS_C' => [], 'DATE_ENTERED' => []],
        ourKeys()
    );
    same(['NAME', 'STATUS', 'SLA_RESPONSE_DUE_C', 'SLA_RESPONSE_STATUS_C', 'DATE_ENTERED'], array_keys($swapped), 'reordered by the admin: kept');
    same(['NAME' => []], SupportSla_ListPlacement::moveLast(['NAME' => []], ourKeys()), 'no Status column');
    same(null, SupportSla_ListPlacement::moveLast(null, ourKeys()));
    $lower = SupportSla_ListPlacement::moveLast(['status' => [], 'sla_response_status_c' => ['x' => 1], 'sla_response_due_c' => [], 'name' => []], ourKeys());
    same(['status', 'name', 'sla_response_status_c', 'sla_response_due_c'], array_keys($lower), 'keys matched without case, kept as written');
});
