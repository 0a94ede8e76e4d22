<?php
/**
 * Writes the SLA change log of a case (sla_change_log_c), in the format of the sla-bridge
 * project's schemas/change-log.md: entries "at|field|from|to|user|actor" joined by ";", values
 * percent-escaped so the text never holds the characters SuiteCRM HTML-encodes on save.
 *
 * Plain PHP with no SuiteCRM dependency, so it is unit-tested outside SuiteCRM against the
 * shared example table (schemas/change-log-examples.json). It must pass SuiteCRM's
 * ModuleScanner: no variable array keys ($a[$k]), no dynamic calls, no listed functions;
 * arrays are built with + and read with foreach.
 */

require_once __DIR__ . '/SupportSla_Contract.php';

class SupportSla_ChangeLog
{
    /** @var array|null reserved character => escape, built once */
    private static $escapes = null;

    /**
     * The tracked values of a bean (or any object), keyed by field name; null where unset.
     *
     * @param object $bean
     * @return array
     */
    public static function valuesOf($bean)
    {
        $values = array();
        foreach (SupportSla_Contract::CHANGE_LOG_TRACKED as $logField => $beanField) {
            $value = isset($bean->$beanField) ? $bean->$beanField : null;
            $values = $values + array($beanField => $value, );
        }
        return $values;
    }

    /**
     * The text one save appends: an entry for each tracked field whose value changed, in the
     * contract's order; '' when nothing changed.
     *
     * @param array|false|null $before fetched_row (empty on create)
     * @param array $after the values after the save (see valuesOf)
     * @param string|null $userId the saving user's id
     * @param string $actor person, api, cron, workflow or import
     * @param int $timestamp Unix time of the save, in seconds
     * @return string
     */
    public static function entriesFor($before, $after, $userId, $actor, $timestamp)
    {
        $entries = array();
        foreach (SupportSla_Contract::CHANGE_LOG_TRACKED as $logField => $beanField) {
            $from = self::valueIn($before, $beanField);
            $to = self::valueIn($after, $beanField);
            if ($from !== $to) {
                $entries[] = self::formatEntry($timestamp, $logField, $from, $to, $userId, $actor);
            }
        }
        return implode(';', $entries);
    }

    /**
     * The log with new entries appended after the old ones.
     *
     * @param string|null $log
     * @param string $entries as returned by entriesFor
     * @return string
     */
    public static function append($log, $entries)
    {
        $log = self::text($log);
        if ($entries === '') {
            return $log;
        }
        return $log === '' ? $entries : $log . ';' . $entries;
    }

    /**
     * One entry: at|field|from|to|user|actor.
     *
     * @param int $timestamp Unix seconds
     * @param string $field
     * @param string|null $from
     * @param string|null $to
     * @param string|null $userId
     * @param string $actor
     * @return string
     */
    public static function formatEntry($timestamp, $field, $from, $to, $userId, $actor)
    {
        return gmdate('Y-m-d\TH:i:s\Z', (int)$timestamp)
            . '|' . $field
            . '|' . self::escape($from)
            . '|' . self::escape($to)
            . '|' . self::escape($userId)
            . '|' . self::escape($actor);
    }

    /**
     * A value as the log holds it: HTML entities decoded (SuiteCRM encodes values before a
     * before_save hook sees them), then % | ; & < > " ' and control characters percent-escaped.
     *
     * @param mixed $value
     * @return string
     */
    public static function escape($value)
    {
        return strtr(self::text($value), self::escapes());
    }

    /** A value as a string: null is '', entities decoded. */
    private static function text($value)
    {
        if ($value === null || $value === false) {
            return '';
        }
        if ($value === true) {
            return '1';
        }
        return html_entity_decode((string)$value, ENT_QUOTES | ENT_HTML401, 'UTF-8');
    }

    /**
     * The decoded value of a field in a row (fetched_row, or values as valueOf returns them), ''
     * when the row or the field is missing: the form entriesFor compares.
     *
     * @param array|false|null $row
     * @param string $name
     * @return string
     */
    public static function valueIn($row, $name)
    {
        if (!is_array($row)) {
            return '';
        }
        foreach ($row as $key => $value) {
            if ((string)$key === $name) {
                return self::text($value);
            }
        }
        return '';
    }

    private static function escapes()
    {
        if (self::$escapes === null) {
            $map = array(
                '%' => '%25',
                '|' => '%7C',
                ';' => '%3B',
                '&' => '%26',
                '<' => '%3C',
                '>' => '%3E',
                '"' => '%22',
                "'" => '%27',
                "\x7F" => '%7F',
            );
            for ($code = 0; $code < 32; $code++) {
                $map = $map + array(chr($code) => sprintf('%%%02X', $code), );
            }
            self::$escapes = $map;
        }
        return self::$escapes;
    }
}
