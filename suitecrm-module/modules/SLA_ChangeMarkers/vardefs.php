<?php
// The change marker's table (see SLA_ChangeMarker.php): three counters, bumped with fixed UPDATEs.

$dictionary['SLA_ChangeMarker'] = array(
    'table' => 'sla_changemarkers',
    'audited' => false,
    'inline_edit' => false,
    'duplicate_merge' => false,
    'unified_search' => false,
    'optimistic_locking' => false,
    'fields' => array(
        'account_saves' => array(
            'name' => 'account_saves',
            'vname' => 'LBL_ACCOUNT_SAVES',
            'type' => 'int',
            'len' => 11,
            'default' => '0',
            'required' => true,
            'reportable' => false,
            'massupdate' => false,
            'importable' => false,
        ),
        'case_saves' => array(
            'name' => 'case_saves',
            'vname' => 'LBL_CASE_SAVES',
            'type' => 'int',
            'len' => 11,
            'default' => '0',
            'required' => true,
            'reportable' => false,
            'massupdate' => false,
            'importable' => false,
        ),
        'time_entry_saves' => array(
            'name' => 'time_entry_saves',
            'vname' => 'LBL_TIME_ENTRY_SAVES',
            'type' => 'int',
            'len' => 11,
            'default' => '0',
            'required' => true,
            'reportable' => false,
            'massupdate' => false,
            'importable' => false,
        ),
    ),
    'relationships' => array(),
    'indices' => array(),
);

if (!class_exists('VardefManager')) {
    require_once 'include/SugarObjects/VardefManager.php';
}
VardefManager::createVardef('SLA_ChangeMarkers', 'SLA_ChangeMarker', array('basic'));
