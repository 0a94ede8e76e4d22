<?php
/**
 * The SLA queue dashlet class (SlaQueueDashlet) around stand-ins for SuiteCRM 7.14's Dashlet
 * (include/Dashlets/Dashlet.php), ACLController::checkAccess, SecurityGroup::getGroupWhere,
 * the Case bean's buildAccessWhere (data/SugarBean.php) and DBManager: the ACL notice, the
 * access and group conditions in the query it sends, the row limit, the options it saves.
 */
require_once __DIR__ . '/../support/fake-suitecrm.php';
$savedIncludePath = get_include_path();
// The dashlet requires SuiteCRM files by SuiteCRM path: the stand-ins, then the package.
set_include_path(__DIR__ . '/../support/suitecrm-root' . PATH_SEPARATOR . PACKAGE_ROOT . PATH_SEPARATOR . $savedIncludePath);

if (!class_exists('ACLController')) {
    class ACLController
    {
        public static $allowed = true;
        public static $asked = [];

        public static function checkAccess($category, $action, $is_owner = false)
        {
            self::$asked[] = [$category, $action, $is_owner];
            return self::$allowed;
        }
    }
}

final class DashletDb
{
    public $sql = [];
    public $rows = [];

    public function quoted($value)
    {
        return "'" . str_replace("'", "''", (string)$value) . "'";
    }

    public function limitQuery($sql, $start, $count, $dieOnError = false)
    {
        $this->sql[] = [$sql, $start, $count];
        return new ArrayIterator(array_slice($this->rows, $start, $count));
    }

    public function fetchByAssoc($result)
    {
        if (!$result->valid()) {
            return false;
        }
        $row = $result->current();
        $result->next();
        return $row;
    }
}

final class DashletCaseBean
{
    public $table_name = 'cases';
    public $module_dir = 'Cases';
    public $access = " cases.assigned_user_id ='u1' ";

    public function buildAccessWhere($view)
    {
        return $view === 'list' ? $this->access : 'wrong view';
    }
}

final class DashletTimeDate
{
    public function to_display_date_time($date, $meridiem = true, $convert_tz = true, $user = null)
    {
        return "shown($date)";
    }
}

require_once PACKAGE_ROOT . '/custom/modules/Home/Dashlets/SlaQueueDashlet/SlaQueueDashlet.php';
require_once 'modules/SecurityGroups/SecurityGroup.php';
set_include_path($savedIncludePath);

function dashletWorld(int $rows): DashletDb
{
    $GLOBALS['current_user'] = (object)['id' => 'u1'];
    $GLOBALS['current_language'] = 'en_us';
    $GLOBALS['timedate'] = new DashletTimeDate();
    $GLOBALS['app_list_strings'] = ['sla_severity_list' => ['1' => 'Sev 1'], 'sla_response_status_list' => ['breached' => 'Breached'], 'sla_resolution_status_list' => []];
    ACLController::$allowed = true;
    SecurityGroup::$calls = [];
    $db = new DashletDb();
    for ($i = 1; $i <= $rows; $i++) {
        $db->rows[] = ['id' => "c$i", 'case_number' => (string)$i, 'name' => "Case $i", 'account_name' => 'Acme', 'sla_effective_severity_c' => '1',
            'sla_response_status_c' => 'breached', 'sla_response_due_c' => '2026-12-07 10:00:00', 'sla_resolution_status_c' => 'pending',
            'sla_resolution_due_c' => '2026-12-09 10:00:00', 'sla_data_problem_c' => ''];
    }
    DBManagerFactory::$instance = $db;
    BeanFactory::$beans['Cases'] = new DashletCaseBean();
    return $db;
}

test('dashlet: without list access to Cases, a notice and no query', function () {
    $db = dashletWorld(3);
    ACLController::$allowed = false;
    $html = (new SlaQueueDashlet('d1', []))->display();
    same('<dashlet header><p>You do not have access to cases.</p>', $html);
    same([], $db->sql);
    same([['Cases', 'list', true]], array_slice(ACLController::$asked, -1));
});

test('dashlet: my cases by default, with the Cases access condition, one row more than it shows', function () {
    $db = dashletWorld(25);
    $dashlet = new SlaQueueDashlet('d1', []);
    same('SLA queue', $dashlet->title);
    $html = $dashlet->display();
    same(1, count($db->sql));
    [$sql, $start, $count] = $db->sql[0];
    same([0, 21], [$start, $count]);
    same(SupportSla_Queue::sql(['scope' => 'mine'], 'u1', $db, " cases.assigned_user_id ='u1' ", ''), $sql);
    same([], SecurityGroup::$calls, 'no group condition for my cases');
    same(20, substr_count($html, '<tr class="oddListRowS1">'));
    truthy(strpos($html, 'More cases wait') !== false, 'says more wait');
    truthy(strpos($html, 'shown(2026-12-07 10:00:00)') !== false, 'due in the user\'s format');
});

test('dashlet: my teams asks SecurityGroup for the user\'s groups; saved options are cleaned', function () {
    $db = dashletWorld(2);
    // display() requires modules/SecurityGroups/SecurityGroup.php by SuiteCRM path for my teams.
    set_include_path(__DIR__ . '/../support/suitecrm-root' . PATH_SEPARATOR . get_include_path());
    try {
        (new SlaQueueDashlet('d1', ['scope' => 'teams', 'severities' => ['1'], 'rows' => 10, 'title' => 'Mine']))->display();
    } finally {
        set_include_path($GLOBALS['savedIncludePath']);
    }
    same([['cases', 'Cases', 'u1']], SecurityGroup::$calls);
    truthy(strpos($db->sql[0][0], '(EXISTS (group of u1 on cases))') !== false, $db->sql[0][0]);
    same(11, $db->sql[0][2]);
    $dashlet = new SlaQueueDashlet('d1', []);
    same(
        ['scope' => 'all', 'severities' => ['2'], 'rows' => 20, 'title' => 'Queue'],
        $dashlet->saveOptions(['scope' => 'all', 'severities' => ['2', 'x'], 'rows' => '7', 'title' => ' Queue ', 'module' => 'Home'])
    );
    truthy(strpos($dashlet->displayOptions(), '<options header><div style="width:500px"><form name="configure_d1"') === 0, 'the options form');
});

test('dashlet: in Spanish', function () {
    dashletWorld(0);
    $GLOBALS['current_language'] = 'es_ES';
    $dashlet = new SlaQueueDashlet('d1', []);
    same('Cola SLA', $dashlet->title);
    same('<dashlet header><p class="sla-queue-empty">No hay casos abiertos con cobertura.</p>', $dashlet->display());
    $GLOBALS['current_language'] = 'en_us';
});

test('dashlet: a case whose SLA the bridge has not caught up with says so, with no old badge or due time', function () {
    $db = dashletWorld(2);
    $db->rows[0]['sla_input_stamp_c'] = '2026-12-07 14:05:09#2';
    $db->rows[0]['sla_input_seen_c'] = '2026-12-07 12:53:27#1';
    $db->rows[1]['sla_input_stamp_c'] = '2026-12-07 12:53:27#1';
    $db->rows[1]['sla_input_seen_c'] = '2026-12-07 12:53:27#1';
    $html = (new SlaQueueDashlet('d1', []))->display();
    truthy(strpos($db->sql[0][0], 'cases_cstm.sla_input_stamp_c, cases_cstm.sla_input_seen_c') !== false, 'the query fetches both');
    [$first, $second] = array_slice(explode('<tr class="oddListRowS1">', $html), 1);
    truthy(strpos($first, '<span class="sla-being-updated"') !== false && strpos($first, 'SLA being updated…') !== false, $first);
    same(false, strpos($first, 'sla-badge-breached'), 'no old badge');
    same(false, strpos($first, 'shown(2026-12-07 10:00:00)'), 'no old due time');
    truthy(strpos($second, 'sla-badge-breached') !== false, 'caught up: the badge');
    $GLOBALS['current_language'] = 'es_ES';
    $db->rows = array_slice($db->rows, 0, 1);
    truthy(strpos((new SlaQueueDashlet('d1', []))->display(), 'SLA en actualización…') !== false, 'Spanish');
    $GLOBALS['current_language'] = 'en_us';
});
