<?php
/**
 * Support time as a subpanel of a case or an account. No "remove" button: a time entry belongs to
 * its case; detaching it would leave hours counted against no contract (delete it instead).
 */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$subpanel_layout = array(
    'top_buttons' => array(
        array('widget_class' => 'SubPanelTopButtonQuickCreate', ),
    ),
    'where' => '',
    'list_fields' => array(
        'name' => array(
            'vname' => 'LBL_NAME',
            'widget_class' => 'SubPanelDetailViewLink',
            'width' => '25%',
        ),
        'work_date' => array(
            'vname' => 'LBL_WORK_DATE',
            'width' => '12%',
        ),
        'hours' => array(
            'vname' => 'LBL_HOURS',
            'width' => '8%',
        ),
        'category' => array(
            'vname' => 'LBL_CATEGORY',
            'width' => '12%',
        ),
        'sla_timeentries_cases_name' => array(
            'vname' => 'LBL_CASE_NAME',
            'widget_class' => 'SubPanelDetailViewLink',
            'target_record_key' => 'case_id',
            'target_module' => 'Cases',
            'width' => '20%',
        ),
        'assigned_user_name' => array(
            'vname' => 'LBL_ASSIGNED_TO_NAME',
            'width' => '13%',
        ),
        'case_id' => array(
            'usage' => 'query_only',
        ),
        'edit_button' => array(
            'vname' => 'LBL_EDIT_BUTTON',
            'widget_class' => 'SubPanelEditButton',
            'module' => 'SLA_TimeEntries',
            'width' => '5%',
        ),
    ),
);
