<?php
/**
 * The SLA queue dashlet's entry for SuiteCRM 7's dashlet list (include/Dashlets/DashletCacheBuilder.php
 * reads <Dashlet>.meta.php beside the class). Title and description are keys of the dashlet's
 * language files.
 */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$dashletMeta['SlaQueueDashlet'] = array(
    'module' => 'Cases',
    'title' => 'LBL_TITLE',
    'description' => 'LBL_DESCRIPTION',
    'category' => 'Module Views',
);
