<?php
/**
 * The package's Accounts before_save logic hook (registered through the manifest's logic_hooks):
 * a person's save never changes a contract field the bridge writes (SupportSla_OwnedSave). It
 * never calls save(). A failure is logged and the account is saved anyway: nobody must be
 * stopped from saving an account by the SLA package.
 */

require_once __DIR__ . '/SupportSla_OwnedSave.php';

class SupportSla_AccountHook
{
    const MODULE = 'Accounts';

    /**
     * @param object $bean the account being saved
     * @param string $event before_save
     * @param array $arguments
     * @return void
     */
    public function beforeSave($bean, $event, $arguments)
    {
        try {
            SupportSla_OwnedSave::apply($bean, self::MODULE, SupportSla_OwnedSave::currentActor());
        } catch (Throwable $error) {
            $id = isset($bean->id) ? (string)$bean->id : '';
            LoggerManager::getLogger()->fatal(
                'SLA support: the Accounts before_save hook failed on account ' . $id . ': ' . $error->getMessage()
            );
        }
    }
}
