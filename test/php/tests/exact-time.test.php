<?php
/**
 * R2 and R3 pieces on their own: SupportSla_OwnedFields (the catalogue's owned fields), SupportSla_ExactTime (what a form re-posts for a stored datetime, as
 * SuiteCRM 7.14.6's jssource/src_files/include/SugarFields/Fields/Datetimecombo/Datetimecombo.js
 * rounds it) and SupportSla_StaleForm::unseenEntries (which stored entries a stale page missed).
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_ExactTime.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_StaleForm.php';

test('exact time: each quarter-hour rounding of a person\'s re-post keeps the stored value', function () {
    foreach ([
        ['2026-12-07 12:01:00', '2026-12-07 12:15:00'],
        ['2026-12-07 12:14:59', '2026-12-07 12:15:00'],
        ['2026-12-07 12:16:30', '2026-12-07 12:30:00'],
        ['2026-12-07 12:44:00', '2026-12-07 12:45:00'],
        ['2026-12-07 12:46:00', '2026-12-07 13:00:00'],
        ['2026-12-31 23:50:00', '2026-12-31 11:00:00'], // 24-hour format past 23:45 (UTC user)
        ['2026-12-31 23:50:00', '2026-12-31 00:00:00'], // 12-hour format past 11:45pm (UTC user)
    ] as [$stored, $posted]) {
        same($stored, SupportSla_ExactTime::personSave($stored, $posted), "$stored re-posted as $posted");
    }
});

test('exact time: a person\'s other values are kept, and quarter-hour stored values round to nothing', function () {
    same('2026-12-07 12:30:00', SupportSla_ExactTime::personSave('2026-12-07 12:15:00', '2026-12-07 12:30:00'), 'on a quarter: no rounding');
    same('2026-12-06 23:15:00', SupportSla_ExactTime::personSave('2026-12-07 12:15:00', '2026-12-06 23:15:00'), 'on a quarter: no midnight re-post');
    same('2026-12-07 12:30:00', SupportSla_ExactTime::personSave('2026-12-07 12:01:00', '2026-12-07 12:30:00'), 'two quarters on');
    same('2026-12-07 11:00:00', SupportSla_ExactTime::personSave('2026-12-07 12:01:00', '2026-12-07 11:00:00'));
    same('07/12/2026 13:00', SupportSla_ExactTime::personSave('2026-12-07 12:53:00', '07/12/2026 13:00'), 'not a database form: untouched');
    same('2026-12-07 13:00:00', SupportSla_ExactTime::personSave(null, '2026-12-07 13:00:00'), 'nothing stored');
});

test('exact time: other saves keep only the same minute', function () {
    same('2026-12-07 12:53:27', SupportSla_ExactTime::sameMinute('2026-12-07 12:53:27', '2026-12-07 12:53'));
    same('2026-12-07 12:53:27', SupportSla_ExactTime::sameMinute('2026-12-07 12:53:27', '2026-12-07T12:53:00+00:00'));
    same('2026-12-07 13:00:00', SupportSla_ExactTime::sameMinute('2026-12-07 12:53:27', '2026-12-07 13:00:00'));
    same(null, SupportSla_ExactTime::sameMinute('2026-12-07 12:53:27', null));
});

test('stale form: only an earlier, non-empty copy of the stored log has unseen entries', function () {
    $a = '2026-12-07T12:53:27Z|status||Open_New|u1|person';
    $b = '2026-12-07T12:58:04Z|status|Open_New|Open_Assigned|u2|person';
    $c = '2026-12-07T13:01:00Z|severity|2|1|u2|person';
    same([$b, $c], SupportSla_StaleForm::unseenEntries($a, "$a;$b;$c"));
    same([], SupportSla_StaleForm::unseenEntries("$a;$b", "$a;$b"), 'up to date');
    same([], SupportSla_StaleForm::unseenEntries('', "$a;$b"), 'no log posted');
    same([], SupportSla_StaleForm::unseenEntries(substr($a, 0, 20), "$a;$b"), 'a cut entry is not a copy');
    same([], SupportSla_StaleForm::unseenEntries("$a;$b", $a), 'a longer posted log is not a copy');
});

test('owned fields: the catalogue\'s bridge fields then the hook\'s, per module', function () {
    require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_OwnedFields.php';
    $cases = SupportSla_OwnedFields::ownedFields('Cases');
    same(array_merge(SupportSla_Contract::BRIDGE_FIELDS['Cases'], SupportSla_Contract::HOOK_FIELDS['Cases']), $cases);
    truthy(in_array('sla_change_log_c', $cases, true) && in_array('sla_downgraded_at_c', $cases, true), 'the hook fields');
    truthy(!in_array('sla_reported_at_c', $cases, true) && !in_array('status', $cases, true), 'staff fields are not owned');
    same(SupportSla_Contract::BRIDGE_FIELDS['SLA_TimeEntries'], SupportSla_OwnedFields::ownedFields('SLA_TimeEntries'));
    same([], SupportSla_OwnedFields::ownedFields('Contacts'));
});

test('owned fields: a value that only differs in HTML entities is left alone; a changed one goes back as loaded', function () {
    require_once __DIR__ . '/../support/fake-bean.php';
    // include/utils/db_utils.php to_html: fetchByAssoc encodes " ' < > (not &) in fetched_row.
    $stored = ['sla_explanation_c' => 'Sally&#039;s case &quot;A&quot;', 'sla_response_status_c' => 'met'];
    $bean = new FakeBean(['sla_explanation_c' => 'Sally\'s case "A"', 'sla_response_status_c' => 'breached'], $stored);
    SupportSla_OwnedFields::restore($bean, $stored, 'Cases');
    same('Sally\'s case "A"', $bean->sla_explanation_c, 'the same text: untouched');
    same('met', $bean->sla_response_status_c);
    $bean->sla_explanation_c = 'typed over';
    SupportSla_OwnedFields::restore($bean, $stored, 'Cases');
    same('Sally&#039;s case &quot;A&quot;', $bean->sla_explanation_c, 'as fetched_row holds it');
});
