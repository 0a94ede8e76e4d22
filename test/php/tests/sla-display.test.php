<?php
/**
 * Badges and countdowns (SupportSla_Badge, SupportSla_Countdown, SupportSla_Display and the field
 * types SugarFieldSlabadge, SugarFieldSladue) around stand-ins for SuiteCRM's stock field classes.
 * The list view row holds enum labels, not keys, as include/ListView/ListViewData.php builds it
 * with data/SugarBean.php get_list_view_array(); dates in the user's format (SugarBean::loadFromRow).
 * The browser side of the countdown is tested in test/integration/package/sla-countdown.test.ts.
 */
require_once __DIR__ . '/../support/sugarfield-standins.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_Contract.php';
require_once PACKAGE_ROOT . '/custom/include/SugarFields/Fields/Slabadge/SugarFieldSlabadge.php';
require_once PACKAGE_ROOT . '/custom/include/SugarFields/Fields/Sladue/SugarFieldSladue.php';

test('badge: each status has its tone, unknown and blank have none', function () {
    $expected = [
        'met' => 'met', 'met_late' => 'met-late', 'at_risk' => 'at-risk', 'breached' => 'breached',
        'pending' => 'neutral', 'paused' => 'neutral', 'not_covered' => 'grey', 'withdrawn' => 'grey',
        'not_tracked' => 'grey', 'not_applicable' => 'grey', 'hours_exhausted' => 'grey',
        'not_computed' => 'not-computed', '' => '', 'something_new' => '', 'MET' => '',
    ];
    foreach ($expected as $status => $tone) {
        same($tone, SupportSla_Badge::tone((string)$status), "tone of '$status'");
    }
    same('', SupportSla_Badge::tone(null));
});

test('badge: colours: met green, at risk amber, breached red, outlines for met late and not computed', function () {
    truthy(strpos(SupportSla_Badge::style('met'), 'background:#2e7d32') !== false, 'met: green fill');
    truthy(strpos(SupportSla_Badge::style('at-risk'), 'background:#f0a30a') !== false, 'at risk: amber fill');
    truthy(strpos(SupportSla_Badge::style('breached'), 'background:#c62828') !== false, 'breached: red fill');
    truthy(strpos(SupportSla_Badge::style('met-late'), 'background:transparent;border:1px solid #d98e04') !== false, 'met late: amber outline');
    truthy(strpos(SupportSla_Badge::style('not-computed'), 'background:transparent;border:1px solid #c62828') !== false, 'not computed: red outline');
    same('', SupportSla_Badge::style('nope'));
    foreach (SupportSla_Badge::STYLES as $tone => $style) {
        same(1, substr_count(SupportSla_Badge::style($tone), 'border-radius'), "$tone has the base style");
    }
});

test('badge html: class, label escaped once, the reason on hover only when not computed', function () {
    same(
        '<span class="sla-badge sla-badge-breached" style="' . SupportSla_Badge::style('breached') . '">Breached</span>',
        SupportSla_Badge::html('breached', 'Breached', 'ignored')
    );
    $html = SupportSla_Badge::html('not_computed', 'Not computed', 'No contract for O&#039;Brien & Co <x>');
    truthy(strpos($html, 'title="No contract for O&#039;Brien &amp; Co &lt;x&gt;"') !== false, 'reason encoded once: ' . $html);
    truthy(strpos($html, 'sla-badge-not-computed') !== false, $html);
    same(false, strpos(SupportSla_Badge::html('not_computed', 'Not computed', '  '), 'title='), 'no empty hover');
    same('', SupportSla_Badge::html('', '', ''));
    same('Fancy &lt;new&gt;', SupportSla_Badge::html('fancy', 'Fancy <new>', ''), 'unknown status: the plain label');
});

test('badge smarty: one branch per status on the key, the label from the options, the reason in the title', function () {
    $source = SupportSla_Badge::smarty('sla_response_status_c', 'sla_data_problem_c');
    same(0, strpos($source, "{if \$fields.sla_response_status_c.value == 'met'}"), 'starts with the first status');
    same(count(SupportSla_Badge::TONES) - 1, substr_count($source, '{elseif '));
    truthy(substr($source, -strlen('{else}{$fields.sla_response_status_c.options[$fields.sla_response_status_c.value]}{/if}'))
        === '{else}{$fields.sla_response_status_c.options[$fields.sla_response_status_c.value]}{/if}', 'else: the plain label');
    truthy(strpos($source, "{elseif \$fields.sla_response_status_c.value == 'not_computed'}<span class=\"sla-badge sla-badge-not-computed\" style=\""
        . SupportSla_Badge::style('not-computed') . '" title="{$fields.sla_data_problem_c.value}">') !== false, $source);
    same(1, substr_count($source, 'title='), 'only not computed has a hover');
    same('', SupportSla_Badge::smarty("'", 'x'));
});

test('field type Slabadge: the list row label back to its key, then the badge', function () {
    $GLOBALS['app_list_strings'] = ['sla_response_status_list' => ['' => '', 'at_risk' => 'En riesgo', 'not_computed' => 'No calculado']];
    $field = new SugarFieldSlabadge('Slabadge');
    $row = ['SLA_RESPONSE_STATUS_C' => 'En riesgo', 'SLA_DATA_PROBLEM_C' => 'x'];
    $vardef = ['name' => 'SLA_RESPONSE_STATUS_C', 'type' => 'Slabadge', 'options' => 'sla_response_status_list'];
    same(SupportSla_Badge::html('at_risk', 'En riesgo', ''), $field->getListViewSmarty($row, $vardef, [], 'SLA_RESPONSE_STATUS_C'));
    $row = ['SLA_RESPONSE_STATUS_C' => 'No calculado', 'SLA_DATA_PROBLEM_C' => 'Sin contrato'];
    truthy(strpos($field->getListViewSmarty($row, $vardef, [], 'x'), 'title="Sin contrato"') !== false, 'the reason from the row');
    same('', $field->getListViewSmarty([], $vardef, [], 'x'), 'a blank value stays blank');
    same(SupportSla_BeingUpdated::smarty(SupportSla_Badge::smarty('sla_response_status_c', 'sla_data_problem_c')), $field->getDetailViewSmarty('fields', ['name' => 'sla_response_status_c'], [], 1));
    unset($GLOBALS['app_list_strings']);
});

test('countdown: a span with the UTC due time and the words, only while the target runs', function () {
    SupportSla_Countdown::forgetScriptSent();
    $html = SupportSla_Countdown::html('2026-12-07 15:30:00', 'pending', 'en_us');
    truthy(strpos($html, 'data-sla-due="2026-12-07 15:30:00" data-sla-words="in %s|%s overdue|due now|d|h|min"') !== false, $html);
    same(1, substr_count($html, '<script'));
    $second = SupportSla_Countdown::html('2026-12-07 15:30:00', 'breached', 'es_ES');
    truthy(strpos($second, 'data-sla-words="en %s|vencido hace %s|vence ahora|d|h|min"') !== false, 'Spanish');
    same(0, substr_count($second, '<script'), 'the script once per request (a list view renders its rows in one)');
    foreach (['met', 'met_late', 'not_covered', 'withdrawn', 'not_computed', 'paused', ''] as $status) {
        same('', SupportSla_Countdown::html('2026-12-07 15:30:00', $status, 'en_us'), "no count when $status");
    }
    same('', SupportSla_Countdown::html('', 'pending', 'en_us'), 'no due time');
    same('', SupportSla_Countdown::html('07/12/2026 15:30', 'pending', 'en_us'), 'only the database form');
    same(SupportSla_Countdown::WORDS['en_us'], SupportSla_Countdown::words('fr_FR'), 'English otherwise');
});

test('countdown smarty: the stored value from fetched_row, under the running statuses, script in literal', function () {
    $source = SupportSla_Countdown::smarty('sla_response_due_c', 'sla_response_status_c', 'en_us');
    same(0, strpos($source, "{if (\$fields.sla_response_status_c.value == 'pending' || \$fields.sla_response_status_c.value == 'at_risk' || \$fields.sla_response_status_c.value == 'breached') && !empty(\$bean->fetched_row['sla_response_due_c'])}"), $source);
    truthy(strpos($source, "data-sla-due=\"{\$bean->fetched_row['sla_response_due_c']}\"") !== false, 'UTC value');
    same(1, substr_count($source, '{literal}<script'));
    same('{/literal}{/if}', substr($source, -15));
});

test('field type Sladue: stock display first, then the countdown; list rows converted from the user format', function () {
    $field = new SugarFieldSladue('Sladue');
    $detail = $field->getDetailViewSmarty('fields', ['name' => 'sla_resolution_due_c'], [], 1);
    $opening = substr(SupportSla_BeingUpdated::smarty(''), 0, -strlen('{/if}'));
    same(0, strpos($detail, $opening), 'inside the being-updated test');
    same(strlen($opening), strpos($detail, '<stock detail {$fields.sla_resolution_due_c.value}>'), 'the stock display first in its else');
    same('{/if}', substr($detail, -5));
    truthy(strpos($detail, "\$fields.sla_resolution_status_c.value == 'pending'") !== false, 'paired with its own status');
    $GLOBALS['app_list_strings'] = ['sla_response_status_list' => ['pending' => 'Pending', 'met' => 'Met']];
    $GLOBALS['timedate'] = new class {
        public function fromUser($date, $user)
        {
            return $date === '07/12/2026 16:30' ? new DateTime('2026-12-07 15:30:00', new DateTimeZone('UTC')) : null;
        }
        public function asDb(DateTime $date)
        {
            return $date->format('Y-m-d H:i:s');
        }
    };
    $GLOBALS['current_user'] = new stdClass();
    $row = ['SLA_RESPONSE_DUE_C' => '07/12/2026 16:30', 'SLA_RESPONSE_STATUS_C' => 'Pending'];
    SupportSla_Countdown::forgetScriptSent();
    $list = $field->getListViewSmarty($row, ['name' => 'SLA_RESPONSE_DUE_C'], [], 'SLA_RESPONSE_DUE_C');
    same(1, substr_count($list, '<script'), 'the first row brings the script');
    same(0, strpos($list, '<stock list 07/12/2026 16:30>'), 'the absolute time as SuiteCRM shows it');
    truthy(strpos($list, 'data-sla-due="2026-12-07 15:30:00"') !== false, $list);
    $row = ['SLA_RESPONSE_DUE_C' => '07/12/2026 16:30', 'SLA_RESPONSE_STATUS_C' => 'Met'];
    same('<stock list 07/12/2026 16:30>', $field->getListViewSmarty($row, ['name' => 'SLA_RESPONSE_DUE_C'], [], 'x'), 'met: no count');
    same('', SugarFieldSladue::toDb('not a date'));
    unset($GLOBALS['app_list_strings'], $GLOBALS['timedate'], $GLOBALS['current_user']);
});

test('display types: plain detail cells and list columns get them, customised cells stay as they are', function () {
    same(
        [
            ['name' => 'sla_response_status_c', 'label' => 'L1', 'type' => 'Slabadge'],
            ['name' => 'sla_response_due_c', 'label' => 'L2', 'type' => 'Sladue'],
            ['name' => 'sla_resolution_status_c', 'customCode' => 'x'],
            ['name' => 'sla_coverage_c', 'label' => 'L3'],
            'sla_resolution_due_c',
        ],
        SupportSla_Display::detailCells([
            ['name' => 'sla_response_status_c', 'label' => 'L1'],
            ['name' => 'sla_response_due_c', 'label' => 'L2'],
            ['name' => 'sla_resolution_status_c', 'customCode' => 'x'],
            ['name' => 'sla_coverage_c', 'label' => 'L3'],
            'sla_resolution_due_c',
        ])
    );
    $columns = SupportSla_Display::listColumns([
        'SLA_RESPONSE_STATUS_C' => ['type' => 'enum', 'label' => 'A'],
        'SLA_RESPONSE_DUE_C' => ['type' => 'datetimecombo', 'label' => 'B'],
        'NAME' => ['label' => 'C'],
    ]);
    same(['SLA_RESPONSE_STATUS_C', 'SLA_RESPONSE_DUE_C', 'NAME'], array_keys($columns), 'order kept');
    $stamps = ['sla_input_stamp_c', 'sla_input_seen_c'];
    same(['type' => 'Slabadge', 'label' => 'A', 'related_fields' => array_merge(['sla_data_problem_c'], $stamps)], $columns['SLA_RESPONSE_STATUS_C']);
    same(['type' => 'Sladue', 'label' => 'B', 'orderBy' => 'sla_response_sort_c', 'related_fields' => array_merge(['sla_response_status_c'], $stamps, ['sla_response_sort_c'])], $columns['SLA_RESPONSE_DUE_C']);
    same($columns, SupportSla_Display::listColumns($columns), 'applied again (an upgrade): nothing added twice');
    same(['label' => 'C'], $columns['NAME']);
});

test('sort key: Response due sorts on the bridge\'s key, once, and an admin\'s own order stays', function () {
    // SuiteCRM 7.14.6 include/ListView/ListViewGeneric.tpl sorts a header on $params.orderBy, and
    // ListViewData::getListViewData drops an order on a field outside the queried ones
    // (ListViewDisplay::setupFilterFields adds each column's related_fields).
    $once = SupportSla_Display::listColumns(['SLA_RESPONSE_DUE_C' => ['label' => 'B']]);
    same($once, SupportSla_Display::listColumns($once), 'applying it again changes nothing');
    same('sla_response_sort_c', $once['SLA_RESPONSE_DUE_C']['orderBy']);
    $admins = SupportSla_Display::listColumns(['SLA_RESPONSE_DUE_C' => ['label' => 'B', 'orderBy' => 'date_entered']]);
    same(['label' => 'B', 'orderBy' => 'date_entered', 'type' => 'Sladue', 'related_fields' => ['sla_response_status_c', 'sla_input_stamp_c', 'sla_input_seen_c']], $admins['SLA_RESPONSE_DUE_C']);
    $resolution = SupportSla_Display::listColumns(['SLA_RESOLUTION_DUE_C' => ['label' => 'R']]);
    same(false, isset($resolution['SLA_RESOLUTION_DUE_C']['orderBy']), 'no key for resolution due');
    $custom = ['SLA_RESPONSE_DUE_C' => ['label' => 'B', 'customCode' => '{$X}']];
    same($custom, SupportSla_Display::listColumns($custom), 'a customised column stays as it is');
    // The key is a field the package installs, so the query can select and order by it.
    truthy(in_array('sla_response_sort_c', SupportSla_Contract::BRIDGE_FIELDS['Cases'], true), 'a bridge field');
});

test('display types: the classes are where SugarFieldHandler::getSugarField looks for them', function () {
    // include/SugarFields/SugarFieldHandler.php: ucfirst(type), custom/include/SugarFields/Fields/<Type>/SugarField<Type>.php.
    foreach ([SupportSla_Display::BADGE_TYPE, SupportSla_Display::DUE_TYPE] as $type) {
        same(ucfirst(strtolower($type)), $type);
        truthy(is_file(PACKAGE_ROOT . "/custom/include/SugarFields/Fields/$type/SugarField$type.php"), $type);
    }
    truthy(is_subclass_of('SugarFieldSlabadge', 'SugarFieldEnum'), 'an enum for every other view');
    truthy(is_subclass_of('SugarFieldSladue', 'SugarFieldDatetimecombo'), 'a datetime for every other view');
});
