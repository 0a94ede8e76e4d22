<?php

$mod_strings = array(
    'LBL_MODULE_NAME' => 'Marcador de cambios SLA',
    'LBL_ACCOUNT_SAVES' => 'Guardados de cuentas',
    'LBL_CASE_SAVES' => 'Guardados de casos',
    'LBL_TIME_ENTRY_SAVES' => 'Guardados de tiempo',
);
