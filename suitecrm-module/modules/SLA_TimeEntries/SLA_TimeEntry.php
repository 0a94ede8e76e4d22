<?php
/**
 * The "Support time" module (SLA_TimeEntries): one entry of time an engineer spent on a case.
 * Its fields are in vardefs.php, generated from the sla-bridge field catalogue. The bridge reads
 * these records through the V8 API and writes term_start, counts_against_plan and data_problem.
 *
 * Its account is filled from its case on every save by the package's before_save hook
 * (custom/include/SupportSla/SupportSla_TimeEntryHook.php). Views are the usual metadata files
 * under metadata/ (list, detail, edit, quick create, search, popup, subpanel).
 */

// Usually loaded already (User extends Person extends Basic); required so the class never depends on it.
require_once 'include/SugarObjects/templates/basic/Basic.php';
require_once 'custom/include/SupportSla/SupportSla_RelatedNames.php';

#[\AllowDynamicProperties]
class SLA_TimeEntry extends Basic
{
    public $new_schema = true;
    public $module_dir = 'SLA_TimeEntries';
    public $object_name = 'SLA_TimeEntry';
    public $table_name = 'sla_timeentries';
    public $importable = true;

    public $id;
    public $name;
    public $date_entered;
    public $date_modified;
    public $modified_user_id;
    public $created_by;
    public $description;
    public $deleted;
    public $assigned_user_id;
    public $assigned_user_name;
    public $case_id;
    public $sla_timeentries_cases_name;
    public $account_id;
    public $sla_timeentries_accounts_name;
    public $work_date;
    public $hours;
    public $category;
    public $term_start;
    public $counts_against_plan;
    public $data_problem;

    /**
     * Fills the case and account names with one query before the stock fill, which would load
     * both records in full (SupportSla_RelatedNames says why that matters). A failure only costs
     * the stock fill's queries.
     */
    public function fill_in_relationship_fields()
    {
        try {
            SupportSla_RelatedNames::fill($this, $this->field_defs, new SupportSla_EntryNames());
        } catch (Throwable $error) {
            LoggerManager::getLogger()->error('SLA support: could not read a time entry\'s case and account names: ' . $error->getMessage());
        }
        parent::fill_in_relationship_fields();
    }

    public function bean_implements($interface)
    {
        switch ($interface) {
            case 'ACL':
                return true;
        }
        return false;
    }
}
