<?php
/**
 * A time entry's subject is optional: left blank, it is filled from its case ("#1234: Printer
 * fails") on save, so the Support time subpanels and lists still say what the time was for. A
 * subject someone typed is never replaced, and an entry without a case keeps its blank subject.
 *
 * Plain PHP: the case lookup is an object with subjectOf($caseId) (array('number', 'name') or
 * null), so the rule is unit-tested with fakes; SupportSla_CaseAccounts is the real lookup.
 */

require_once __DIR__ . '/SupportSla_TimeEntryAccount.php';

class SupportSla_TimeEntrySubject
{
    /** The length of the subject column (SuiteCRM's basic template: name varchar(255)). */
    const MAX_LENGTH = 255;

    /**
     * @param object $entry the time entry being saved
     * @param object $cases anything with subjectOf($caseId): array('number' => ..., 'name' => ...)|null
     * @return bool whether the subject was filled in
     */
    public static function fill($entry, $cases)
    {
        if (isset($entry->name) && trim((string)$entry->name) !== '') {
            return false;
        }
        $caseKey = SupportSla_TimeEntryAccount::key('Cases');
        $caseId = isset($entry->$caseKey) ? trim((string)$entry->$caseKey) : '';
        if ($caseId === '') {
            return false;
        }
        $case = $cases->subjectOf($caseId);
        if (!is_array($case)) {
            return false;
        }
        $subject = self::subject(
            isset($case['number']) ? (string)$case['number'] : '',
            isset($case['name']) ? (string)$case['name'] : ''
        );
        if ($subject === '') {
            return false;
        }
        $entry->name = $subject;
        return true;
    }

    /** "#1234: Printer fails", "#1234" or "Printer fails", cut to the column's length. */
    public static function subject($number, $name)
    {
        $number = trim($number);
        $name = trim($name);
        $text = $number === '' ? $name : ($name === '' ? '#' . $number : '#' . $number . ': ' . $name);
        // Whole UTF-8 characters (no mbstring needed): the first MAX_LENGTH of them.
        $cut = array();
        if (preg_match('/^.{0,' . self::MAX_LENGTH . '}/su', $text, $cut) === 1) {
            return $cut[0];
        }
        return $text;
    }
}
