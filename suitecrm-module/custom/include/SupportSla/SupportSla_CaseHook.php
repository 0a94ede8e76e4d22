<?php
/**
 * The package's Cases before_save logic hook (registered through the manifest's logic_hooks).
 * It works out who is saving and lets SupportSla_CaseSave assign the hook's fields. It never
 * calls save(). A failure is logged and the case is saved anyway: a support engineer must never
 * be stopped from saving a case by the SLA log.
 */

require_once __DIR__ . '/SupportSla_CaseSave.php';
require_once __DIR__ . '/SupportSla_SaveActor.php';

class SupportSla_CaseHook
{
    /**
     * @param object $bean the case being saved
     * @param string $event before_save
     * @param array $arguments
     * @return void
     */
    public function beforeSave($bean, $event, $arguments)
    {
        try {
            $actor = SupportSla_SaveActor::detect(
                $_SERVER,
                $_REQUEST,
                PHP_SAPI,
                debug_backtrace(DEBUG_BACKTRACE_IGNORE_ARGS)
            );
            SupportSla_CaseSave::apply($bean, self::currentUserId(), $actor, time());
        } catch (Throwable $error) {
            $id = isset($bean->id) ? (string)$bean->id : '';
            LoggerManager::getLogger()->fatal(
                'SLA support: the Cases before_save hook failed on case ' . $id . ': ' . $error->getMessage()
            );
        }
    }

    /** The id of the user SuiteCRM says is saving ('' when there is none). */
    private static function currentUserId()
    {
        if (isset($GLOBALS['current_user']) && is_object($GLOBALS['current_user'])
            && isset($GLOBALS['current_user']->id)) {
            return (string)$GLOBALS['current_user']->id;
        }
        return '';
    }
}
