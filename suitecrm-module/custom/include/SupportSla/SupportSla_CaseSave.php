<?php
/**
 * What the package's Cases before_save hook does to the case being saved (rules R1-R6,
 * docs/web-ui-saves.md). It only assigns fields on the bean, never saves (a save inside
 * before_save recurses):
 * - R2: on a person's save (the web UI: 7.14's forms, 8.x's GraphQL saveRecord), the fields the
 *   bridge and this hook own go back to their stored values (blank on create), and a stale
 *   page's re-post of a value someone else changed since is undone (SupportSla_StaleForm);
 * - R1: appends an entry to the SLA change log (sla_change_log_c) for each change of a tracked
 *   field, with the user and the kind of actor (format in schemas/change-log.md), on the log as
 *   stored, never on the value a form posted;
 * - R3: keeps the exact reported at and downgraded at through saves that only re-post them
 *   (SupportSla_ExactTime);
 * - R4: sets "reported at" to the case's creation time when it is blank;
 * - R5: stamps "downgraded at" when downgrade-to changes (set or cleared);
 * - R6: sets the SLA input stamp on a create, or on a change of an SLA input of a case the bridge
 *   writes, and keeps the stored stamp otherwise (SupportSla_InputStamp).
 *
 * "Before" is fetched_row (the stored row; empty on create). When the same bean object is saved
 * twice in one request (an AOW workflow's CreateRecord does this), the second save compares with
 * what the first one saved and appends to the log the first one wrote, so nothing is logged twice.
 *
 * Plain PHP over any object with the fields as properties, so it is unit-tested with fake beans.
 */

require_once __DIR__ . '/SupportSla_ChangeLog.php';
require_once __DIR__ . '/SupportSla_ExactTime.php';
require_once __DIR__ . '/SupportSla_InputStamp.php';
require_once __DIR__ . '/SupportSla_OwnedFields.php';
require_once __DIR__ . '/SupportSla_Row.php';
require_once __DIR__ . '/SupportSla_StaleForm.php';

class SupportSla_CaseSave
{
    const REPORTED_AT = 'sla_reported_at_c';
    const DOWNGRADE_TO = 'sla_downgrade_to_c';
    const DOWNGRADED_AT = 'sla_downgraded_at_c';

    /** Property the hook leaves on the bean object: the tracked values its last save stored. */
    const SAVED_VALUES = 'sla_support_saved_values';

    const PERSON = 'person';
    const MODULE = 'Cases';

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
        $isUpdate = count($stored) > 0;
        $marker = self::SAVED_VALUES;
        $previous = isset($bean->$marker) && is_array($bean->$marker) ? $bean->$marker : null;
        // A person's first save only: a second save of the same object is the code's, not a form's.
        $restrict = (string)$actor === self::PERSON && $previous === null;

        if ($restrict && $isUpdate) {
            SupportSla_StaleForm::keepUnseenChanges($bean, $stored);
            SupportSla_OwnedFields::restore($bean, $stored, self::MODULE);
        } elseif ($restrict) {
            SupportSla_OwnedFields::blank($bean, self::MODULE);
        }

        $before = $previous === null ? $stored : $previous;
        $after = SupportSla_ChangeLog::valuesOf($bean);
        $now = gmdate('Y-m-d H:i:s', (int)$timestamp);

        $logField = SupportSla_Contract::CHANGE_LOG_FIELD;
        $base = ($previous === null && $isUpdate)
            ? SupportSla_Row::value($stored, $logField)
            : SupportSla_Row::property($bean, $logField);
        $entries = SupportSla_ChangeLog::entriesFor($before, $after, $userId, $actor, $timestamp);
        if ($entries !== '' || SupportSla_Row::text($base) !== SupportSla_Row::text(SupportSla_Row::property($bean, $logField))) {
            $bean->$logField = SupportSla_ChangeLog::append($base, $entries);
        }

        $downgradedAt = self::DOWNGRADED_AT;
        if (SupportSla_ChangeLog::valueIn($before, self::DOWNGRADE_TO)
            !== SupportSla_ChangeLog::valueIn($after, self::DOWNGRADE_TO)) {
            $bean->$downgradedAt = $now;
        } elseif (!$restrict) {
            self::assign($bean, $downgradedAt, SupportSla_ExactTime::sameMinute(
                SupportSla_Row::value($stored, $downgradedAt),
                SupportSla_Row::property($bean, $downgradedAt)
            ));
        }

        $reportedAt = self::REPORTED_AT;
        $reported = SupportSla_Row::property($bean, $reportedAt);
        $storedReported = SupportSla_Row::value($stored, $reportedAt);
        if (self::isBlankDatetime($reported)) {
            $bean->$reportedAt = self::creationTime($bean, $stored, $now);
        } elseif ($restrict && $isUpdate) {
            self::assign($bean, $reportedAt, SupportSla_ExactTime::personSave($storedReported, $reported));
        } else {
            self::assign($bean, $reportedAt, SupportSla_ExactTime::sameMinute($storedReported, $reported));
        }

        SupportSla_InputStamp::apply($bean, $stored, $previous === null, $timestamp);

        $bean->$marker = $after;
    }

    /**
     * The minute a datetime value is in, as "Y-m-d H:i" ('' for anything else).
     *
     * @param mixed $value
     * @return string
     */
    public static function minuteOf($value)
    {
        return SupportSla_ExactTime::minuteOf($value);
    }

    /** Sets a field only when the value differs, so the hook writes nothing it does not change. */
    private static function assign($bean, $field, $value)
    {
        if (SupportSla_Row::property($bean, $field) !== $value) {
            $bean->$field = $value;
        }
    }

    /** The stored row as an array (fetched_row is false or missing on a new bean). */
    private static function storedRow($bean)
    {
        return isset($bean->fetched_row) && is_array($bean->fetched_row) ? $bean->fetched_row : array();
    }

    /**
     * The case's creation time in the database form: date_entered as the save set it (a new
     * case), else as stored (an update), else now.
     */
    private static function creationTime($bean, $stored, $now)
    {
        $entered = SupportSla_Row::text(SupportSla_Row::property($bean, 'date_entered'));
        if (preg_match(SupportSla_ExactTime::DB_DATETIME, $entered)) {
            return $entered;
        }
        $entered = SupportSla_Row::text(SupportSla_Row::value($stored, 'date_entered'));
        if (preg_match(SupportSla_ExactTime::DB_DATETIME, $entered)) {
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
}
