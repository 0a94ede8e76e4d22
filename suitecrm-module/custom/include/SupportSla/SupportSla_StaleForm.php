<?php
/**
 * A person's save from a page opened before someone else's save (rules R1 and the stale-form
 * decision, docs/web-ui-saves.md).
 *
 * SuiteCRM 8's record view posts every attribute (SuiteCRM-Core
 * core/backend/Data/LegacyHandler/RecordHandler.php saveRecord() sets each one on the bean), so a
 * page A opened before B's save re-posts the values A saw: B's status would be reverted. The
 * change log the page posts tells which stored changes A has not seen: when it is an earlier copy
 * of the stored log (the stored log starts with it), the entries after it are the saves since A
 * opened the page. For a tracked field one of them changed, the value A saw is that field's "from"
 * in the first of them: when A posts exactly that, A did not change the field, and the stored
 * value is kept. A value A typed (anything else) is A's change and is kept. Without such a copy
 * (SuiteCRM 7's edit view, inline edit and mass update post no log, so the bean holds the stored
 * one) nothing is touched here.
 */

require_once __DIR__ . '/SupportSla_ChangeLog.php';
require_once __DIR__ . '/SupportSla_Row.php';

class SupportSla_StaleForm
{
    /**
     * @param object $bean
     * @param array $stored fetched_row
     * @return void
     */
    public static function keepUnseenChanges($bean, $stored)
    {
        $logField = SupportSla_Contract::CHANGE_LOG_FIELD;
        $unseen = self::unseenEntries(
            SupportSla_Row::text(SupportSla_Row::property($bean, $logField)),
            SupportSla_Row::text(SupportSla_Row::value($stored, $logField))
        );
        if (count($unseen) === 0) {
            return;
        }
        foreach (SupportSla_Contract::CHANGE_LOG_TRACKED as $logName => $beanField) {
            $seen = self::firstFrom($unseen, $logName);
            if ($seen === null) {
                continue;
            }
            $posted = SupportSla_ChangeLog::escape(SupportSla_Row::property($bean, $beanField));
            if ($posted === $seen) {
                $bean->$beanField = SupportSla_Row::value($stored, $beanField);
            }
        }
    }

    /**
     * The stored entries written after the posted copy of the log: none unless the posted log
     * is a non-empty earlier copy of the stored one.
     *
     * @param string $posted
     * @param string $stored
     * @return string[]
     */
    public static function unseenEntries($posted, $stored)
    {
        if ($posted === '' || $posted === $stored) {
            return array();
        }
        $prefix = $posted . ';';
        if (strlen($stored) <= strlen($prefix) || substr($stored, 0, strlen($prefix)) !== $prefix) {
            return array();
        }
        return explode(';', substr($stored, strlen($prefix)));
    }

    /** The escaped "from" of the first entry for a field, null when none names it. */
    private static function firstFrom($entries, $logName)
    {
        foreach ($entries as $entry) {
            $parts = explode('|', $entry);
            if (count($parts) === 6 && $parts[1] === $logName) {
                return $parts[2];
            }
        }
        return null;
    }
}
