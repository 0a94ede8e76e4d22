<?php
/**
 * The install and uninstall steps (SupportSla_Installer, SupportSla_LayoutInstaller,
 * SupportSla_RecordInstaller) against in-memory layouts and records: a first install, a second
 * one, an upgrade, an uninstall, a reinstall, and a step that fails.
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Installer.php';
require_once __DIR__ . '/../support/fakes.php';

function installer(FakeViews $views, FakeStore $store, FakePlatform $platform, string $language = 'en_us'): SupportSla_Installer
{
    return new SupportSla_Installer($views, $store, $platform, $language, 'admin-1');
}

function recordCount(): int
{
    $count = 0;
    foreach (SupportSla_ReadyMade::records('en_us', 'x') as $record) {
        $count++;
        foreach ($record['children'] as $group) {
            $count += count($group['records']);
        }
    }
    return $count;
}

test('first install: panels and columns added, access rights, every record created with its children', function () {
    $views = FakeViews::stock();
    $store = new FakeStore();
    $platform = new FakePlatform();
    $log = installer($views, $store, $platform)->install(false);
    same(['Accounts|detailview', 'Accounts|editview', 'Cases|detailview', 'Cases|editview', 'Cases|quickcreate', 'Cases|listview'], $views->saves);
    // The quick create form (the Cases subpanels' create button) gets what the forms require: Severity (as reported).
    $quick = SupportSla_Layout::gridFieldNames($views->layouts['Cases|quickcreate']['QuickCreate']);
    same(true, in_array('sla_severity_c', $quick, true), 'severity in the Cases quick create');
    same(false, in_array('sla_response_due_c', $quick, true), 'no bridge field in the quick create');
    same(['acl SLA_TimeEntries'], $platform->calls);
    same(recordCount(), count($store->writes));
    same(6, count($store->active('AOR_Reports')));
    same(3, count($store->active('AOW_WorkFlow')));
    same(2, count($store->active('EmailTemplates')));
    $report = $store->rows['AOR_Reports|' . SupportSla_ReadyMade::id(1, 0)]['values'];
    same('admin-1', $report['assigned_user_id']);
    foreach ($store->active('AOR_Fields') as $id) {
        truthy(in_array($store->rows["AOR_Fields|$id"]['values']['aor_report_id'], $store->active('AOR_Reports'), true), 'a column of a package report');
    }
    foreach ($store->active('AOW_WorkFlow') as $id) {
        same('Inactive', $store->rows["AOW_WorkFlow|$id"]['values']['status']);
    }
    truthy(in_array('Cases detailview: panel added.', $log, true), 'the log says what was done');
});

test('installing again (a reinstall over a live install) writes nothing', function () {
    $views = FakeViews::stock();
    $store = new FakeStore();
    installer($views, $store, new FakePlatform())->install(false);
    $layouts = $views->layouts;
    $views->saves = [];
    $store->writes = [];
    $log = installer($views, $store, new FakePlatform())->install(false);
    same([], $views->saves, 'no layout saved');
    same([], $store->writes, 'no record written');
    same($layouts, $views->layouts);
    truthy(in_array('Cases detailview: panel or its fields already there, left as it is.', $log, true), 'the log says so');
});

test('an upgrade keeps the admin\'s changes: layouts untouched, a deleted report stays deleted, edited records kept', function () {
    $views = FakeViews::stock();
    $store = new FakeStore();
    installer($views, $store, new FakePlatform())->install(false);
    // The admin removes the SLA panel, deletes a report, switches a workflow on, renames a column.
    $detail = $views->layouts['Cases|detailview'];
    unset($detail['DetailView']['panels']['lbl_sla_panel']);
    $views->layouts['Cases|detailview'] = $detail;
    $store->delete('AOR_Reports', SupportSla_ReadyMade::id(2, 0));
    $store->rows['AOW_WorkFlow|' . SupportSla_ReadyMade::id(101, 0)]['values']['status'] = 'Active';
    $store->rows['AOR_Fields|' . SupportSla_ReadyMade::id(1, 101)]['values']['label'] = 'Customer';
    $views->saves = [];
    $store->writes = [];
    installer($views, $store, new FakePlatform())->install(true);
    same([], $views->saves);
    same([], $store->writes);
    same('deleted', $store->state('AOR_Reports', SupportSla_ReadyMade::id(2, 0)));
    same('Active', $store->rows['AOW_WorkFlow|' . SupportSla_ReadyMade::id(101, 0)]['values']['status']);
    same('Customer', $store->rows['AOR_Fields|' . SupportSla_ReadyMade::id(1, 101)]['values']['label']);
});

test('Response due sorts on the bridge\'s key after an install, and after an upgrade of an install without it', function () {
    $views = FakeViews::stock();
    $store = new FakeStore();
    installer($views, $store, new FakePlatform())->install(false);
    $column = $views->layouts['Cases|listview']['SLA_RESPONSE_DUE_C'];
    same('sla_response_sort_c', $column['orderBy']);
    same(true, in_array('sla_response_sort_c', $column['related_fields'], true), 'queried, so ListViewData keeps the order');
    // A site installed before the sort key: the column as that version wrote it.
    unset($column['orderBy']);
    $column['related_fields'] = ['sla_response_status_c'];
    $views->layouts['Cases|listview']['SLA_RESPONSE_DUE_C'] = $column;
    $views->saves = [];
    installer($views, $store, new FakePlatform())->install(true);
    same(['Cases|listview'], $views->saves);
    same('sla_response_sort_c', $views->layouts['Cases|listview']['SLA_RESPONSE_DUE_C']['orderBy']);
    same(['sla_response_status_c', 'sla_input_stamp_c', 'sla_input_seen_c', 'sla_response_sort_c'], $views->layouts['Cases|listview']['SLA_RESPONSE_DUE_C']['related_fields']);
});

test('an upgrade creates a record it does not find at all', function () {
    $store = new FakeStore();
    installer(FakeViews::stock(), $store, new FakePlatform())->install(true);
    same(6, count($store->active('AOR_Reports')));
});

test('uninstall: layouts back as they were, every package record and its children deleted, relationship metadata cleaned', function () {
    $stock = FakeViews::stock();
    $views = FakeViews::stock();
    $store = new FakeStore();
    installer($views, $store, new FakePlatform())->install(false);
    // An admin added a column to a package report and put a package field on the Cases search.
    $store->create('AOR_Fields', 'admin-column', ['aor_report_id' => SupportSla_ReadyMade::id(4, 0), 'field' => 'name']);
    $search = $views->layouts['Cases|basic_search'];
    $search['layout']['advanced_search'][] = 'sla_severity_c';
    $views->layouts['Cases|basic_search'] = $search;
    $platform = new FakePlatform();
    $platform->reports = ['Hours by customer'];
    $log = installer($views, $store, $platform)->uninstall();
    same($stock->layouts, $views->layouts, 'every layout as it was before the install');
    foreach (['AOR_Reports', 'AOR_Fields', 'AOR_Conditions', 'AOW_WorkFlow', 'AOW_Conditions', 'AOW_Actions', 'EmailTemplates'] as $module) {
        same([], $store->active($module), "no $module left");
    }
    same(
        [
            'drop index cases.idx_sla_queue',
            'relationships custom/metadata/sla_timeentries_casesMetaData.php,custom/metadata/sla_timeentries_accountsMetaData.php',
            'drop index accounts.idx_sla_accnt_dmod_del',
            'drop index cases.idx_sla_cases_dmod_del',
        ],
        $platform->calls
    );
    truthy(count(preg_grep('/^Report "Hours by customer" \(not the package\'s\)/', $log)) === 1, 'reports of others on the module are named');
});

test('uninstall of a site that never got the layouts or records writes nothing', function () {
    $views = FakeViews::stock();
    $store = new FakeStore();
    installer($views, $store, new FakePlatform())->uninstall();
    same([], $views->saves);
    same([], $store->writes);
});

test('reinstall after an uninstall restores the deleted records (undeleted, then rewritten) and adds the layouts again', function () {
    $views = FakeViews::stock();
    $store = new FakeStore();
    installer($views, $store, new FakePlatform())->install(false);
    $installed = $views->layouts;
    $store->rows['AOR_Reports|' . SupportSla_ReadyMade::id(3, 0)]['values']['name'] = 'renamed by the admin';
    installer($views, $store, new FakePlatform())->uninstall();
    $store->writes = [];
    installer($views, $store, new FakePlatform())->install(false);
    same($installed, $views->layouts);
    same(recordCount(), count(preg_grep('/^restore /', $store->writes)), 'every record restored, none created twice');
    same(0, count(preg_grep('/^create /', $store->writes)));
    same(
        SupportSla_ReadyMade::reports('en_us', 'x')[2]['values']['name'],
        $store->rows['AOR_Reports|' . SupportSla_ReadyMade::id(3, 0)]['values']['name'],
        'the shipped definition again'
    );
});

test('a restored report loses child rows that are not the package\'s', function () {
    $store = new FakeStore();
    installer(FakeViews::stock(), $store, new FakePlatform())->install(false);
    $reportId = SupportSla_ReadyMade::id(1, 0);
    $store->delete('AOR_Reports', $reportId);
    $store->create('AOR_Conditions', 'stray', ['aor_report_id' => $reportId]);
    installer(FakeViews::stock(), $store, new FakePlatform())->install(false);
    same('active', $store->state('AOR_Reports', $reportId));
    same('deleted', $store->state('AOR_Conditions', 'stray'));
});

test('one failing step does not stop the others, and says what failed', function () {
    $platform = new FakePlatform();
    $platform->failAcl = true;
    $store = new FakeStore();
    $log = installer(FakeViews::stock(), $store, $platform)->install(false);
    truthy(in_array('Access rights of SLA_TimeEntries: FAILED: ACL table unavailable', $log, true), 'the failure is in the log');
    same(6, count($store->active('AOR_Reports')), 'the records were still created');
});

test('a missing layout is reported, not fatal', function () {
    $views = new FakeViews([]);
    $log = installer($views, new FakeStore(), new FakePlatform())->install(false);
    truthy(in_array('Cases detailview: no DetailView layout found, nothing added.', $log, true), 'reported');
    same([], $views->saves);
});

test('record names follow the site language', function () {
    $store = new FakeStore();
    installer(FakeViews::stock(), $store, new FakePlatform(), 'es_ES')->install(false);
    same('Soporte SLA: horas de soporte por ingeniero y mes', $store->rows['AOR_Reports|' . SupportSla_ReadyMade::id(2, 0)]['values']['name']);
});

test('the record decision table', function () {
    same('create', SupportSla_RecordInstaller::decide('missing', false));
    same('create', SupportSla_RecordInstaller::decide('missing', true));
    same('restore', SupportSla_RecordInstaller::decide('deleted', false));
    same('skip', SupportSla_RecordInstaller::decide('deleted', true));
    same('keep', SupportSla_RecordInstaller::decide('active', false));
    same('keep', SupportSla_RecordInstaller::decide('active', true));
});

test('a layout that cannot be read is reported, and the other layouts are still done', function () {
    $stock = FakeViews::stock();
    $views = new FailingViews($stock->layouts, 'Accounts|editview');
    $log = installer($views, new FakeStore(), new FakePlatform())->install(false);
    truthy(in_array('Accounts editview: FAILED: view definitions for View editview and Module Accounts are missing', $log, true), 'reported');
    same(['Accounts|detailview', 'Cases|detailview', 'Cases|editview', 'Cases|quickcreate', 'Cases|listview'], $views->saves);
    $views->saves = [];
    $log = installer($views, new FakeStore(), new FakePlatform())->uninstall();
    same(['Accounts|detailview', 'Cases|detailview', 'Cases|editview', 'Cases|quickcreate', 'Cases|listview'], $views->saves, 'uninstall too');
});

test('uninstall drops the package indexes on the stock tables (repair never does), and says which were not there', function () {
    $platform = new FakePlatform();
    $platform->indices = [
        'cases' => ['idx_cases_stat_del' => ['name' => 'idx_cases_stat_del'], 'idx_sla_cases_dmod_del' => ['name' => 'idx_sla_cases_dmod_del']],
        'accounts' => ['idx_accnt_name_del' => ['name' => 'idx_accnt_name_del']],
    ];
    $log = installer(FakeViews::stock(), new FakeStore(), $platform)->uninstall();
    same(['idx_cases_stat_del'], array_keys($platform->indices['cases']), 'only the package index goes; the stock one stays');
    same(['idx_accnt_name_del'], array_keys($platform->indices['accounts']));
    truthy(in_array('Index idx_sla_cases_dmod_del on cases: dropped.', $log, true), 'the drop is logged');
    truthy(in_array('Index idx_sla_accnt_dmod_del on accounts: not there.', $log, true), 'a missing index is said');
});
