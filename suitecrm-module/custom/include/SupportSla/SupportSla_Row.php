<?php
/**
 * Reading one value from a row (fetched_row, or values the hook collected) without a variable
 * array key, which SuiteCRM's ModuleScanner rejects ($row[$name]): the row is walked with foreach.
 */
class SupportSla_Row
{
    /**
     * The raw value of a field in a row, null when the row or the field is missing.
     *
     * @param array|false|null $row
     * @param string $name
     * @return mixed
     */
    public static function value($row, $name)
    {
        if (!is_array($row)) {
            return null;
        }
        foreach ($row as $key => $value) {
            if ((string)$key === $name) {
                return $value;
            }
        }
        return null;
    }

    /**
     * A value as text for comparing: null and false are '', true is '1'.
     *
     * @param mixed $value
     * @return string
     */
    public static function text($value)
    {
        if ($value === null || $value === false) {
            return '';
        }
        if ($value === true) {
            return '1';
        }
        return (string)$value;
    }

    /**
     * A value as text with HTML entities decoded: a value loaded from the database holds
     * " ' < > as entities (include/utils/db_utils.php to_html, applied by fetchByAssoc), a value
     * posted by a page may not, and both mean the same.
     *
     * @param mixed $value
     * @return string
     */
    public static function decoded($value)
    {
        return html_entity_decode(self::text($value), ENT_QUOTES | ENT_HTML401, 'UTF-8');
    }

    /**
     * A property of the bean, null when unset.
     *
     * @param object $bean
     * @param string $name
     * @return mixed
     */
    public static function property($bean, $name)
    {
        return isset($bean->$name) ? $bean->$name : null;
    }
}
