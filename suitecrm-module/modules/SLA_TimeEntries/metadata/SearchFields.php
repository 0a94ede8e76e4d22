<?php
/** Support time: how each filter field searches (work date also as a range). */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$searchFields['SLA_TimeEntries'] = array(
    'name' => array('query_type' => 'default', ),
    'sla_timeentries_cases_name' => array('query_type' => 'default', ),
    'sla_timeentries_accounts_name' => array('query_type' => 'default', ),
    'category' => array('query_type' => 'default', ),
    'work_date' => array('query_type' => 'default', ),
    'range_work_date' => array('query_type' => 'default', 'enable_range_search' => true, 'is_date_field' => true, ),
    'start_range_work_date' => array('query_type' => 'default', 'enable_range_search' => true, 'is_date_field' => true, ),
    'end_range_work_date' => array('query_type' => 'default', 'enable_range_search' => true, 'is_date_field' => true, ),
    'current_user_only' => array(
        'query_type' => 'default',
        'db_field' => array('assigned_user_id', ),
        'my_items' => true,
        'vname' => 'LBL_CURRENT_USER_FILTER',
        'type' => 'bool',
    ),
    'assigned_user_id' => array('query_type' => 'default', ),
);
