<?php
/**
 * Rule R6 of the Cases before_save hook (docs/web-ui-saves.md, docs/freshness.md#being-updated):
 * the SLA input stamp. The hook owns sla_input_stamp_c and sets it to a new value on a save that
 * creates the case, or that changes what the bridge computes the case's SLA from, on a case
 * that has a stamp already or that the bridge writes (it holds a response status). Any other
 * save keeps the stored stamp,
 * whatever the save posted. The bridge echoes the stamp it read into sla_input_seen_c in the same
 * PATCH as the SLA fields it computed from that read, so while the two differ the views say the
 * SLA is being updated instead of showing the earlier values as if they were current.
 *
 * The bridge's own PATCH carries only the bridge's fields, so it changes no input and never sets
 * a new stamp: no check of who is saving is needed. Cases created before the package was
 * installed have no stamp and the bridge never writes them (no response status), so an update
 * never stamps them and they never say "being updated" for good.
 *
 * Plain string comparisons only, no SLA arithmetic. The stamp is the save's time to the second
 * plus a counter one higher than the stored stamp's, so two saves in one second still differ.
 */

require_once __DIR__ . '/SupportSla_ExactTime.php';
require_once __DIR__ . '/SupportSla_Row.php';

class SupportSla_InputStamp
{
    const STAMP_FIELD = 'sla_input_stamp_c';
    const SEEN_FIELD = 'sla_input_seen_c';

    /** A bridge field every case the bridge writes holds (a computed status, or not computed). */
    const WRITTEN_FIELD = 'sla_response_status_c';

    /** The inputs the bridge reads from a case (bridge/src/sync/sync-modules.ts, Cases toRecord), compared as text. */
    const TEXT_INPUTS = array(
        'status',
        'sla_severity_c',
        'sla_environment_c',
        'sla_cause_c',
        'sla_reportable_c',
        'sla_downgrade_to_c',
        'sla_downgrade_reason_c',
        'account_id',
    );

    /** Reported at is compared to the minute: the bridge reads datetimes to the minute. */
    const REPORTED_AT = 'sla_reported_at_c';

    /**
     * @param object $bean the case, after the hook's other rules
     * @param array $stored fetched_row (empty on create)
     * @param bool $firstSave false on a second save of the same bean object in one request
     * @param int $timestamp the hook's clock, Unix seconds
     * @return void
     */
    public static function apply($bean, $stored, $firstSave, $timestamp)
    {
        $field = self::STAMP_FIELD;
        $isUpdate = count($stored) > 0;
        // On a second save, the first save's stamp on the bean is the one to keep or follow.
        $current = $firstSave || !$isUpdate ? SupportSla_Row::value($stored, $field) : SupportSla_Row::property($bean, $field);
        $followed = self::isWritten($stored) || trim(SupportSla_Row::text($current)) !== '';
        $stamp = !$isUpdate || ($followed && self::inputsChanged($bean, $stored))
            ? self::next($current, $timestamp)
            : $current;
        if (SupportSla_Row::property($bean, $field) !== $stamp) {
            $bean->$field = $stamp;
        }
    }

    /**
     * Whether a view should say the SLA is being updated: the stamp and its echo differ.
     *
     * @param mixed $stamp sla_input_stamp_c
     * @param mixed $seen sla_input_seen_c
     * @return bool
     */
    public static function isUpdating($stamp, $seen)
    {
        return trim(SupportSla_Row::decoded($stamp)) !== trim(SupportSla_Row::decoded($seen));
    }

    /** The stamp after $current: "Y-m-d H:i:s#n", n one higher than $current's (1 when it has none). */
    public static function next($current, $timestamp)
    {
        $text = SupportSla_Row::text($current);
        $hash = strrpos($text, '#');
        $count = $hash === false ? 0 : (int)substr($text, $hash + 1);
        return gmdate('Y-m-d H:i:s', (int)$timestamp) . '#' . ($count + 1);
    }

    private static function isWritten($stored)
    {
        return trim(SupportSla_Row::text(SupportSla_Row::value($stored, self::WRITTEN_FIELD))) !== '';
    }

    private static function inputsChanged($bean, $stored)
    {
        foreach (self::TEXT_INPUTS as $input) {
            if (SupportSla_Row::decoded(SupportSla_Row::property($bean, $input))
                !== SupportSla_Row::decoded(SupportSla_Row::value($stored, $input))) {
                return true;
            }
        }
        // A reported at the hook filled from a blank (R4) is the creation time the bridge already used.
        $storedReported = SupportSla_Row::value($stored, self::REPORTED_AT);
        if (SupportSla_ExactTime::minuteOf($storedReported) === '') {
            $storedReported = SupportSla_Row::value($stored, 'date_entered');
        }
        return SupportSla_ExactTime::minuteOf(SupportSla_Row::property($bean, self::REPORTED_AT))
            !== SupportSla_ExactTime::minuteOf($storedReported);
    }
}
