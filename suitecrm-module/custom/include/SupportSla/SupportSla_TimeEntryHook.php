<?php
/**
 * The time entries' before_save logic hook (registered through the manifest's logic_hooks): fills
 * the entry's account from its case, and a blank subject from the case's number and subject. It
 * runs after SuiteCRM has applied a subpanel's or the API's relationship to the bean, so the case
 * id is there whichever way the entry was linked.
 */

require_once __DIR__ . '/SupportSla_OwnedSave.php';
require_once __DIR__ . '/SupportSla_TimeEntryAccount.php';
require_once __DIR__ . '/SupportSla_TimeEntrySubject.php';

class SupportSla_TimeEntryHook
{
    /**
     * A person's save never changes a field the bridge writes (term start, counts against plan,
     * data problem): SuiteCRM 8's record view re-posts them (SupportSla_OwnedSave).
     *
     * @param object $bean
     * @return void
     */
    private static function keepOwnedFields($bean)
    {
        try {
            SupportSla_OwnedSave::apply($bean, 'SLA_TimeEntries', SupportSla_OwnedSave::currentActor());
        } catch (Throwable $error) {
            LoggerManager::getLogger()->fatal(
                'SLA support: could not keep the bridge fields of a time entry: ' . $error->getMessage()
            );
        }
    }

    /**
     * @param object $bean the time entry being saved
     * @param string $event before_save
     * @param array $arguments
     * @return void
     */
    public function beforeSave($bean, $event, $arguments)
    {
        self::keepOwnedFields($bean);
        try {
            SupportSla_TimeEntryAccount::fill($bean, new SupportSla_CaseAccounts());
        } catch (Throwable $error) {
            LoggerManager::getLogger()->fatal(
                'SLA support: could not fill the account of a time entry from its case: ' . $error->getMessage()
            );
        }
        try {
            SupportSla_TimeEntrySubject::fill($bean, new SupportSla_CaseAccounts());
        } catch (Throwable $error) {
            LoggerManager::getLogger()->fatal(
                'SLA support: could not fill the subject of a time entry from its case: ' . $error->getMessage()
            );
        }
    }
}

/** Looks a case's account up in the database (no ACL: the account is a fact of the case). */
class SupportSla_CaseAccounts
{
    /**
     * @param string $caseId
     * @return string the case's account id, '' when the case or its account is missing
     */
    public function accountIdOf($caseId)
    {
        $db = DBManagerFactory::getInstance();
        $accountId = $db->getOne(
            'SELECT account_id FROM cases WHERE id = ' . $db->quoted($caseId) . ' AND deleted = 0'
        );
        return $accountId === false || $accountId === null ? '' : (string)$accountId;
    }

    /**
     * @param string $caseId
     * @return array|null array('number' => case number, 'name' => subject), null when the case is missing
     */
    public function subjectOf($caseId)
    {
        $db = DBManagerFactory::getInstance();
        $number = $db->getOne(
            'SELECT case_number FROM cases WHERE id = ' . $db->quoted($caseId) . ' AND deleted = 0'
        );
        if ($number === false || $number === null) {
            return null;
        }
        // The subject as SuiteCRM stores it (HTML-encoded, like the entry's own fields on save).
        $name = $db->getOne('SELECT name FROM cases WHERE id = ' . $db->quoted($caseId) . ' AND deleted = 0');
        return array('number' => (string)$number, 'name' => $name === false || $name === null ? '' : (string)$name, );
    }
}
