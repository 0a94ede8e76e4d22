<?php
/** Who is saving (SupportSla_SaveActor), per docs/package-internals.md#who-is-saving. */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_SaveActor.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Contract.php';

$web = ['SCRIPT_NAME' => '/index.php', 'REQUEST_URI' => '/index.php'];
$cases = [
    'the edit view of a case' => [$web, ['module' => 'Cases', 'action' => 'Save'], 'apache2handler', [], 'person'],
    'inline edit' => [$web, ['module' => 'Home', 'action' => 'saveHTMLField'], 'fpm-fcgi', [], 'person'],
    'mass update' => [$web, ['module' => 'Cases', 'action' => 'MassUpdate'], 'fpm-fcgi', [], 'person'],
    'the V8 API at the web root' => [['SCRIPT_NAME' => '/Api/index.php', 'REQUEST_URI' => '/Api/V8/module'], [], 'fpm-fcgi', [], 'api'],
    'the V8 API in a sub-folder' => [['SCRIPT_NAME' => '/crm/Api/index.php', 'REQUEST_URI' => '/crm/Api/V8/module'], [], 'fpm-fcgi', [], 'api'],
    'the V8 API on SuiteCRM 8' => [['SCRIPT_NAME' => '/legacy/Api/index.php', 'REQUEST_URI' => '/legacy/Api/V8/module'], [], 'fpm-fcgi', [], 'api'],
    'the V8 API when only the request URI says so' => [['SCRIPT_NAME' => '/index.php', 'REQUEST_URI' => '/Api/V8/module?x=1'], [], 'fpm-fcgi', [], 'api'],
    'legacy REST v4_1 (a portal)' => [['SCRIPT_NAME' => '/service/v4_1/rest.php'], ['method' => 'set_entry'], 'fpm-fcgi', [], 'api'],
    'legacy SOAP' => [['SCRIPT_NAME' => '/service/v2/soap.php'], [], 'fpm-fcgi', [], 'api'],
    'the scheduler (cron.php)' => [['SCRIPT_NAME' => 'cron.php'], [], 'cli', [], 'cron'],
    'SuiteCRM 8 console' => [['SCRIPT_NAME' => 'bin/console'], [], 'cli', [], 'cron'],
    'cron.php run by a web server' => [['SCRIPT_NAME' => '/cron.php'], [], 'cgi-fcgi', [], 'cron'],
    'the import wizard' => [$web, ['module' => 'Import', 'action' => 'Step4'], 'fpm-fcgi', [], 'import'],
    'a workflow CreateRecord inside an API save' => [
        ['SCRIPT_NAME' => '/Api/index.php'], [], 'fpm-fcgi',
        [['class' => 'SupportSla_CaseHook', 'function' => 'beforeSave'], ['class' => 'SugarBean', 'function' => 'save'], ['class' => 'actionCreateRecord', 'function' => 'set_record'], ['class' => 'actionCreateRecord', 'function' => 'run_action'], ['class' => 'AOW_WorkFlow', 'function' => 'run_actions']],
        'workflow',
    ],
    'a workflow run by the scheduler' => [['SCRIPT_NAME' => 'cron.php'], [], 'cli', [['class' => 'AOW_WorkFlow', 'function' => 'run_actions']], 'workflow'],
    'a site that extends AOW_WorkFlow' => [$web, [], 'fpm-fcgi', [['class' => 'customAOW_WorkFlow', 'function' => 'run_actions']], 'workflow'],
    'a custom action class' => [$web, [], 'fpm-fcgi', [['class' => 'customactionCreateRecord', 'function' => 'run_action']], 'workflow'],
    'other classes named like actions are not workflows' => [$web, [], 'fpm-fcgi', [['class' => 'SugarController', 'function' => 'action_save'], ['function' => 'run_action']], 'person'],
    'no server data at all (CLI)' => [[], [], 'cli', [], 'cron'],
    // SuiteCRM-Core: the Angular app posts to './api/graphql' (core/app/shell/src/environments/environment.prod.ts),
    // routed by config/routes/api_platform.yaml (prefix /api) through the front controller public/index.php.
    'SuiteCRM 8 record view save (GraphQL saveRecord)' => [['SCRIPT_NAME' => '/index.php', 'REQUEST_URI' => '/api/graphql'], [], 'fpm-fcgi', [], 'person'],
    'SuiteCRM 8 in a sub-folder, public/ not the document root' => [['SCRIPT_NAME' => '/crm/public/index.php', 'REQUEST_URI' => '/crm/public/api/graphql'], [], 'apache2handler', [], 'person'],
    'SuiteCRM 8 GraphQL with a query string' => [['SCRIPT_NAME' => '/index.php', 'REQUEST_URI' => '/api/graphql?op=saveRecord'], [], 'fpm-fcgi', [], 'person'],
    'SuiteCRM 8 bulk action from the list view (GraphQL process)' => [['SCRIPT_NAME' => '/index.php', 'REQUEST_URI' => '/api/graphql'], ['module' => 'Cases'], 'fpm-fcgi', [], 'person'],
    'a workflow run inside a SuiteCRM 8 GraphQL save' => [['SCRIPT_NAME' => '/index.php', 'REQUEST_URI' => '/api/graphql'], [], 'fpm-fcgi', [['class' => 'AOW_WorkFlow', 'function' => 'run_actions']], 'workflow'],
    'SuiteCRM 8 legacy screen in the iframe (edit view)' => [['SCRIPT_NAME' => '/legacy/index.php', 'REQUEST_URI' => '/legacy/index.php?module=Cases&action=EditView'], ['module' => 'Cases', 'action' => 'Save'], 'fpm-fcgi', [], 'person'],
    'SuiteCRM 8 V8 API under /legacy/Api' => [['SCRIPT_NAME' => '/legacy/Api/index.php', 'REQUEST_URI' => '/legacy/Api/V8/module'], [], 'fpm-fcgi', [], 'api'],
    'SuiteCRM 8 V8 API in a sub-folder' => [['SCRIPT_NAME' => '/crm/public/legacy/Api/index.php', 'REQUEST_URI' => '/crm/public/legacy/Api/V8/module/Cases/abc'], [], 'fpm-fcgi', [], 'api'],
];
foreach ($cases as $name => [$server, $request, $sapi, $frames, $expected]) {
    test("actor: $name", function () use ($server, $request, $sapi, $frames, $expected) {
        same($expected, SupportSla_SaveActor::detect($server, $request, $sapi, $frames));
    });
}

test('actor: every answer is one of the change log actors', function () use ($cases) {
    foreach ($cases as [$server, $request, $sapi, $frames]) {
        truthy(
            in_array(SupportSla_SaveActor::detect($server, $request, $sapi, $frames), SupportSla_Contract::CHANGE_LOG_ACTORS, true),
            'an actor outside the contract'
        );
    }
});
