<?php
/** Support time: the quick create form, used by the "Support time" subpanels of cases and accounts. */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$viewdefs['SLA_TimeEntries']['QuickCreate'] = array(
    'templateMeta' => array(
        'maxColumns' => '2',
        'widths' => array(
            array('label' => '10', 'field' => '30', ),
            array('label' => '10', 'field' => '30', ),
        ),
        'useTabs' => false,
        'tabDefs' => array(
            'LBL_SLA_TIMEENTRY_INFORMATION' => array('newTab' => false, 'panelDefault' => 'expanded', ),
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
    ),
);
