<?php
/** The SLA queue dashlet's words in English (loaded by Dashlet::loadLanguage). */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

$dashletStrings['SlaQueueDashlet'] = array(
    'LBL_TITLE' => 'SLA queue',
    'LBL_DESCRIPTION' => 'Open, covered cases: breached and at risk first, then by the next due time.',
    'LBL_CASE_NUMBER' => 'Number',
    'LBL_SUBJECT' => 'Subject',
    'LBL_ACCOUNT' => 'Account',
    'LBL_SEVERITY' => 'Severity',
    'LBL_SLA' => 'SLA',
    'LBL_DUE' => 'Due',
    'LBL_RESPONSE' => 'Response',
    'LBL_RESOLUTION' => 'Resolution',
    'LBL_SLA_BEING_UPDATED' => 'SLA being updated…',
    'LBL_EMPTY' => 'No open, covered cases.',
    'LBL_NO_ACCESS' => 'You do not have access to cases.',
    'LBL_MORE' => 'More cases wait: open the Cases list to see them all.',
    'LBL_CONFIGURE_TITLE' => 'Title',
    'LBL_SCOPE' => 'Cases',
    'LBL_SCOPE_MINE' => 'My cases',
    'LBL_SCOPE_TEAMS' => 'My teams\' cases (security groups)',
    'LBL_SCOPE_ALL' => 'All cases',
    'LBL_SEVERITIES' => 'Severities (none ticked: all)',
    'LBL_ROWS' => 'Rows',
    'LBL_SAVE' => 'Save',
);
