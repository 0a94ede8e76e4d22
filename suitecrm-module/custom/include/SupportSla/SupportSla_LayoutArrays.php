<?php
/**
 * The array look-ups the layout functions share, scanner-clean (SuiteCRM's ModuleScanner
 * rejects $a[$k]): keys and values are found with foreach, never by index.
 */
class SupportSla_LayoutArrays
{
    public static function lowerNames($fieldNames)
    {
        $names = array();
        foreach ($fieldNames as $name) {
            $names[] = strtolower((string)$name);
        }
        return $names;
    }

    /** Whether an array has the key, compared without case. */
    public static function hasKey($array, $key)
    {
        foreach ($array as $candidate => $value) {
            if (strtolower((string)$candidate) === strtolower((string)$key)) {
                return true;
            }
        }
        return false;
    }

    /** The value at a key (exact first, then without case when $anyCase), null when absent. */
    public static function valueFor($array, $key, $anyCase)
    {
        $loose = null;
        foreach ($array as $candidate => $value) {
            if ((string)$candidate === (string)$key) {
                return $value;
            }
            if ($anyCase && $loose === null && strtolower((string)$candidate) === strtolower((string)$key)) {
                $loose = $value;
            }
        }
        return $loose;
    }

    public static function isList($array)
    {
        foreach ($array as $key => $value) {
            if (!is_int($key)) {
                return false;
            }
        }
        return true;
    }
}
