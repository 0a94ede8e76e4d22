<?php
/** Support time: the record picker. */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$popupMeta = array(
    'moduleMain' => 'SLA_TimeEntries',
    'varName' => 'SLA_TimeEntry',
    'orderBy' => 'sla_timeentries.work_date',
    'whereClauses' => array(
        'name' => 'sla_timeentries.name',
    ),
    'searchInputs' => array('name', ),
    'listviewdefs' => array(
        'NAME' => array('width' => '30', 'label' => 'LBL_NAME', 'link' => true, 'default' => true, ),
        'SLA_TIMEENTRIES_CASES_NAME' => array('width' => '30', 'label' => 'LBL_CASE_NAME', 'default' => true, ),
        'WORK_DATE' => array('width' => '15', 'label' => 'LBL_WORK_DATE', 'default' => true, ),
        'HOURS' => array('width' => '10', 'label' => 'LBL_HOURS', 'default' => true, ),
    ),
);
