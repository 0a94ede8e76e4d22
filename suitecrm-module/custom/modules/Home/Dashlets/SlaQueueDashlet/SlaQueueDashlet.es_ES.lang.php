<?php
/** The SLA queue dashlet's words in Spanish (loaded by Dashlet::loadLanguage). */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$dashletStrings['SlaQueueDashlet'] = array(
    'LBL_TITLE' => 'Cola SLA',
    'LBL_DESCRIPTION' => 'Casos abiertos con cobertura: primero los incumplidos y en riesgo, después por el próximo vencimiento.',
    'LBL_CASE_NUMBER' => 'Número',
    'LBL_SUBJECT' => 'Asunto',
    'LBL_ACCOUNT' => 'Cuenta',
    'LBL_SEVERITY' => 'Gravedad',
    'LBL_SLA' => 'SLA',
    'LBL_DUE' => 'Vence',
    'LBL_RESPONSE' => 'Respuesta',
    'LBL_RESOLUTION' => 'Resolución',
    'LBL_SLA_BEING_UPDATED' => 'SLA en actualización…',
    'LBL_EMPTY' => 'No hay casos abiertos con cobertura.',
    'LBL_NO_ACCESS' => 'No tiene acceso a los casos.',
    'LBL_MORE' => 'Hay más casos: abra la lista de casos para verlos todos.',
    'LBL_CONFIGURE_TITLE' => 'Título',
    'LBL_SCOPE' => 'Casos',
    'LBL_SCOPE_MINE' => 'Mis casos',
    'LBL_SCOPE_TEAMS' => 'Casos de mis equipos (grupos de seguridad)',
    'LBL_SCOPE_ALL' => 'Todos los casos',
    'LBL_SEVERITIES' => 'Gravedades (ninguna marcada: todas)',
    'LBL_ROWS' => 'Filas',
    'LBL_SAVE' => 'Guardar',
);
