<?php
/** Support time: the basic and advanced filters. */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$searchdefs['SLA_TimeEntries'] = array(
    'templateMeta' => array(
        'maxColumns' => '3',
        'maxColumnsBasic' => '4',
        'widths' => array('label' => '10', 'field' => '30', ),
    ),
    'layout' => array(
        'basic_search' => array(
            'name',
            'sla_timeentries_cases_name',
            array('name' => 'current_user_only', 'label' => 'LBL_CURRENT_USER_FILTER', 'type' => 'bool', ),
        ),
        'advanced_search' => array(
            'name',
            'sla_timeentries_cases_name',
            'sla_timeentries_accounts_name',
            'work_date',
            'category',
            array(
                'name' => 'assigned_user_id',
                'label' => 'LBL_ASSIGNED_TO',
                'type' => 'enum',
                'function' => array('name' => 'get_user_array', 'params' => array(false, ), ),
            ),
        ),
    ),
);
