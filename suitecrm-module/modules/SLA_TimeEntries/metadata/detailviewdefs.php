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
            // Written by the sla-bridge: read-only in SuiteCRM 8.x's edit and create modes, which it
            // draws from this view (SupportSla_ReadOnlyCells says why).
            array(
                array('name' => 'term_start', 'readonly' => true, ),
                array('name' => 'counts_against_plan', 'readonly' => true, ),
            ),
            array(array('name' => 'data_problem', 'readonly' => true, ), ),
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
