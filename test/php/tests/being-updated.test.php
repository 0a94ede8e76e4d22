<?php
/**
 * "SLA being updated" (docs/freshness.md#being-updated): the Cases hook's SLA input stamp (rule
 * R6, SupportSla_InputStamp; the cases themselves are in schemas/case-save-examples.json), and the
 * badge and due cells that say the SLA is being updated while the bridge's echo differs
 * (SupportSla_BeingUpdated, SugarFieldSlabadge, SugarFieldSladue). The list row is as
 * include/ListView/ListViewData.php builds it (upper-case keys, related_fields included).
 */
require_once __DIR__ . '/../support/sugarfield-standins.php';
require_once __DIR__ . '/../support/fake-bean.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_CaseSave.php';
require_once PACKAGE_ROOT . '/custom/include/SugarFields/Fields/Slabadge/SugarFieldSlabadge.php';
require_once PACKAGE_ROOT . '/custom/include/SugarFields/Fields/Sladue/SugarFieldSladue.php';

function stampAt(string $iso): int
{
    return (new DateTimeImmutable($iso))->getTimestamp();
}

test('the stamp: the save time to the second and a counter one up from the stored stamp', function () {
    same('2026-12-07 14:05:09#1', SupportSla_InputStamp::next(null, stampAt('2026-12-07T14:05:09Z')));
    same('2026-12-07 14:05:09#8', SupportSla_InputStamp::next('2026-12-07 14:05:09#7', stampAt('2026-12-07T14:05:09Z')), 'same second: still a new value');
    same('2026-12-07 14:05:09#1', SupportSla_InputStamp::next('not a stamp', stampAt('2026-12-07T14:05:09Z')));
});

test('being updated: stamp and echo differ, compared as text (entities and spaces aside)', function () {
    truthy(SupportSla_InputStamp::isUpdating('2026-12-07 14:05:09#2', '2026-12-07 13:00:00#1'), 'differ');
    truthy(SupportSla_InputStamp::isUpdating('2026-12-07 14:05:09#2', null), 'not echoed yet (a new case)');
    same(false, SupportSla_InputStamp::isUpdating('2026-12-07 14:05:09#2', ' 2026-12-07 14:05:09#2 '));
    same(false, SupportSla_InputStamp::isUpdating(null, ''), 'neither set: a case from before the stamp existed');
});

test('the stamp and its echo are owned: a person save restores them (R2) like the other owned fields', function () {
    truthy(in_array(SupportSla_InputStamp::STAMP_FIELD, SupportSla_OwnedFields::hookFields('Cases'), true), 'hook-owned');
    truthy(in_array(SupportSla_InputStamp::SEEN_FIELD, SupportSla_OwnedFields::bridgeFields('Cases'), true), 'bridge-owned');
    foreach (SupportSla_InputStamp::TEXT_INPUTS as $input) {
        same(false, in_array($input, SupportSla_OwnedFields::ownedFields('Cases'), true), "$input is an input, not an owned field");
    }
});

test('person saves a case, the views say updating; the bridge PATCH echoes the stamp; the views show the values again', function () {
    $GLOBALS['mod_strings'] = ['LBL_SLA_BEING_UPDATED' => 'SLA being updated…'];
    $stored = [
        'status' => 'Open_New', 'sla_severity_c' => '2', 'account_id' => 'acc-1',
        'date_entered' => '2026-12-07 12:53:27', 'sla_reported_at_c' => '2026-12-07 12:53:27',
        'sla_response_status_c' => 'pending', 'sla_response_due_c' => '2026-12-07 16:53:00',
        'sla_input_stamp_c' => '2026-12-07 12:53:27#1', 'sla_input_seen_c' => '2026-12-07 12:53:27#1',
    ];
    $person = new FakeBean(array_replace($stored, ['status' => 'Open_Assigned', 'sla_reported_at_c' => '2026-12-07 12:53:00']), $stored);
    SupportSla_CaseSave::apply($person, 'seed_sally_id', 'person', stampAt('2026-12-07T14:05:09Z'));
    same('2026-12-07 14:05:09#2', $person->sla_input_stamp_c);
    same('2026-12-07 12:53:27#1', $person->sla_input_seen_c);

    $afterPerson = array_replace($stored, ['status' => 'Open_Assigned', 'sla_input_stamp_c' => $person->sla_input_stamp_c]);
    $row = ['SLA_RESPONSE_STATUS_C' => 'Pending', 'SLA_DATA_PROBLEM_C' => '',
        'SLA_INPUT_STAMP_C' => $afterPerson['sla_input_stamp_c'], 'SLA_INPUT_SEEN_C' => $afterPerson['sla_input_seen_c']];
    $GLOBALS['app_list_strings'] = ['sla_response_status_list' => ['pending' => 'Pending', 'met' => 'Met']];
    $badge = new SugarFieldSlabadge('Slabadge');
    $vardef = ['name' => 'SLA_RESPONSE_STATUS_C', 'options' => 'sla_response_status_list'];
    $cell = $badge->getListViewSmarty($row, $vardef, [], 'SLA_RESPONSE_STATUS_C');
    same('<span class="sla-being-updated" style="' . SupportSla_BeingUpdated::STYLE . '">SLA being updated…</span>', $cell, 'the stale "Pending" is not shown');

    // The bridge's PATCH: its own fields and the echo of the stamp it read (an api save).
    $patch = new FakeBean(array_replace($afterPerson, [
        'sla_reported_at_c' => '2026-12-07 12:53:00', 'sla_response_status_c' => 'met',
        'sla_input_seen_c' => '2026-12-07 14:05:09#2',
    ]), $afterPerson);
    SupportSla_CaseSave::apply($patch, 'bridge_user_id', 'api', stampAt('2026-12-07T14:05:20Z'));
    same('2026-12-07 14:05:09#2', $patch->sla_input_stamp_c, 'the bridge PATCH sets no new stamp');
    same('2026-12-07 14:05:09#2', $patch->sla_input_seen_c);

    $row = array_replace($row, ['SLA_RESPONSE_STATUS_C' => 'Met', 'SLA_INPUT_SEEN_C' => $patch->sla_input_seen_c]);
    same(SupportSla_Badge::html('met', 'Met', ''), $badge->getListViewSmarty($row, $vardef, [], 'SLA_RESPONSE_STATUS_C'), 'caught up: the badge');
    unset($GLOBALS['mod_strings'], $GLOBALS['app_list_strings']);
});

test('list cells: the due time and its countdown give way too; the label in the user language, English when missing', function () {
    $GLOBALS['mod_strings'] = ['LBL_SLA_BEING_UPDATED' => 'SLA en actualización…'];
    $due = new SugarFieldSladue('Sladue');
    $row = ['SLA_RESPONSE_DUE_C' => '2026-12-07 16:53:00', 'SLA_RESPONSE_STATUS_C' => 'Pending',
        'SLA_INPUT_STAMP_C' => '2026-12-07 14:05:09#2', 'SLA_INPUT_SEEN_C' => ''];
    $cell = $due->getListViewSmarty($row, ['name' => 'SLA_RESPONSE_DUE_C'], [], 'SLA_RESPONSE_DUE_C');
    truthy(strpos($cell, '>SLA en actualización…</span>') !== false, $cell);
    same(false, strpos($cell, '16:53'), 'no stale due time');
    same(false, strpos($cell, 'sla-countdown'), 'no stale countdown');
    $GLOBALS['mod_strings'] = [];
    same(SupportSla_BeingUpdated::FALLBACK, SupportSla_BeingUpdated::label());
    $row['SLA_INPUT_SEEN_C'] = '2026-12-07 14:05:09#2';
    truthy(strpos($due->getListViewSmarty($row, ['name' => 'SLA_RESPONSE_DUE_C'], [], 'x'), '<stock list 2026-12-07 16:53:00>') === 0, 'caught up: the due time');
    unset($GLOBALS['mod_strings']);
});

test('detail Smarty: compares the stored stamp and echo from fetched_row, the label from MOD, the value in the else', function () {
    $source = SupportSla_BeingUpdated::smarty('<value/>');
    same(
        "{if !empty(\$bean->fetched_row) && \$bean->fetched_row['sla_input_stamp_c'] != \$bean->fetched_row['sla_input_seen_c']}"
        . '<span class="sla-being-updated" style="' . SupportSla_BeingUpdated::STYLE . '">'
        . '{if !empty($MOD.LBL_SLA_BEING_UPDATED)}{$MOD.LBL_SLA_BEING_UPDATED}{else}SLA being updated…{/if}'
        . '</span>{else}<value/>{/if}',
        $source
    );
    $badge = new SugarFieldSlabadge('Slabadge');
    same(SupportSla_BeingUpdated::smarty(SupportSla_Badge::smarty('sla_resolution_status_c', 'sla_data_problem_c')),
        $badge->getDetailViewSmarty('fields', ['name' => 'sla_resolution_status_c'], [], 1));
});

test('the label ships in English and Spanish (generated from the catalogue)', function () {
    foreach (['en_us' => 'SLA being updated…', 'es_ES' => 'SLA en actualización…'] as $language => $text) {
        $mod_strings = [];
        include PACKAGE_ROOT . "/custom/Extension/modules/Cases/Ext/Language/$language.sla_support.php";
        same($text, $mod_strings['LBL_SLA_BEING_UPDATED'] ?? null, $language);
    }
});
