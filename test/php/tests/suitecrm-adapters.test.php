<?php
/**
 * The install scripts end to end through the package's real SuiteCRM adapters
 * (SupportSla_SuiteCrm.php), in a pocket SuiteCRM (test/php/support/fake-suitecrm.php): what
 * post_install and pre_uninstall write, in the order a site would run them.
 */
require_once __DIR__ . '/../support/fake-suitecrm.php';

/** A SuiteCRM root: the stand-in files, and the package's classes where Module Loader copies them. */
function pocketRoot(): string
{
    static $root = null;
    if ($root !== null) {
        return $root;
    }
    $root = sys_get_temp_dir() . '/sla-pocket-' . getmypid();
    $source = __DIR__ . '/../support/suitecrm-root';
    $files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($source, FilesystemIterator::SKIP_DOTS));
    foreach ($files as $file) {
        $target = $root . substr($file->getPathname(), strlen($source));
        if (!is_dir(dirname($target))) {
            mkdir(dirname($target), 0777, true);
        }
        copy($file->getPathname(), $target);
    }
    mkdir("$root/custom/include", 0777, true);
    symlink(PACKAGE_ROOT . '/custom/include/SupportSla', "$root/custom/include/SupportSla");
    register_shutdown_function(static function () use ($root) {
        exec('rm -rf ' . escapeshellarg($root));
    });
    return $root;
}

/** Runs a package script's function from the SuiteCRM root, as Module Loader does; returns its output. */
function runScript(string $script, string $function, array $request = []): string
{
    $cwd = getcwd();
    chdir(pocketRoot());
    $savedRequest = $_REQUEST;
    $_REQUEST = $request;
    $GLOBALS['sugar_config'] = ['default_language' => 'en_us'];
    $GLOBALS['current_user'] = (object)['id' => 'admin-1'];
    // What include/modules.php loaded when the request started: the stock modules, not yet the package's.
    $GLOBALS['beanList'] = ['Accounts' => 'Account', 'Cases' => 'aCase'];
    DBManagerFactory::$instance = new PocketDb();
    $_POST = ['install_file' => 'upload://sla-support-1.0.0.zip', 'aor_fields_field' => ['stray'], 'aow_actions_action' => ['stray']];
    ob_start();
    try {
        require_once PACKAGE_ROOT . "/scripts/$script.php";
        $function();
        return ob_get_contents();
    } finally {
        ob_end_clean();
        $_REQUEST = $savedRequest;
        chdir($cwd);
    }
}

function rows(string $table, bool $deleted = false): array
{
    return array_keys(array_filter(PocketDb::$tables[$table] ?? [], static fn ($row) => (bool)$row['deleted'] === $deleted));
}

function stockLayouts(): array
{
    $layouts = [];
    foreach (['Cases', 'Accounts'] as $module) {
        $prefix = strtolower($module);
        foreach (['detailview' => 'detail', 'editview' => 'edit', 'quickcreate' => 'quickcreate', 'listview' => 'list', 'basic_search' => 'search'] as $view => $file) {
            $layouts["$module|$view"] = fixture("$prefix-$file-stock");
        }
    }
    return $layouts;
}

PocketLayouts::$layouts = stockLayouts();

test('post_install on a new site: layouts deployed, access rights, records saved with Module Loader\'s form out of $_POST', function () {
    $output = runScript('post_install', 'post_install');
    same(false, strpos($output, 'FAILED'), 'no step failed: ' . $output);
    truthy(strpos($output, '<b>SLA support</b>') !== false, 'the log has a heading');
    same(['Accounts|detailview', 'Accounts|editview', 'Cases|detailview', 'Cases|editview', 'Cases|quickcreate', 'Cases|listview'], PocketLayouts::$deployed);
    same(['addActions SLA_TimeEntries module'], PocketCalls::$calls);
    same([SupportSla_Queue::INDEX['name'] => SupportSla_Queue::INDEX], PocketDb::$indices['cases'] ?? null, 'the SLA queue index');
    same(6, count(rows('aor_reports')));
    same(6, count(rows('aor_charts')), 'the charts');
    same(3, count(rows('aow_workflow')));
    same(2, count(rows('email_templates')));
    same(['stray'], $_POST['aor_fields_field'], '$_POST is put back');
    foreach (PocketBean::$postsSeen as $post) {
        same([], $post, 'every save ran with an empty $_POST');
    }
    $workflow = PocketDb::$tables['aow_workflow'][SupportSla_ReadyMade::id(101, 0)];
    same('Inactive', $workflow['status']);
    same('admin-1', $workflow['assigned_user_id']);
    $action = PocketDb::$tables['aow_actions'][SupportSla_ReadyMade::id(101, 201)];
    same(SupportSla_ReadyMade::id(201, 0), unserialize(base64_decode($action['parameters']))['email_template']);
    same(SupportSla_ReadyMade::id(101, 0), $action['aow_workflow_id']);
});

test('post_install again writes nothing', function () {
    PocketLayouts::$deployed = [];
    PocketCalls::$calls = [];
    $before = PocketDb::$tables;
    $output = runScript('post_install', 'post_install');
    same([], PocketLayouts::$deployed);
    same($before, PocketDb::$tables);
    truthy(strpos($output, 'already there, left as it is.') !== false, 'says so');
});

test('pre_uninstall: layouts as they were, every package record deleted, relationship metadata removed quietly', function () {
    PocketLayouts::$deployed = [];
    PocketCalls::$calls = [];
    PocketDb::$tables['aor_reports']['someone-else'] = ['id' => 'someone-else', 'name' => 'Hours &amp; more', 'report_module' => 'SLA_TimeEntries', 'deleted' => 0];
    $output = runScript('pre_uninstall', 'pre_uninstall');
    same(stockLayouts(), PocketLayouts::$layouts);
    same([], PocketDb::$indices['cases'] ?? null, 'the SLA queue index dropped');
    foreach (['aor_reports', 'aor_fields', 'aor_conditions', 'aow_workflow', 'aow_conditions', 'aow_actions', 'email_templates'] as $table) {
        $left = array_diff(rows($table), ['someone-else']);
        same([], array_values($left), "no $table row of the package left");
    }
    same([
        'uninstall_relationship custom/metadata/sla_timeentries_casesMetaData.php silent=true',
        'uninstall_relationship custom/metadata/sla_timeentries_accountsMetaData.php silent=true',
        'rebuild_tabledictionary',
    ], PocketCalls::$calls);
    truthy(strpos($output, 'Report &quot;Hours &amp; more&quot; (not the package&#039;s) uses SLA_TimeEntries') !== false, 'the other report is named: ' . $output);
    unset(PocketDb::$tables['aor_reports']['someone-else']);
});

test('post_install after an uninstall undeletes and rewrites the records, and adds the layouts again', function () {
    PocketLayouts::$deployed = [];
    $id = SupportSla_ReadyMade::id(1, 0);
    PocketDb::$tables['aor_reports'][$id]['name'] = 'changed while deleted';
    $output = runScript('post_install', 'post_install');
    same(false, strpos($output, 'FAILED'), $output);
    same([], rows('aor_reports', true));
    same(SupportSla_ReadyMade::reports('en_us', 'x')[0]['values']['name'], PocketDb::$tables['aor_reports'][$id]['name']);
    same(6, count(PocketLayouts::$deployed));
});

test('an upgrade leaves layouts alone and does not bring back what the admin deleted', function () {
    PocketLayouts::$deployed = [];
    $id = SupportSla_ReadyMade::id(5, 0);
    PocketDb::$tables['aor_reports'][$id]['deleted'] = 1;
    $output = runScript('post_install', 'post_install', ['previous_version' => '1.0.0']);
    same([], PocketLayouts::$deployed);
    same(1, PocketDb::$tables['aor_reports'][$id]['deleted']);
    truthy(strpos($output, 'an upgrade leaves them as they are') !== false, 'says so');
});

test('the time-entry hook reads the case through the database', function () {
    DBManagerFactory::$instance = new PocketDb();
    PocketDb::$tables['cases']['case-7'] = ['id' => 'case-7', 'account_id' => 'acct-3', 'deleted' => 0];
    require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_TimeEntryHook.php';
    same('acct-3', (new SupportSla_CaseAccounts())->accountIdOf('case-7'));
    same('', (new SupportSla_CaseAccounts())->accountIdOf('no-such-case'));
});
