<?php
// Stand-in for SuiteCRM's ModuleInstaller.
class ModuleInstaller
{
    public $silent = false;

    public function uninstall_relationship($file)
    {
        PocketCalls::$calls[] = "uninstall_relationship $file silent=" . var_export($this->silent, true);
    }

    public function rebuild_tabledictionary()
    {
        PocketCalls::$calls[] = 'rebuild_tabledictionary';
    }
}
