<?php
/** Support time: detail view, with what the sla-bridge computed for the entry in its own panel. */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$viewdefs['SLA_TimeEntries']['DetailView'] = array(
    'templateMeta' => array(
        'form' => array(
            'buttons' => array('EDIT', 'DUPLICATE', 'DELETE', ),
        ),
        'maxColumns' => '2',
        'widths' => array(
            array('label' => '10', 'field' => '30', ),
            array('label' => '10', 'field' => '30', ),
        ),
        'useTabs' => false,
        'tabDefs' => array(
            'LBL_SLA_TIMEENTRY_INFORMATION' => array('newTab' => false, 'panelDefault' => 'expanded', ),
            'LBL_SLA_TIMEENTRY_PLAN' => array('newTab' => false, 'panelDefault' => 'expanded', ),
        ),
    ),
    'panels' => array(
        'lbl_sla_timeentry_information' => array(
            array('name', 'assigned_user_name', ),
            array('sla_timeentries_cases_name', 'sla_timeentries_accounts_name', ),
            array('work_date', 'hours', ),
            array('category', '', ),
            array('description', ),
        ),
        'lbl_sla_timeentry_plan' => array(
            array('term_start', 'counts_against_plan', ),
            array('data_problem', ),
            array(
                array(
                    'name' => 'date_entered',
                    'customCode' => '{$fields.date_entered.value} {$APP.LBL_BY} {$fields.created_by_name.value}',
                    'label' => 'LBL_DATE_ENTERED',
                ),
                array(
                    'name' => 'date_modified',
                    'customCode' => '{$fields.date_modified.value} {$APP.LBL_BY} {$fields.modified_by_name.value}',
                    'label' => 'LBL_DATE_MODIFIED',
                ),
            ),
        ),
    ),
);
