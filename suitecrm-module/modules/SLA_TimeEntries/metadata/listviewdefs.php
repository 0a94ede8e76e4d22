<?php
/** Support time: list view columns (hidden ones can be switched on by each user or in Studio). */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$listViewDefs['SLA_TimeEntries'] = array(
    'NAME' => array(
        'width' => '20',
        'label' => 'LBL_NAME',
        'link' => true,
        'default' => true,
    ),
    'SLA_TIMEENTRIES_CASES_NAME' => array(
        'width' => '20',
        'label' => 'LBL_CASE_NAME',
        'module' => 'Cases',
        'id' => 'CASE_ID',
        'link' => true,
        'default' => true,
        'related_fields' => array('case_id', ),
    ),
    'SLA_TIMEENTRIES_ACCOUNTS_NAME' => array(
        'width' => '15',
        'label' => 'LBL_ACCOUNT_NAME',
        'module' => 'Accounts',
        'id' => 'ACCOUNT_ID',
        'link' => true,
        'default' => true,
        'related_fields' => array('account_id', ),
    ),
    'WORK_DATE' => array(
        'width' => '10',
        'label' => 'LBL_WORK_DATE',
        'default' => true,
    ),
    'HOURS' => array(
        'width' => '8',
        'label' => 'LBL_HOURS',
        'default' => true,
    ),
    'CATEGORY' => array(
        'width' => '10',
        'label' => 'LBL_CATEGORY',
        'default' => true,
    ),
    'ASSIGNED_USER_NAME' => array(
        'width' => '12',
        'label' => 'LBL_ASSIGNED_TO_NAME',
        'module' => 'Employees',
        'id' => 'ASSIGNED_USER_ID',
        'default' => true,
    ),
    'COUNTS_AGAINST_PLAN' => array(
        'width' => '8',
        'label' => 'LBL_COUNTS_AGAINST_PLAN',
        'default' => false,
    ),
    'TERM_START' => array(
        'width' => '10',
        'label' => 'LBL_TERM_START',
        'default' => false,
    ),
    'DATE_ENTERED' => array(
        'width' => '10',
        'label' => 'LBL_DATE_ENTERED',
        'default' => false,
    ),
);
