<?php

$mod_strings = array(
    'LBL_MODULE_NAME' => 'SLA change marker',
    'LBL_ACCOUNT_SAVES' => 'Account saves',
    'LBL_CASE_SAVES' => 'Case saves',
    'LBL_TIME_ENTRY_SAVES' => 'Time entry saves',
);
