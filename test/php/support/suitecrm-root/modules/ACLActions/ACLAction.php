<?php
// Stand-in for SuiteCRM's ACLAction.
class ACLAction
{
    public static function addActions($category, $type = 'module')
    {
        PocketCalls::$calls[] = "addActions $category $type";
    }
}
