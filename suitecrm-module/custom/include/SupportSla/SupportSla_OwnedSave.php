<?php
/**
 * Rule R2 (docs/web-ui-saves.md) for a module whose before_save hook does nothing else with the
 * owned fields (Accounts, SLA_TimeEntries): on a person's first save of the bean in the request,
 * every field the bridge writes goes back to its stored value (blank on a person's create).
 * SuiteCRM 8's record view posts every attribute it loaded, so without this a person's save
 * reverts what the bridge wrote since the page was opened (seen on 8.8: an account save posted
 * "sla_contract_state_c":"none"). API, cron, import and workflow saves are left alone: the bridge
 * writes through the V8 API.
 *
 * Plain PHP over any object with the fields as properties, so it is unit-tested with fake beans.
 */

require_once __DIR__ . '/SupportSla_OwnedFields.php';
require_once __DIR__ . '/SupportSla_SaveActor.php';

class SupportSla_OwnedSave
{
    /**
     * Property left on the bean object after its first save: a second save of the same object in
     * one request is the code's (a workflow, a hook), not a form's, as on Cases.
     */
    const CHECKED = 'sla_support_owned_checked';

    /**
     * @param object $bean the record being saved
     * @param string $module Accounts or SLA_TimeEntries
     * @param string $actor person, api, cron, workflow or import (SupportSla_SaveActor)
     * @return bool whether the save was restricted
     */
    public static function apply($bean, $module, $actor)
    {
        $marker = self::CHECKED;
        $first = !isset($bean->$marker);
        $bean->$marker = true;
        if (!$first || (string)$actor !== SupportSla_SaveActor::PERSON) {
            return false;
        }
        $stored = isset($bean->fetched_row) && is_array($bean->fetched_row) ? $bean->fetched_row : array();
        if (count($stored) > 0) {
            SupportSla_OwnedFields::restore($bean, $stored, $module);
        } else {
            SupportSla_OwnedFields::blank($bean, $module);
        }
        return true;
    }

    /** The actor of the request this hook runs in. */
    public static function currentActor()
    {
        return SupportSla_SaveActor::detect(
            $_SERVER,
            $_REQUEST,
            PHP_SAPI,
            debug_backtrace(DEBUG_BACKTRACE_IGNORE_ARGS)
        );
    }
}
