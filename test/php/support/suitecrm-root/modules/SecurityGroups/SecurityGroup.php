<?php
/** Stand-in for SuiteCRM's modules/SecurityGroups/SecurityGroup.php: getGroupWhere, recorded. */
class SecurityGroup
{
    public static $calls = [];

    public static function getGroupWhere($table_name, $module, $user_id)
    {
        self::$calls[] = [$table_name, $module, $user_id];
        return " EXISTS (group of $user_id on $table_name) ";
    }
}
