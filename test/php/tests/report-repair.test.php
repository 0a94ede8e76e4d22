<?php
/**
 * An upgrade gives the reports 1.0.0 created with a relate or custom first column (which
 * SuiteCRM 8.x's AOR_Report cannot run: see report-columns.test.ts) the current column order,
 * only while their columns are exactly what 1.0.0 wrote (SupportSla_ReportRepair).
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Installer.php';
require_once __DIR__ . '/../support/fakes.php';

/** A store as 1.0.0 left it: today's records, with the three reports' columns in 1.0.0's order. */
function storeOf100(): FakeStore
{
    $store = new FakeStore();
    (new SupportSla_Installer(FakeViews::stock(), $store, new FakePlatform(), 'en_us', 'admin-1'))->install(false);
    foreach (SupportSla_ReadyMade::reports('en_us', 'admin-1') as $report) {
        foreach (SupportSla_ReportRepair::previousColumns($report) as $column) {
            $row = $store->rows['AOR_Fields|' . $column['id']]['values'];
            $store->rows['AOR_Fields|' . $column['id']]['values'] = array_replace($row, [
                'field' => $column['field'],
                'field_order' => $column['field_order'],
                'label' => $column['label'],
            ]);
        }
    }
    $store->writes = [];
    return $store;
}

function columnsOf(FakeStore $store, int $report): array
{
    $columns = [];
    foreach ($store->activeIdsWhere('AOR_Fields', 'aor_report_id', SupportSla_ReadyMade::id($report, 0)) as $id) {
        $values = $store->rows["AOR_Fields|$id"]['values'];
        $columns[$values['field_order']] = $values['field'];
    }
    ksort($columns);
    return array_values($columns);
}

function upgrade(FakeStore $store): array
{
    return (new SupportSla_Installer(FakeViews::stock(), $store, new FakePlatform(), 'en_us', 'admin-1'))->install(true);
}

test('the model of 1.0.0 has the orders that failed on SuiteCRM 8.8.0', function () {
    $store = storeOf100();
    same(['assigned_user_name', 'work_date', 'hours'], columnsOf($store, 2));
    same(['sla_timeentries_accounts_name', 'category', 'hours'], columnsOf($store, 3));
    same(['sla_reported_at_c', 'sla_effective_severity_c', 'sla_response_status_c', 'id'], columnsOf($store, 4));
});

test('an upgrade puts untouched 1.0.0 reports in the current order, and nothing else', function () {
    $store = storeOf100();
    $log = upgrade($store);
    same(['hours', 'work_date', 'assigned_user_name'], columnsOf($store, 2));
    same(['hours', 'category', 'sla_timeentries_accounts_name'], columnsOf($store, 3));
    same(['id', 'sla_reported_at_c', 'sla_effective_severity_c', 'sla_response_status_c'], columnsOf($store, 4));
    foreach (SupportSla_ReadyMade::reports('en_us', 'admin-1') as $report) {
        foreach ($report['children'][0]['records'] as $column) {
            same($column['values'] + ['aor_report_id' => $report['id']], $store->rows['AOR_Fields|' . $column['id']]['values'], 'as a new install writes it');
        }
    }
    same(1, count(preg_grep('/^AOR_Reports "SLA support: support hours by engineer and month": columns put in the order SuiteCRM 8 can run\.$/', $log)));
    foreach ($store->writes as $write) {
        truthy(strpos($write, 'update AOR_Fields ') === 0, "$write: only report columns written");
    }
    $store->writes = [];
    upgrade($store);
    same([], $store->writes, 'a second upgrade writes nothing');
});

test('a report an admin changed stays as the admin left it', function () {
    $store = storeOf100();
    $renamed = SupportSla_ReadyMade::id(2, 102);
    $store->rows["AOR_Fields|$renamed"]['values']['label'] = 'Month worked';
    $store->create('AOR_Fields', 'admin-column', ['aor_report_id' => SupportSla_ReadyMade::id(3, 0), 'field' => 'name', 'field_order' => 3, 'label' => 'Entry']);
    $moved = SupportSla_ReadyMade::id(4, 101);
    $store->rows["AOR_Fields|$moved"]['values']['field_order'] = 9;
    $store->writes = [];
    $log = upgrade($store);
    same([], $store->writes);
    same(['assigned_user_name', 'work_date', 'hours'], columnsOf($store, 2));
    same('Month worked', $store->rows["AOR_Fields|$renamed"]['values']['label']);
    truthy(in_array('AOR_Reports "SLA support: support hours by engineer and month": already there, left as it is.', $log, true), 'the log says so');
});

test('reports 1.0.0 already wrote in a runnable order have nothing to repair', function () {
    foreach (SupportSla_ReadyMade::reports('en_us', 'x') as $report) {
        $number = (int)substr($report['id'], 4, 4);
        same(in_array($number, [2, 3, 4], true), count(SupportSla_ReportRepair::previousColumns($report)) > 0, "report $number");
    }
});
