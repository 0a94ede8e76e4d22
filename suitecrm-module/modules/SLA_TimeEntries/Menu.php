<?php
/** The Support time module's menu: log time, list, import (each shown only with the access right). */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

global $mod_strings, $app_strings;

if (ACLController::checkAccess('SLA_TimeEntries', 'edit', true)) {
    $module_menu[] = array(
        'index.php?module=SLA_TimeEntries&action=EditView&return_module=SLA_TimeEntries&return_action=DetailView',
        $mod_strings['LNK_NEW_RECORD'],
        'Add',
        'SLA_TimeEntries',
    );
}
if (ACLController::checkAccess('SLA_TimeEntries', 'list', true)) {
    $module_menu[] = array(
        'index.php?module=SLA_TimeEntries&action=index&return_module=SLA_TimeEntries&return_action=DetailView',
        $mod_strings['LNK_LIST'],
        'View',
        'SLA_TimeEntries',
    );
}
if (ACLController::checkAccess('SLA_TimeEntries', 'import', true)) {
    $module_menu[] = array(
        'index.php?module=Import&action=Step1&import_module=SLA_TimeEntries&return_module=SLA_TimeEntries&return_action=index',
        $mod_strings['LNK_IMPORT_SLA_TIMEENTRIES'],
        'Import',
        'SLA_TimeEntries',
    );
}
