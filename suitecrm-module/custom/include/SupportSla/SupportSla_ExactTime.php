<?php
/**
 * Keeping the exact datetimes of a case (reported at, downgraded at) through saves that only
 * re-post them (rule R3, docs/web-ui-saves.md).
 *
 * Every save path loses the seconds: the 7.14 edit view, inline edit and 8.x's record view post
 * the user's format without seconds, and the V8 API gets what its client sends. SuiteCRM 7's stock
 * edit widget (jssource/src_files/include/SugarFields/Fields/Datetimecombo/Datetimecombo.js) also
 * offers only minutes 00/15/30/45 and rounds a shown value UP to the next quarter hour; at local
 * 23:46-23:59 its hour becomes 24, which no option matches, so the form posts the same local date
 * at 11:00 (24-hour formats: the empty first option, then update() picks the 12th option, "11")
 * or at 12:00am (12-hour formats). Every real UTC offset is a multiple of 15 minutes, so the
 * quarter-hour rounding is the same in UTC as in the user's time zone, and those midnight
 * re-posts are 13 hours and 24 hours before the rounded value.
 */
class SupportSla_ExactTime
{
    const MINUTE = '/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(:\d{2})?/';
    const DB_DATETIME = '/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/';

    /**
     * The minute a datetime value is in, as "Y-m-d H:i", for values in SuiteCRM's database form
     * with or without seconds (also with a T); '' for anything else.
     *
     * @param mixed $value
     * @return string
     */
    public static function minuteOf($value)
    {
        $time = self::minuteTime($value);
        return $time === null ? '' : gmdate('Y-m-d H:i', $time);
    }

    /**
     * What an API, cron, import or workflow save keeps: the stored value when the bean holds the
     * same minute (seconds lost), else the bean's value.
     *
     * @param mixed $stored the stored value
     * @param mixed $current the bean's value
     * @return mixed
     */
    public static function sameMinute($stored, $current)
    {
        if (!self::isStoredDatetime($stored) || $current === $stored) {
            return $current;
        }
        return self::minuteOf($current) === substr($stored, 0, 16) ? $stored : $current;
    }

    /**
     * What a person's save of an existing case keeps: the stored value when the bean holds what
     * a form re-posts for it (the same minute, the minute rounded up to the next quarter hour,
     * or the widget's midnight re-post of that rounding), else the bean's value: the person's
     * change.
     *
     * @param mixed $stored the stored value
     * @param mixed $current the bean's value
     * @return mixed
     */
    public static function personSave($stored, $current)
    {
        if (!self::isStoredDatetime($stored)) {
            return $current;
        }
        $kept = self::sameMinute($stored, $current);
        if ($kept === $stored) {
            return $stored;
        }
        $storedMinute = self::minuteTime($stored);
        $posted = self::minuteTime($current);
        if ($posted === null) {
            return $current;
        }
        $rounded = self::nextQuarter($storedMinute);
        if ($rounded === $storedMinute) {
            return $current;
        }
        if ($posted === $rounded || $posted === $rounded - 13 * 3600 || $posted === $rounded - 24 * 3600) {
            return $stored;
        }
        return $current;
    }

    /** A stored datetime in the database form, seconds included. */
    private static function isStoredDatetime($value)
    {
        return is_string($value) && preg_match(self::DB_DATETIME, $value) === 1;
    }

    /** The Unix time of a value's minute (seconds dropped), null when it is not a datetime. */
    private static function minuteTime($value)
    {
        $parts = array();
        if (!is_string($value) || !preg_match(self::MINUTE, $value, $parts)) {
            return null;
        }
        return gmmktime((int)$parts[4], (int)$parts[5], 0, (int)$parts[2], (int)$parts[3], (int)$parts[1]);
    }

    /** A minute rounded up to the next quarter hour (itself when on one). */
    private static function nextQuarter($time)
    {
        $quarter = 15 * 60;
        $rest = $time % $quarter;
        return $rest === 0 ? $time : $time - $rest + $quarter;
    }
}
