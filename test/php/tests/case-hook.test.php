<?php
/** The registered hook class: who it says saved, the real call stack, and failures that must not block a save. */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_CaseHook.php';
require_once __DIR__ . '/../support/fake-bean.php';
require_once __DIR__ . '/../support/suitecrm-stubs.php';

/** Stands in for AOW's workflow runner, so the hook sees it on the real call stack. */
class AOW_WorkFlow
{
    public function run_actions($bean)
    {
        (new SupportSla_CaseHook())->beforeSave($bean, 'before_save', []);
    }
}

function withRequest(array $server, array $request, callable $body)
{
    $savedServer = $_SERVER;
    $savedRequest = $_REQUEST;
    $_SERVER = $server + $_SERVER;
    $_REQUEST = $request;
    try {
        return $body();
    } finally {
        $_SERVER = $savedServer;
        $_REQUEST = $savedRequest;
    }
}

test('the hook logs the current user and the actor of the request', function () {
    $GLOBALS['current_user'] = (object)['id' => 'api-user-7'];
    $bean = new FakeBean(['status' => 'Open_Assigned', 'sla_change_log_c' => ''], ['status' => 'Open_New']);
    withRequest(['SCRIPT_NAME' => '/Api/index.php', 'REQUEST_URI' => '/Api/V8/module'], [], function () use ($bean) {
        (new SupportSla_CaseHook())->beforeSave($bean, 'before_save', []);
    });
    truthy(
        (bool)preg_match('/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\|status\|Open_New\|Open_Assigned\|api-user-7\|api$/', $bean->sla_change_log_c),
        'unexpected log ' . $bean->sla_change_log_c
    );
    same(0, $bean->saves);
});

test('a save run by a workflow action is logged as workflow (found on the call stack)', function () {
    $GLOBALS['current_user'] = (object)['id' => '1'];
    $bean = new FakeBean(['status' => 'Open_New'], false);
    withRequest(['SCRIPT_NAME' => '/index.php'], ['module' => 'Cases', 'action' => 'Save'], function () use ($bean) {
        (new AOW_WorkFlow())->run_actions($bean);
    });
    truthy(substr($bean->sla_change_log_c, -strlen('|status||Open_New|1|workflow')) === '|status||Open_New|1|workflow', 'got ' . $bean->sla_change_log_c);
});

test('no current user: the user part is empty', function () {
    unset($GLOBALS['current_user']);
    $bean = new FakeBean(['status' => 'Closed_Closed'], ['status' => 'Open_Assigned']);
    withRequest(['SCRIPT_NAME' => 'cron.php'], [], function () use ($bean) {
        (new SupportSla_CaseHook())->beforeSave($bean, 'before_save', []);
    });
    truthy(substr($bean->sla_change_log_c, -strlen('|Open_Assigned|Closed_Closed||cron')) === '|Open_Assigned|Closed_Closed||cron', 'got ' . $bean->sla_change_log_c);
});

/** A bean that fails when the hook reads it. */
#[\AllowDynamicProperties]
class BrokenBean
{
    public $id = 'case-9';

    public function __isset($name)
    {
        throw new RuntimeException("cannot read $name");
    }
}

test('a failing hook is logged and does not stop the save', function () {
    LoggerManager::$messages = [];
    (new SupportSla_CaseHook())->beforeSave(new BrokenBean(), 'before_save', []);
    same(1, count(LoggerManager::$messages));
    same('fatal', LoggerManager::$messages[0][0]);
    truthy(strpos(LoggerManager::$messages[0][1], 'case case-9') !== false, 'the message names the case');
});

test('a SuiteCRM 8 record view save (GraphQL saveRecord) is a person\'s: a stale posted log is replaced by the stored one', function () {
    // SuiteCRM-Core core/backend/Data/LegacyHandler/RecordHandler.php saveRecord(): every attribute the page holds is set on the bean.
    $GLOBALS['current_user'] = (object)['id' => 'seed_sally_id'];
    $storedLog = '2026-12-07T12:53:27Z|status||Open_New|seed_sally_id|person;2026-12-07T12:58:04Z|status|Open_New|Open_Assigned|seed_max_id|person';
    $stored = ['status' => 'Open_Assigned', 'sla_change_log_c' => $storedLog, 'sla_response_status_c' => 'met'];
    $bean = new FakeBean(['status' => 'Open_New', 'sla_change_log_c' => '2026-12-07T12:53:27Z|status||Open_New|seed_sally_id|person', 'sla_response_status_c' => 'pending'], $stored);
    withRequest(['SCRIPT_NAME' => '/index.php', 'REQUEST_URI' => '/api/graphql'], [], function () use ($bean) {
        (new SupportSla_CaseHook())->beforeSave($bean, 'before_save', []);
    });
    same($storedLog, $bean->sla_change_log_c);
    same('Open_Assigned', $bean->status, 'the status B set stays');
    same('met', $bean->sla_response_status_c, 'a bridge-owned field is restored on a person\'s save');
});

test('a V8 API save under SuiteCRM 8\'s /legacy/Api may write bridge-owned fields', function () {
    $GLOBALS['current_user'] = (object)['id' => 'seed_bridge_id'];
    $bean = new FakeBean(['status' => 'Open_Assigned', 'sla_response_status_c' => 'breached'], ['status' => 'Open_Assigned', 'sla_response_status_c' => 'met']);
    withRequest(['SCRIPT_NAME' => '/legacy/Api/index.php', 'REQUEST_URI' => '/legacy/Api/V8/module'], [], function () use ($bean) {
        (new SupportSla_CaseHook())->beforeSave($bean, 'before_save', []);
    });
    same('breached', $bean->sla_response_status_c);
});
