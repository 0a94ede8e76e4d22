<?php
/** A time entry's account follows its case (SupportSla_TimeEntryAccount and the hook's database lookup). */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_TimeEntryHook.php';
require_once __DIR__ . '/../support/suitecrm-stubs.php';

class FakeCases
{
    public $accounts;
    public function __construct(array $accounts)
    {
        $this->accounts = $accounts;
    }
    public function accountIdOf($caseId)
    {
        return $this->accounts[$caseId] ?? '';
    }
}

test('the relationship keys come from the contract', function () {
    same('case_id', SupportSla_TimeEntryAccount::key('Cases'));
    same('account_id', SupportSla_TimeEntryAccount::key('Accounts'));
});

test('the account is filled from the case', function () {
    $entry = (object)['case_id' => 'c1', 'account_id' => ''];
    same(true, SupportSla_TimeEntryAccount::fill($entry, new FakeCases(['c1' => 'a1'])));
    same('a1', $entry->account_id);
});

test('an account that disagrees with the case is corrected', function () {
    $entry = (object)['case_id' => 'c1', 'account_id' => 'a-other'];
    same(true, SupportSla_TimeEntryAccount::fill($entry, new FakeCases(['c1' => 'a1'])));
    same('a1', $entry->account_id);
});

test('a case without an account keeps the account the entry was given', function () {
    $entry = (object)['case_id' => 'c2', 'account_id' => 'a9'];
    same(false, SupportSla_TimeEntryAccount::fill($entry, new FakeCases(['c2' => ''])));
    same('a9', $entry->account_id);
});

test('an entry without a case is left alone', function () {
    $entry = (object)['account_id' => 'a9'];
    same(false, SupportSla_TimeEntryAccount::fill($entry, new FakeCases(['c1' => 'a1'])));
    same('a9', $entry->account_id);
});

test('the hook looks the case up in the database, quoted, and skips deleted cases', function () {
    $db = new FakeDatabase();
    $db->answers["SELECT account_id FROM cases WHERE id = 'c''1' AND deleted = 0"] = 'acc-1';
    DBManagerFactory::$instance = $db;
    // A typed subject: only the account is looked up (time-entry-subject.test.php covers the subject).
    $entry = (object)['case_id' => "c'1", 'account_id' => null, 'name' => 'Typed subject'];
    (new SupportSla_TimeEntryHook())->beforeSave($entry, 'before_save', []);
    same('acc-1', $entry->account_id);
    same(["SELECT account_id FROM cases WHERE id = 'c''1' AND deleted = 0"], $db->queries);
});

test('a failing lookup is logged and does not stop the save', function () {
    LoggerManager::$messages = [];
    DBManagerFactory::$instance = null;
    $entry = (object)['case_id' => 'c1', 'account_id' => 'a9'];
    (new SupportSla_TimeEntryHook())->beforeSave($entry, 'before_save', []);
    same('a9', $entry->account_id);
    same('fatal', LoggerManager::$messages[0][0] ?? null);
});
