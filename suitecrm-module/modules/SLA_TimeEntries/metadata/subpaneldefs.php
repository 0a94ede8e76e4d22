<?php
/** Support time: subpanels on its own detail view (security groups, like any SuiteCRM module). */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$layout_defs['SLA_TimeEntries']['subpanel_setup']['securitygroups'] = array(
    'top_buttons' => array(
        array('widget_class' => 'SubPanelTopSelectButton', 'popup_module' => 'SecurityGroups', 'mode' => 'MultiSelect', ),
    ),
    'order' => 900,
    'sort_by' => 'name',
    'sort_order' => 'asc',
    'module' => 'SecurityGroups',
    'refresh_page' => 1,
    'subpanel_name' => 'default',
    'get_subpanel_data' => 'SecurityGroups',
    'add_subpanel_data' => 'securitygroup_id',
    'title_key' => 'LBL_SECURITYGROUPS_SUBPANEL_TITLE',
);
