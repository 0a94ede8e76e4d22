<?php
/**
 * A time entry's account is its case's account: filled in on every save, so hours are always
 * counted against the right contract, whichever way the entry was created (a case's subpanel, an
 * account's subpanel, the list view, import, the V8 API). When the case has no account, the
 * account the entry was given is kept.
 *
 * Plain PHP: the case lookup is an object with accountIdOf($caseId), so the rule is unit-tested
 * with fake beans; SupportSla_CaseAccounts is the real lookup.
 */

require_once __DIR__ . '/SupportSla_Contract.php';

class SupportSla_TimeEntryAccount
{
    /**
     * @param object $entry the time entry being saved
     * @param object $cases anything with accountIdOf($caseId): string
     * @return bool whether the account was changed
     */
    public static function fill($entry, $cases)
    {
        $caseKey = self::key('Cases');
        $accountKey = self::key('Accounts');
        $caseId = isset($entry->$caseKey) ? trim((string)$entry->$caseKey) : '';
        if ($caseId === '') {
            return false;
        }
        $accountId = trim((string)$cases->accountIdOf($caseId));
        $current = isset($entry->$accountKey) ? (string)$entry->$accountKey : '';
        if ($accountId === '' || $accountId === $current) {
            return false;
        }
        $entry->$accountKey = $accountId;
        return true;
    }

    /** The time entry field holding the id of the module's record (case_id, account_id). */
    public static function key($module)
    {
        foreach (SupportSla_Contract::RELATIONSHIPS as $relationship) {
            if ($relationship['lhs_module'] === $module && $relationship['rhs_module'] === 'SLA_TimeEntries') {
                return $relationship['rhs_key'];
            }
        }
        return '';
    }
}
