<?php
/**
 * The SLA queue dashlet's query (docs/staff-view.md): the open, covered cases the user may see,
 * breached first, then at risk, then the rest by their next due time, blank due times last.
 *
 * One SELECT on cases, its custom table and the account. Access is SuiteCRM's own: the caller
 * passes SugarBean::buildAccessWhere('list') (owner-only ACL and security groups, exactly as the
 * Cases list view applies them) and, for "my teams", SecurityGroup::getGroupWhere for the user.
 * The index this file names (cases: deleted, state, assigned_user_id) is added by post_install
 * and dropped by pre_uninstall; the query plan is checked in test/integration/package/sla-queue-plan.test.ts.
 *
 * Plain text in, SQL text out, values quoted by the $db given (DBManager::quoted), so it is
 * tested without SuiteCRM.
 */
require_once __DIR__ . '/SupportSla_Row.php';
require_once __DIR__ . '/SupportSla_Countdown.php';

class SupportSla_Queue
{
    const SCOPES = array('mine', 'teams', 'all', );
    const SEVERITIES = array('1', '2', '3', '4', );
    const ROW_CHOICES = array(10, 20, 50, );

    const TABLE = 'cases';
    const INDEX = array('name' => 'idx_sla_queue', 'type' => 'index', 'fields' => array('deleted', 'state', 'assigned_user_id', ), );

    /**
     * Options as the dashlet stores them, cleaned: an unknown scope is "mine", unknown severities
     * are dropped (none left means every severity), rows one of ROW_CHOICES.
     *
     * @param array $options scope, severities (list), rows
     * @return array
     */
    public static function options($options)
    {
        $options = is_array($options) ? $options : array();
        $scope = isset($options['scope']) ? (string)$options['scope'] : '';
        $severities = array();
        $given = isset($options['severities']) && is_array($options['severities']) ? $options['severities'] : array();
        foreach (self::SEVERITIES as $severity) {
            if (in_array($severity, $given, false)) {
                $severities[] = $severity;
            }
        }
        $rows = isset($options['rows']) ? (int)$options['rows'] : 0;
        return array(
            'scope' => in_array($scope, self::SCOPES, true) ? $scope : 'mine',
            'severities' => $severities,
            'rows' => in_array($rows, self::ROW_CHOICES, true) ? $rows : 20,
        );
    }

    /**
     * @param array $options as options() returns them
     * @param string $userId the current user
     * @param object $db with quoted($text) (SuiteCRM's DBManager)
     * @param string $accessWhere SugarBean::buildAccessWhere('list') of a Case ('' when unrestricted)
     * @param string $teamsWhere SecurityGroup::getGroupWhere('cases', 'Cases', $userId)
     * @return string SQL, without a row limit (the caller uses DBManager::limitQuery)
     */
    public static function sql($options, $userId, $db, $accessWhere, $teamsWhere)
    {
        $options = self::options($options);
        $where = array(
            'cases.deleted = 0',
            "cases.state = 'Open'",
            "cases_cstm.sla_coverage_c = 'covered'",
        );
        if ($options['severities']) {
            $quoted = array();
            foreach ($options['severities'] as $severity) {
                $quoted[] = $db->quoted($severity);
            }
            $where[] = 'cases_cstm.sla_effective_severity_c IN (' . implode(', ', $quoted) . ')';
        }
        if ($options['scope'] === 'mine') {
            $where[] = 'cases.assigned_user_id = ' . $db->quoted((string)$userId);
        } elseif ($options['scope'] === 'teams') {
            $where[] = '(' . trim((string)$teamsWhere) . ')';
        }
        if (trim((string)$accessWhere) !== '') {
            $where[] = '(' . trim((string)$accessWhere) . ')';
        }
        $nextDue = self::nextDue();
        return 'SELECT cases.id, cases.case_number, cases.name, cases.account_id, accounts.name AS account_name,'
            . ' cases_cstm.sla_effective_severity_c, cases_cstm.sla_response_status_c, cases_cstm.sla_response_due_c,'
            . ' cases_cstm.sla_resolution_status_c, cases_cstm.sla_resolution_due_c, cases_cstm.sla_data_problem_c,'
            . ' cases_cstm.sla_input_stamp_c, cases_cstm.sla_input_seen_c'
            . ' FROM cases'
            . ' INNER JOIN cases_cstm ON cases_cstm.id_c = cases.id'
            . ' LEFT JOIN accounts ON accounts.id = cases.account_id AND accounts.deleted = 0'
            . ' WHERE ' . implode(' AND ', $where)
            . ' ORDER BY ' . self::rank() . ', ' . $nextDue . ' IS NULL, ' . $nextDue . ', cases.case_number';
    }

    /** 0 when either target is breached, 1 when one is at risk, 2 otherwise. */
    public static function rank()
    {
        return "CASE WHEN cases_cstm.sla_response_status_c = 'breached' OR cases_cstm.sla_resolution_status_c = 'breached' THEN 0"
            . " WHEN cases_cstm.sla_response_status_c = 'at_risk' OR cases_cstm.sla_resolution_status_c = 'at_risk' THEN 1 ELSE 2 END";
    }

    /** The due time of the target that runs now: the response while it runs, else the resolution. */
    public static function nextDue()
    {
        $running = "('" . implode("', '", SupportSla_Countdown::RUNNING) . "')";
        return '(CASE WHEN cases_cstm.sla_response_status_c IN ' . $running . ' THEN cases_cstm.sla_response_due_c'
            . ' WHEN cases_cstm.sla_resolution_status_c IN ' . $running . ' THEN cases_cstm.sla_resolution_due_c END)';
    }

    /**
     * Which target a row shows: the response while it runs, else the resolution.
     *
     * @param array $row a row of the query
     * @return array target ('response' or 'resolution'), status, due
     */
    public static function currentTarget($row)
    {
        $response = (string)SupportSla_Row::value($row, 'sla_response_status_c');
        if (in_array($response, SupportSla_Countdown::RUNNING, true)) {
            return array('target' => 'response', 'status' => $response, 'due' => (string)SupportSla_Row::value($row, 'sla_response_due_c'), );
        }
        return array(
            'target' => 'resolution',
            'status' => (string)SupportSla_Row::value($row, 'sla_resolution_status_c'),
            'due' => (string)SupportSla_Row::value($row, 'sla_resolution_due_c'),
        );
    }
}
