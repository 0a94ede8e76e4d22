<?php
/**
 * The charts of the ready-made reports and the SLA compliance report through the install,
 * upgrade and uninstall steps (SupportSla_Installer with SupportSla_RecordInstaller) against
 * in-memory records, and the SLA queue index step. AOR_Chart fields as modules/AOR_Charts/vardefs.php
 * has them: aor_report_id, type, x_field, y_field.
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Installer.php';
require_once __DIR__ . '/../support/fakes.php';

function chartInstaller(FakeStore $store, ?FakePlatform $platform = null): SupportSla_Installer
{
    return new SupportSla_Installer(FakeViews::stock(), $store, $platform ?? new FakePlatform(), 'en_us', 'admin-1');
}

function chartIds(): array
{
    $ids = [];
    foreach (SupportSla_Charts::records('en_us', 'x') as $chart) {
        $ids[] = $chart['id'];
    }
    return $ids;
}

/** A store as an install of the package before charts left it: every record but the charts and report 6. */
function storeBeforeCharts(): FakeStore
{
    $store = new FakeStore();
    foreach (SupportSla_ReadyMade::records('en_us', 'admin-1') as $record) {
        if ($record['module'] === 'AOR_Charts' || $record['id'] === SupportSla_ReadyMade::id(6, 0)) {
            continue;
        }
        $store->rows[$record['module'] . '|' . $record['id']] = ['values' => $record['values'], 'deleted' => false];
    }
    return $store;
}

test('charts: a first install creates six, each on its report, with the compliance report', function () {
    $store = new FakeStore();
    $log = chartInstaller($store)->install(false);
    same(chartIds(), $store->active('AOR_Charts'));
    same(6, count(chartIds()));
    foreach (SupportSla_Charts::records('en_us', 'x') as $chart) {
        same('active', $store->state('AOR_Reports', $chart['values']['aor_report_id']), 'its report is there');
    }
    $compliance = $store->rows['AOR_Charts|' . SupportSla_ReadyMade::id(6, 301)]['values'];
    same(['name' => 'Response results by month', 'aor_report_id' => SupportSla_ReadyMade::id(6, 0), 'type' => 'stacked_bar', 'x_field' => 2, 'y_field' => 0], $compliance);
    same('active', $store->state('AOR_Reports', SupportSla_ReadyMade::id(6, 0)));
    truthy(in_array('AOR_Reports "SLA support: SLA compliance (last 12 months)": created.', $log, true), 'logged');
    truthy(in_array('AOR_Charts "Response results by month": created.', $log, true), 'logged');
});

test('charts: an upgrade adds them and the compliance report to an older install, but not to a deleted report', function () {
    $store = storeBeforeCharts();
    $store->rows['AOR_Reports|' . SupportSla_ReadyMade::id(2, 0)]['deleted'] = true;
    $log = chartInstaller($store)->install(true);
    same('missing', $store->state('AOR_Charts', SupportSla_ReadyMade::id(2, 301)), 'no chart on the report the admin deleted');
    truthy(in_array('AOR_Charts "Support hours per engineer and month": its AOR_Reports record is not there, left out.', $log, true), implode("\n", $log));
    same(5, count($store->active('AOR_Charts')));
    same('active', $store->state('AOR_Reports', SupportSla_ReadyMade::id(6, 0)), 'the new report');
    same('deleted', $store->state('AOR_Reports', SupportSla_ReadyMade::id(2, 0)), 'the deleted report stays deleted');
});

test('charts: the admin owns them once installed; an upgrade does not bring back a deleted one', function () {
    $store = new FakeStore();
    chartInstaller($store)->install(false);
    $edited = SupportSla_ReadyMade::id(1, 301);
    $store->rows["AOR_Charts|$edited"]['values']['type'] = 'pie';
    $store->delete('AOR_Charts', SupportSla_ReadyMade::id(5, 301));
    $store->writes = [];
    chartInstaller($store)->install(true);
    same('pie', $store->rows["AOR_Charts|$edited"]['values']['type'], 'the admin\'s edit stays');
    same('deleted', $store->state('AOR_Charts', SupportSla_ReadyMade::id(5, 301)));
    same([], $store->writes, 'nothing written');
});

test('charts: uninstall deletes them and any chart an admin added to a package report; a reinstall restores them', function () {
    $store = new FakeStore();
    chartInstaller($store)->install(false);
    $store->rows['AOR_Charts|admins-chart'] = ['values' => ['name' => 'Mine', 'aor_report_id' => SupportSla_ReadyMade::id(4, 0)], 'deleted' => false];
    $store->rows['AOR_Charts|elsewhere'] = ['values' => ['name' => 'Other', 'aor_report_id' => 'not-ours'], 'deleted' => false];
    chartInstaller($store)->uninstall();
    same(['elsewhere'], $store->active('AOR_Charts'));
    same([], $store->active('AOR_Reports'));
    chartInstaller($store)->install(false);
    $active = $store->active('AOR_Charts');
    sort($active);
    $expected = array_merge(chartIds(), ['elsewhere']);
    sort($expected);
    same($expected, $active, 'every package chart restored, the other report\'s chart untouched');
});

test('the SLA queue index: added by install, dropped by uninstall', function () {
    $platform = new FakePlatform();
    $store = new FakeStore();
    $log = chartInstaller($store, $platform)->install(false);
    same(['idx_sla_queue' => SupportSla_Queue::INDEX], $platform->indices['cases']);
    same(['deleted', 'state', 'assigned_user_id'], SupportSla_Queue::INDEX['fields']);
    truthy(in_array('SLA queue index on cases: in place.', $log, true), 'logged');
    $log = chartInstaller($store, $platform)->uninstall();
    same([], $platform->indices['cases']);
    truthy(in_array('SLA queue index on cases: removed.', $log, true), 'logged');
});

/** Every cell and column of a layout with the package's display types taken out, as an earlier version installed them. */
function withoutDisplayTypes($value)
{
    if (!is_array($value)) {
        return $value;
    }
    if (isset($value['type']) && in_array($value['type'], [SupportSla_Display::BADGE_TYPE, SupportSla_Display::DUE_TYPE], true)) {
        if (isset($value['name'])) {
            unset($value['type']); // a detail cell: no type
        } else {
            // A list column: the vardef type, as SupportSla_ListColumns::listColumnDefs wrote it.
            $value['type'] = $value['type'] === SupportSla_Display::BADGE_TYPE ? 'enum' : 'datetimecombo';
            unset($value['related_fields']);
        }
    }
    foreach ($value as $key => $inner) {
        $value[$key] = withoutDisplayTypes($inner);
    }
    return $value;
}

function cellsNamed(array $view, string $name): array
{
    $found = [];
    foreach ($view['DetailView']['panels'] as $rows) {
        foreach ($rows as $row) {
            foreach ($row as $cell) {
                if (is_array($cell) && ($cell['name'] ?? null) === $name) {
                    $found[] = $cell;
                }
            }
        }
    }
    return $found;
}

test('display types: an upgrade over an earlier version\'s layouts sets them on plain cells only', function () {
    $views = FakeViews::stock();
    $first = new SupportSla_Installer($views, new FakeStore(), new FakePlatform(), 'en_us', 'admin-1');
    $first->install(false);
    $typed = $views->layouts;
    same('Slabadge', cellsNamed($typed['Cases|detailview'], 'sla_response_status_c')[0]['type'], 'a first install sets them');
    same('Sladue', $typed['Cases|listview']['SLA_RESPONSE_DUE_C']['type']);
    $views->layouts = withoutDisplayTypes($views->layouts);
    // The admin customised one cell meanwhile.
    foreach ($views->layouts['Cases|detailview']['DetailView']['panels'] as $p => $rows) {
        foreach ($rows as $r => $row) {
            foreach ($row as $c => $cell) {
                if (is_array($cell) && ($cell['name'] ?? null) === 'sla_resolution_status_c') {
                    $views->layouts['Cases|detailview']['DetailView']['panels'][$p][$r][$c]['customCode'] = '{$fields.sla_resolution_status_c.value}';
                }
            }
        }
    }
    $views->saves = [];
    $log = (new SupportSla_Installer($views, new FakeStore(), new FakePlatform(), 'en_us', 'admin-1'))->install(true);
    same(['Cases|detailview', 'Cases|listview'], $views->saves, 'only the two Cases views written');
    same('Slabadge', cellsNamed($views->layouts['Cases|detailview'], 'sla_response_status_c')[0]['type']);
    same(false, isset(cellsNamed($views->layouts['Cases|detailview'], 'sla_resolution_status_c')[0]['type']), 'the customised cell stays');
    same($typed['Cases|listview'], $views->layouts['Cases|listview'], 'list columns as a first install makes them');
    truthy(in_array('Cases detailview: badges and countdowns set.', $log, true), implode("\n", $log));
    $views->saves = [];
    (new SupportSla_Installer($views, new FakeStore(), new FakePlatform(), 'en_us', 'admin-1'))->install(true);
    same([], $views->saves, 'a second upgrade writes nothing');
});
