<?php
/** A time entry's case and account names come from one query (SupportSla_RelatedNames, SLA_TimeEntry). */
$savedIncludePath = get_include_path();
set_include_path(__DIR__ . '/../support/suitecrm-root' . PATH_SEPARATOR . PACKAGE_ROOT . PATH_SEPARATOR . $savedIncludePath);
require_once __DIR__ . '/../support/suitecrm-stubs.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_RelatedNames.php';
require_once PACKAGE_ROOT . '/modules/SLA_TimeEntries/SLA_TimeEntry.php';
set_include_path($savedIncludePath);

if (!class_exists('VardefManager')) {
    /** The templates' fields are SuiteCRM's; only the package's own definitions matter here. */
    class VardefManager
    {
        public static function createVardef($module, $object, array $templates)
        {
        }
    }
}

/** The time entry's field definitions as the package generates them. */
function timeEntryDefs()
{
    $dictionary = [];
    include PACKAGE_ROOT . '/modules/SLA_TimeEntries/vardefs.php';
    return $dictionary['SLA_TimeEntry']['fields'];
}

function namesQuery($caseId, $accountId)
{
    return "SELECT (SELECT name FROM cases WHERE id = '$caseId' AND deleted = 0) AS case_name, "
        . "(SELECT name FROM accounts WHERE id = '$accountId' AND deleted = 0) AS account_name";
}

class FakeNames
{
    public $asked = [];
    public $answer;
    public function __construct(array $answer)
    {
        $this->answer = $answer;
    }
    public function namesOf($caseId, $accountId)
    {
        $this->asked[] = [$caseId, $accountId];
        return $this->answer;
    }
}

function newEntry(array $values)
{
    $entry = new SLA_TimeEntry();
    $entry->field_defs = timeEntryDefs();
    foreach ($values as $key => $value) {
        $entry->$key = $value;
    }
    return $entry;
}

test('both names are asked for at once and filled', function () {
    $entry = (object)['case_id' => 'c1', 'account_id' => 'a1', 'sla_timeentries_cases_name' => '', 'sla_timeentries_accounts_name' => ''];
    $names = new FakeNames(['Cases' => 'Printer fails', 'Accounts' => 'Acme &amp; Co']);
    same(2, SupportSla_RelatedNames::fill($entry, timeEntryDefs(), $names));
    same([['c1', 'a1']], $names->asked);
    same('Printer fails', $entry->sla_timeentries_cases_name);
    same('Acme &amp; Co', $entry->sla_timeentries_accounts_name);
});

test('a name that has a value, or no id, is not asked for', function () {
    $entry = (object)['case_id' => 'c1', 'account_id' => '', 'sla_timeentries_cases_name' => 'Known', 'sla_timeentries_accounts_name' => ''];
    $names = new FakeNames([]);
    same(0, SupportSla_RelatedNames::fill($entry, timeEntryDefs(), $names));
    same([], $names->asked);
    same('Known', $entry->sla_timeentries_cases_name);
});

test('a missing or deleted record leaves its name blank', function () {
    $entry = (object)['case_id' => 'c1', 'account_id' => 'a-gone', 'sla_timeentries_cases_name' => '', 'sla_timeentries_accounts_name' => ''];
    same(1, SupportSla_RelatedNames::fill($entry, timeEntryDefs(), new FakeNames(['Cases' => 'Printer fails', 'Accounts' => null])));
    same('', $entry->sla_timeentries_accounts_name);
});

test('the lookup is one query, with both ids quoted and deleted records left out', function () {
    $db = new FakeDatabase();
    $sql = namesQuery("c''1", 'a1');
    $db->rows[$sql] = ['case_name' => 'Printer fails', 'account_name' => 'Acme'];
    DBManagerFactory::$instance = $db;
    same(['Cases' => 'Printer fails', 'Accounts' => 'Acme'], (new SupportSla_EntryNames())->namesOf("c'1", 'a1'));
    same([$sql], $db->queries);
});

test('a retrieved time entry gets its names from one query, and the stock fill loads no record', function () {
    $db = new FakeDatabase();
    $db->rows[namesQuery('c1', 'a1')] = ['case_name' => 'Printer fails', 'account_name' => 'Acme'];
    DBManagerFactory::$instance = $db;
    $entry = newEntry(['case_id' => 'c1', 'account_id' => 'a1', 'sla_timeentries_cases_name' => '', 'sla_timeentries_accounts_name' => '']);
    $entry->fill_in_relationship_fields();
    same('Printer fails', $entry->sla_timeentries_cases_name);
    same('Acme', $entry->sla_timeentries_accounts_name);
    same(1, count($db->queries));
    same([], $entry->fullLoads);
});

test('when the lookup fails, the stock fill still runs and the error is logged', function () {
    DBManagerFactory::$instance = new class {
        public function quoted($value)
        {
            return "'" . $value . "'";
        }
        public function query($sql)
        {
            throw new RuntimeException('server gone');
        }
        public function fetchByAssoc($result)
        {
            return false;
        }
    };
    LoggerManager::$messages = [];
    $entry = newEntry(['case_id' => 'c1', 'account_id' => 'a1', 'sla_timeentries_cases_name' => '', 'sla_timeentries_accounts_name' => '']);
    $entry->fill_in_relationship_fields();
    same(['Cases c1', 'Accounts a1'], $entry->fullLoads);
    same('error', LoggerManager::$messages[0][0] ?? null);
    truthy(strpos(LoggerManager::$messages[0][1], 'server gone') !== false, 'the error is in the log');
});
