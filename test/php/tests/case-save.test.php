<?php
/**
 * The Cases before_save logic (SupportSla_CaseSave) on fake beans: the shared change-log example
 * table (schemas/change-log-examples.json, also run by the bridge's parser tests), downgraded at,
 * reported at, the seconds of its datetimes, double saves of one object, and nothing else touched.
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_CaseSave.php';
require_once __DIR__ . '/../support/fake-bean.php';

const LOG = 'sla_change_log_c';
const REPORTED = 'sla_reported_at_c';
const DOWNGRADED = 'sla_downgraded_at_c';

function at(string $iso): int
{
    return (new DateTimeImmutable($iso))->getTimestamp();
}

/** A case the way the hook sees it: the values after the save on the bean, the stored row in fetched_row. */
function caseBean(array $after, $before, array $extra = []): FakeBean
{
    return new FakeBean($after + $extra, $before === null ? false : $before);
}

$table = readJson('schemas/change-log-examples.json');
foreach ($table['changes'] as $example) {
    test('change log example: ' . $example['name'], function () use ($example) {
        // The log before the save is the stored one (R1: the hook appends to fetched_row's log).
        $stored = is_array($example['before']) && $example['before'] !== [] ? $example['before'] + [LOG => $example['logBefore']] : $example['before'];
        $bean = caseBean($example['after'], $stored, [LOG => $example['logBefore'], 'date_entered' => '2026-11-20 08:00:00']);
        SupportSla_CaseSave::apply($bean, $example['userId'], $example['actor'], at($example['at']));
        same($example['logAfter'], $bean->{LOG}, 'log after the save');
        $downgradeChanged = SupportSla_ChangeLog::valueIn($example['before'], 'sla_downgrade_to_c')
            !== SupportSla_ChangeLog::valueIn($example['after'], 'sla_downgrade_to_c');
        same(
            $downgradeChanged ? gmdate('Y-m-d H:i:s', at($example['at'])) : null,
            $bean->{DOWNGRADED} ?? null,
            'downgraded at is stamped exactly when downgrade-to changes'
        );
        same(0, $bean->saves, 'save() is never called');
    });
}

test('a case created with a blank reported at gets its creation time, seconds included', function () {
    $bean = caseBean(['status' => 'Open_New', 'sla_severity_c' => '2', REPORTED => ''], null, ['date_entered' => '2026-11-24 09:12:07']);
    SupportSla_CaseSave::apply($bean, '1', 'person', at('2026-11-24T09:12:07Z'));
    same('2026-11-24 09:12:07', $bean->{REPORTED});
});

test('a case saved with reported at blank gets its stored creation time (the save unsets date_entered)', function () {
    $stored = ['status' => 'Open_Assigned', 'date_entered' => '2026-01-05 10:00:03', REPORTED => null];
    $bean = caseBean(['status' => 'Open_Assigned', REPORTED => null], $stored);
    SupportSla_CaseSave::apply($bean, '1', 'api', at('2026-11-24T10:00:00Z'));
    same('2026-01-05 10:00:03', $bean->{REPORTED});
});

test('with no creation time at all, reported at is the hook clock', function () {
    $bean = caseBean(['status' => 'Open_New', REPORTED => '0000-00-00 00:00:00'], null);
    SupportSla_CaseSave::apply($bean, '1', 'import', at('2026-11-24T11:30:45Z'));
    same('2026-11-24 11:30:45', $bean->{REPORTED});
});

test('a reported at staff set earlier is kept', function () {
    $bean = caseBean(['status' => 'Open_New', REPORTED => '2026-11-23 16:20:00'], null, ['date_entered' => '2026-11-24 09:00:00']);
    SupportSla_CaseSave::apply($bean, '1', 'person', at('2026-11-24T09:00:00Z'));
    same('2026-11-23 16:20:00', $bean->{REPORTED});
});

test('a later save in the same minute keeps the stored seconds of reported at and downgraded at', function () {
    $stored = ['status' => 'Open_Assigned', 'sla_downgrade_to_c' => '3', REPORTED => '2026-11-24 09:12:07', DOWNGRADED => '2026-11-25 14:03:59'];
    // The form (or the API) sends them back to the minute.
    $bean = caseBean(['status' => 'Open_Assigned', 'sla_downgrade_to_c' => '3', REPORTED => '2026-11-24 09:12:00', DOWNGRADED => '2026-11-25 14:03'], $stored);
    SupportSla_CaseSave::apply($bean, '1', 'person', at('2026-11-26T08:00:00Z'));
    same('2026-11-24 09:12:07', $bean->{REPORTED});
    same('2026-11-25 14:03:59', $bean->{DOWNGRADED});
});

test('a reported at moved to another minute is a real change and is kept', function () {
    $stored = ['status' => 'Open_Assigned', REPORTED => '2026-11-24 09:12:07'];
    $bean = caseBean(['status' => 'Open_Assigned', REPORTED => '2026-11-24 08:45:00'], $stored);
    SupportSla_CaseSave::apply($bean, '1', 'person', at('2026-11-26T08:00:00Z'));
    same('2026-11-24 08:45:00', $bean->{REPORTED});
});

test('downgraded at is stamped when downgrade-to is set, and again when it is cleared', function () {
    $bean = caseBean(['status' => 'Open_Assigned', 'sla_downgrade_to_c' => '3', DOWNGRADED => ''], ['status' => 'Open_Assigned', 'sla_downgrade_to_c' => '', DOWNGRADED => null]);
    SupportSla_CaseSave::apply($bean, 'u7', 'person', at('2026-11-30T16:00:05Z'));
    same('2026-11-30 16:00:05', $bean->{DOWNGRADED});
    same('2026-11-30T16:00:05Z|downgrade_to||3|u7|person', $bean->{LOG});

    $stored = ['status' => 'Open_Assigned', 'sla_downgrade_to_c' => '3', DOWNGRADED => '2026-11-30 16:00:05', LOG => $bean->{LOG}];
    $later = caseBean(['status' => 'Open_Assigned', 'sla_downgrade_to_c' => '', DOWNGRADED => '2026-11-30 16:00', LOG => $bean->{LOG}], $stored);
    SupportSla_CaseSave::apply($later, 'u7', 'person', at('2026-12-01T08:00:00Z'));
    same('2026-12-01 08:00:00', $later->{DOWNGRADED});
    same('2026-11-30T16:00:05Z|downgrade_to||3|u7|person;2026-12-01T08:00:00Z|downgrade_to|3||u7|person', $later->{LOG});
});

test('the same bean object saved twice (a workflow CreateRecord) logs its changes once', function () {
    $bean = caseBean(['status' => 'Open_New', 'sla_severity_c' => '1', 'sla_downgrade_to_c' => '2'], null, ['date_entered' => '2026-11-24 09:00:00']);
    SupportSla_CaseSave::apply($bean, '1', 'workflow', at('2026-11-24T09:00:00Z'));
    $first = $bean->{LOG};
    same(3, count(explode(';', $first)), 'status, severity and downgrade-to on create');
    SupportSla_CaseSave::apply($bean, '1', 'workflow', at('2026-11-24T09:00:01Z'));
    same($first, $bean->{LOG}, 'the second save appends nothing');
    same('2026-11-24 09:00:00', $bean->{DOWNGRADED}, 'and stamps nothing again');
    // A later real change on the same object is still logged, from what the first save stored.
    $bean->status = 'Open_Assigned';
    SupportSla_CaseSave::apply($bean, '1', 'workflow', at('2026-11-24T09:05:00Z'));
    same($first . ';2026-11-24T09:05:00Z|status|Open_New|Open_Assigned|1|workflow', $bean->{LOG});
});

test('the hook assigns only its own fields and never saves', function () {
    $stored = ['status' => 'Open_New', 'sla_severity_c' => '2', REPORTED => '2026-11-24 09:12:07', 'priority' => 'P2', 'name' => 'Broken', 'sla_response_status_c' => 'pending'];
    $bean = caseBean(['status' => 'Open_Assigned', 'sla_severity_c' => '2', REPORTED => '2026-11-24 09:12:00', 'priority' => 'P1', 'name' => 'Broken &amp; urgent', 'sla_response_status_c' => 'pending'], $stored);
    $beforeApply = get_object_vars($bean);
    SupportSla_CaseSave::apply($bean, '1', 'person', at('2026-11-24T09:40:00Z'));
    $changed = [];
    foreach (get_object_vars($bean) as $name => $value) {
        if (!array_key_exists($name, $beforeApply) || $beforeApply[$name] !== $value) {
            $changed[] = $name;
        }
    }
    sort($changed);
    // The status changed on a case the bridge writes, so the SLA input stamp (R6) is written too.
    same([LOG, SupportSla_InputStamp::STAMP_FIELD, REPORTED, SupportSla_CaseSave::SAVED_VALUES], $changed, 'properties the hook wrote');
    same(0, $bean->saves);
});

test('minuteOf reads the forms SuiteCRM hands a hook', function () {
    same('2026-11-24 09:12', SupportSla_CaseSave::minuteOf('2026-11-24 09:12:07'));
    same('2026-11-24 09:12', SupportSla_CaseSave::minuteOf('2026-11-24 09:12'));
    same('2026-11-24 09:12', SupportSla_CaseSave::minuteOf('2026-11-24T09:12:00+00:00'));
    same('', SupportSla_CaseSave::minuteOf('24/11/2026 09:12'));
    same('', SupportSla_CaseSave::minuteOf(null));
});
