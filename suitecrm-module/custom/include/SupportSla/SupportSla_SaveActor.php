<?php
/**
 * Which kind of actor is saving a record: person, api, cron, workflow or import (the actors of
 * the change log, schemas/change-log.md), told from the request the save runs in, as observed on
 * SuiteCRM 7.14 (docs/package-internals.md#who-is-saving):
 * - an AOW workflow action: only the call stack shows it (AOW_WorkFlow::run_actions, or an
 *   action class's run_action); checked first, as a workflow can run inside any other request;
 * - SuiteCRM's import: module=Import;
 * - SuiteCRM 8's Angular UI: every save it makes (the record view's save, inline edits on the
 *   record and list views, bulk actions, create from a subpanel) is a GraphQL request to
 *   <base>/api/graphql (SuiteCRM-Core core/app/shell/src/environments/environment.prod.ts
 *   graphqlApiUrl './api/graphql'; config/routes/api_platform.yaml prefix /api), served by the
 *   Symfony front controller public/index.php, which runs the legacy save: person;
 * - the V8 API (Api/index.php, /Api/V8/...; /legacy/Api/index.php and /legacy/Api/V8/... on
 *   SuiteCRM 8) and the legacy REST and SOAP services (service/v4_1/rest.php, used by portals): api;
 * - the scheduler: PHP run from the command line (cron.php, SuiteCRM 8's bin/console): cron;
 * - anything else is a person in SuiteCRM 7's web UI, or in a legacy screen SuiteCRM 8 shows in
 *   its iframe (/legacy/index.php): edit view, quick create, inline edit, mass update.
 *
 * Plain PHP: the hook passes $_SERVER, $_REQUEST, PHP_SAPI and debug_backtrace(), so the rules
 * are unit-tested without SuiteCRM. Scanner-clean (no variable array keys, no listed functions).
 */
class SupportSla_SaveActor
{
    const PERSON = 'person';
    const API = 'api';
    const CRON = 'cron';
    const WORKFLOW = 'workflow';
    const IMPORT = 'import';

    /**
     * @param array $server $_SERVER
     * @param array $request $_REQUEST
     * @param string $sapi PHP_SAPI
     * @param array $frames debug_backtrace(DEBUG_BACKTRACE_IGNORE_ARGS)
     * @return string one of the constants above
     */
    public static function detect($server, $request, $sapi, $frames)
    {
        if (self::inWorkflow($frames)) {
            return self::WORKFLOW;
        }
        $module = is_array($request) && isset($request['module']) ? (string)$request['module'] : '';
        if ($module === 'Import') {
            return self::IMPORT;
        }
        $script = self::path(is_array($server) && isset($server['SCRIPT_NAME']) ? $server['SCRIPT_NAME'] : '');
        $uri = self::path(is_array($server) && isset($server['REQUEST_URI']) ? $server['REQUEST_URI'] : '');
        if (self::isGraphql($uri)) {
            return self::PERSON;
        }
        if (self::isApi($script, $uri)) {
            return self::API;
        }
        if ((string)$sapi === 'cli' || self::endsWith($script, '/cron.php')) {
            return self::CRON;
        }
        return self::PERSON;
    }

    /** True when an AOW workflow action is on the call stack. */
    private static function inWorkflow($frames)
    {
        if (!is_array($frames)) {
            return false;
        }
        foreach ($frames as $frame) {
            if (!is_array($frame) || !isset($frame['class']) || !isset($frame['function'])) {
                continue;
            }
            $class = strtolower((string)$frame['class']);
            $method = strtolower((string)$frame['function']);
            // AOW_WorkFlow::run_actions, or customAOW_WorkFlow when a site extends it.
            if ($method === 'run_actions' && self::endsWith($class, 'aow_workflow')) {
                return true;
            }
            // actionCreateRecord, actionModifyRecord, actionComputeField... and their custom* subclasses.
            if ($method === 'run_action'
                && (strpos($class, 'action') === 0 || strpos($class, 'customaction') === 0)) {
                return true;
            }
        }
        return false;
    }

    /** SuiteCRM 8's UI endpoint, at the web root or under a sub-folder (/crm/public/api/graphql). */
    private static function isGraphql($uri)
    {
        $path = rtrim($uri, '/');
        return self::endsWith($path, '/api/graphql');
    }

    private static function isApi($script, $uri)
    {
        if (self::endsWith($script, '/Api/index.php') || strpos($uri, '/Api/V8/') !== false) {
            return true;
        }
        // Legacy REST and SOAP: /service/v4_1/rest.php, /service/v4_1/soap.php and other versions.
        if (strpos($script, '/service/') !== false
            && (self::endsWith($script, '/rest.php') || self::endsWith($script, '/soap.php'))) {
            return true;
        }
        return false;
    }

    /** A script name or URI with forward slashes and a leading slash, without a query string. */
    private static function path($value)
    {
        $path = str_replace('\\', '/', (string)$value);
        $query = strpos($path, '?');
        if ($query !== false) {
            $path = substr($path, 0, $query);
        }
        if ($path !== '' && substr($path, 0, 1) !== '/') {
            $path = '/' . $path;
        }
        return $path;
    }

    private static function endsWith($text, $suffix)
    {
        $length = strlen($suffix);
        return strlen($text) >= $length && substr($text, -$length) === $suffix;
    }
}
