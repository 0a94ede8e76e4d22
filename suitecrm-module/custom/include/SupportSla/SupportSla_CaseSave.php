<?php
/**
 * What the package's Cases before_save hook does to the case being saved. It only assigns the
 * hook's own fields on the bean, never saves (a save inside before_save recurses):
 * - appends an entry to the SLA change log (sla_change_log_c) for each change of a tracked field
 *   (status, severity, environment, cause, reportable, downgrade-to), with the user and the kind
 *   of actor (SupportSla_ChangeLog, format in schemas/change-log.md);
 * - stamps "downgraded at" when downgrade-to changes (set or cleared);
 * - sets "reported at" to the case's creation time when it is blank;
 * - keeps the seconds of those two datetimes: a save rewrites every datetime the form or the
 *   API sends back to the minute, so when one arrives in the same minute as the stored value,
 *   the stored value (with its seconds) is put back.
 *
 * "Before" is fetched_row (the stored row; empty on create). When the same bean object is saved
 * twice in one request (an AOW workflow's CreateRecord does this), the second save compares with
 * what the first one saved, not with the stale fetched_row, so nothing is logged twice.
 *
 * Plain PHP over any object with the fields as properties, so it is unit-tested with fake beans.
 */

require_once __DIR__ . '/SupportSla_ChangeLog.php';

class SupportSla_CaseSave
{
    const REPORTED_AT = 'sla_reported_at_c';
    const DOWNGRADE_TO = 'sla_downgrade_to_c';
    const DOWNGRADED_AT = 'sla_downgraded_at_c';

    /** Property the hook leaves on the bean object: the tracked values its last save stored. */
    const SAVED_VALUES = 'sla_support_saved_values';

    const DB_DATETIME = '/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/';

    /**
     * @param object $bean the case (aCase, or a fake with the same properties)
     * @param string|null $userId the saving user's id
     * @param string $actor person, api, cron, workflow or import
     * @param int $timestamp the hook's clock, Unix seconds
     * @return void
     */
    public static function apply($bean, $userId, $actor, $timestamp)
    {
        $stored = self::storedRow($bean);
        $before = self::previousValues($bean, $stored);
        $after = SupportSla_ChangeLog::valuesOf($bean);
        $now = gmdate('Y-m-d H:i:s', (int)$timestamp);

        $entries = SupportSla_ChangeLog::entriesFor($before, $after, $userId, $actor, $timestamp);
        if ($entries !== '') {
            $logField = SupportSla_Contract::CHANGE_LOG_FIELD;
            $log = isset($bean->$logField) ? $bean->$logField : '';
            $bean->$logField = SupportSla_ChangeLog::append($log, $entries);
        }

        $downgradedAt = self::DOWNGRADED_AT;
        if (SupportSla_ChangeLog::valueIn($before, self::DOWNGRADE_TO)
            !== SupportSla_ChangeLog::valueIn($after, self::DOWNGRADE_TO)) {
            $bean->$downgradedAt = $now;
        } else {
            self::keepSeconds($bean, $stored, $downgradedAt);
        }

        $reportedAt = self::REPORTED_AT;
        if (self::isBlankDatetime(isset($bean->$reportedAt) ? $bean->$reportedAt : null)) {
            $bean->$reportedAt = self::creationTime($bean, $stored, $now);
        } else {
            self::keepSeconds($bean, $stored, $reportedAt);
        }

        $marker = self::SAVED_VALUES;
        $bean->$marker = $after;
    }

    /**
     * The minute a datetime value is in, as "Y-m-d H:i", for values in SuiteCRM's database form
     * with or without seconds (also with a T); '' for anything else.
     *
     * @param mixed $value
     * @return string
     */
    public static function minuteOf($value)
    {
        $matches = array();
        if (!is_string($value) || !preg_match('/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?/', $value, $matches)) {
            return '';
        }
        return $matches[1] . ' ' . $matches[2];
    }

    /** The stored row as an array (fetched_row is false or missing on a new bean). */
    private static function storedRow($bean)
    {
        return isset($bean->fetched_row) && is_array($bean->fetched_row) ? $bean->fetched_row : array();
    }

    /** What this bean object's previous save in this request stored, else the stored row. */
    private static function previousValues($bean, $stored)
    {
        $marker = self::SAVED_VALUES;
        if (isset($bean->$marker) && is_array($bean->$marker)) {
            return $bean->$marker;
        }
        return $stored;
    }

    /** Puts the stored value back when the bean holds the same minute without its seconds. */
    private static function keepSeconds($bean, $stored, $field)
    {
        $original = self::rowValue($stored, $field);
        if (!preg_match(self::DB_DATETIME, $original)) {
            return;
        }
        $current = isset($bean->$field) ? $bean->$field : null;
        if ($current === $original) {
            return;
        }
        if (self::minuteOf($current) === substr($original, 0, 16)) {
            $bean->$field = $original;
        }
    }

    /**
     * The case's creation time in the database form: date_entered as the save set it (a new
     * case), else as stored (an update), else now.
     */
    private static function creationTime($bean, $stored, $now)
    {
        $entered = isset($bean->date_entered) ? (string)$bean->date_entered : '';
        if (preg_match(self::DB_DATETIME, $entered)) {
            return $entered;
        }
        $entered = self::rowValue($stored, 'date_entered');
        if (preg_match(self::DB_DATETIME, $entered)) {
            return $entered;
        }
        return $now;
    }

    private static function isBlankDatetime($value)
    {
        if ($value === null || $value === false) {
            return true;
        }
        $text = trim((string)$value);
        return $text === '' || $text === 'NULL' || $text === '0000-00-00 00:00:00';
    }

    /** A raw value of a row as a string, '' when missing (no variable array keys: scanner). */
    private static function rowValue($row, $name)
    {
        foreach ($row as $key => $value) {
            if ((string)$key === $name) {
                return $value === null ? '' : (string)$value;
            }
        }
        return '';
    }
}
