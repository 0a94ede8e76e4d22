<?php
/**
 * The change marker (SLA_ChangeMarkers): one record, id 5a1a0c4e-0000-4000-8000-000000000001,
 * whose counters the package's after_save hooks bump on every save of an account, a case or a
 * time entry (custom/include/SupportSla/SupportSla_ChangeMarker.php). The bridge reads it with
 * one V8 GET and reads a module only when its counter moved (docs/freshness.md). No tab, no
 * views: nobody works with it in SuiteCRM.
 */

// Usually loaded already (User extends Person extends Basic); required so the class never depends on it.
require_once 'include/SugarObjects/templates/basic/Basic.php';

#[\AllowDynamicProperties]
class SLA_ChangeMarker extends Basic
{
    public $new_schema = true;
    public $module_dir = 'SLA_ChangeMarkers';
    public $object_name = 'SLA_ChangeMarker';
    public $table_name = 'sla_changemarkers';
    public $importable = false;

    public $id;
    public $name;
    public $date_entered;
    public $date_modified;
    public $deleted;
    public $account_saves;
    public $case_saves;
    public $time_entry_saves;

    /** Readable by any user the API lets in: it holds three counts and nothing else. */
    public function bean_implements($interface)
    {
        return false;
    }
}
