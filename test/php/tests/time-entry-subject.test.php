<?php
/** A time entry's blank subject is filled from its case (SupportSla_TimeEntrySubject and the hook's lookup). */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_TimeEntryHook.php';
require_once __DIR__ . '/../support/suitecrm-stubs.php';

class FakeCaseSubjects
{
    public $cases;
    public $asked = [];
    public function __construct(array $cases)
    {
        $this->cases = $cases;
    }
    public function subjectOf($caseId)
    {
        $this->asked[] = $caseId;
        return $this->cases[$caseId] ?? null;
    }
}

test('a blank subject becomes the case number and subject', function () {
    $entry = (object)['case_id' => 'c1', 'name' => ''];
    same(true, SupportSla_TimeEntrySubject::fill($entry, new FakeCaseSubjects(['c1' => ['number' => '1234', 'name' => 'Printer fails']])));
    same('#1234: Printer fails', $entry->name);
});

test('a subject of blanks counts as blank; a missing one too', function () {
    $entry = (object)['case_id' => 'c1', 'name' => '   '];
    SupportSla_TimeEntrySubject::fill($entry, new FakeCaseSubjects(['c1' => ['number' => '7', 'name' => 'x']]));
    same('#7: x', $entry->name);
    $noName = (object)['case_id' => 'c1'];
    SupportSla_TimeEntrySubject::fill($noName, new FakeCaseSubjects(['c1' => ['number' => '7', 'name' => 'x']]));
    same('#7: x', $noName->name);
});

test('a typed subject is never replaced, and the case is not even looked up', function () {
    $cases = new FakeCaseSubjects(['c1' => ['number' => '1234', 'name' => 'Printer fails']]);
    $entry = (object)['case_id' => 'c1', 'name' => 'Phone call with the customer'];
    same(false, SupportSla_TimeEntrySubject::fill($entry, $cases));
    same('Phone call with the customer', $entry->name);
    same([], $cases->asked);
});

test('an entry without a case, or with a case that is gone, keeps its blank subject', function () {
    $entry = (object)['case_id' => '', 'name' => ''];
    same(false, SupportSla_TimeEntrySubject::fill($entry, new FakeCaseSubjects([])));
    same('', $entry->name);
    $gone = (object)['case_id' => 'c9', 'name' => ''];
    same(false, SupportSla_TimeEntrySubject::fill($gone, new FakeCaseSubjects([])));
    same('', $gone->name);
});

test('the subject is cut to the 255 characters of the column, whole characters', function () {
    $long = str_repeat('é', 300);
    $text = SupportSla_TimeEntrySubject::subject('1', $long);
    same(255, preg_match_all('/./su', $text));
    same('#1: é', substr($text, 0, 6));
    same('#42', SupportSla_TimeEntrySubject::subject('42', ''));
    same('Only a subject', SupportSla_TimeEntrySubject::subject('', 'Only a subject'));
});

test('the hook reads the case number and subject from the database, quoted, skipping deleted cases', function () {
    $db = new FakeDatabase();
    $db->answers["SELECT account_id FROM cases WHERE id = 'c''1' AND deleted = 0"] = 'acc-1';
    $db->answers["SELECT case_number FROM cases WHERE id = 'c''1' AND deleted = 0"] = '1234';
    $db->answers["SELECT name FROM cases WHERE id = 'c''1' AND deleted = 0"] = 'O&#039;Brien printer';
    DBManagerFactory::$instance = $db;
    $entry = (object)['case_id' => "c'1", 'account_id' => '', 'name' => ''];
    (new SupportSla_TimeEntryHook())->beforeSave($entry, 'before_save', []);
    same('acc-1', $entry->account_id);
    // Kept HTML-encoded, as SuiteCRM stores names and as the entry's own posted fields are.
    same('#1234: O&#039;Brien printer', $entry->name);
});

test('the hook leaves the subject blank when the case is gone', function () {
    DBManagerFactory::$instance = new FakeDatabase();
    $entry = (object)['case_id' => 'c-gone', 'account_id' => '', 'name' => ''];
    (new SupportSla_TimeEntryHook())->beforeSave($entry, 'before_save', []);
    same('', $entry->name);
});
