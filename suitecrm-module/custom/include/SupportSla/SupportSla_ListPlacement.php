<?php
/**
 * Moves the package's list columns from where version 1.0.0 put them (right after Status) to
 * where they go now (after every stock column), as a pure function, for the upgrade.
 *
 * Why: SuiteCRM 8.x shows at most 7 list columns on a large screen with the sidebar
 * (column_limits.yaml) and stock Cases has 7 default ones, so columns placed before stock ones
 * pushed "Assigned to" and "Date Created" out; placed last, the cap takes ours first.
 *
 * Only a list the admin left as 1.0.0 made it moves: the package's columns exactly right after
 * the column 1.0.0 put them after, in the package's order. Any other arrangement is the admin's
 * and stays. Scanner-clean: foreach and +, never $a[$k].
 */
class SupportSla_ListPlacement
{
    /** The column 1.0.0 put the package's columns after. */
    const OLD_AFTER = 'STATUS';

    /**
     * @param array $columns upper-case key => definition
     * @param array $keys the package's column keys, in the order it adds them
     * @return array the columns with ours moved last, or the same array
     */
    public static function moveLast($columns, $keys)
    {
        if (!is_array($columns) || count($keys) === 0) {
            return $columns;
        }
        $order = array();
        foreach ($columns as $key => $definition) {
            $order[] = strtoupper((string)$key);
        }
        $at = array_search(self::OLD_AFTER, $order, true);
        if ($at === false) {
            return $columns;
        }
        $wanted = array();
        foreach ($keys as $key) {
            $wanted[] = strtoupper($key);
        }
        if (array_slice($order, $at + 1, count($wanted)) !== $wanted) {
            return $columns;
        }
        if (array_slice($order, -count($wanted)) === $wanted) {
            return $columns; // already last
        }
        $ours = array();
        $others = array();
        foreach ($columns as $key => $definition) {
            if (in_array(strtoupper((string)$key), $wanted, true)) {
                $ours = $ours + array($key => $definition, );
            } else {
                $others = $others + array($key => $definition, );
            }
        }
        return $others + $ours;
    }
}
