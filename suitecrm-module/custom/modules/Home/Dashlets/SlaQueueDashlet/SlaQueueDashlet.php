<?php
/**
 * The "SLA queue" Home-page dashlet (docs/staff-view.md): the open, covered cases the user may
 * see, breached and at risk first, then by the next due time. Options: my cases, my teams'
 * (security groups) or all; which severities; how many rows.
 *
 * Access is SuiteCRM's: no Cases list access shows a notice; otherwise the query carries
 * SugarBean::buildAccessWhere('list') (owner-only ACL and security groups, as the Cases list
 * view). "My teams" is SecurityGroup::getGroupWhere for the user: cases in a security group the
 * user belongs to. The SQL is SupportSla_Queue's; the HTML SupportSla_QueueView's.
 */
if (!defined('sugarEntry') || !sugarEntry) {
    return;
}

require_once 'include/Dashlets/Dashlet.php';
require_once 'custom/include/SupportSla/SupportSla_QueueView.php';

#[\AllowDynamicProperties]
class SlaQueueDashlet extends Dashlet
{
    public $options = array();

    public function __construct($id, $def = array())
    {
        $this->loadLanguage('SlaQueueDashlet');
        parent::__construct($id);
        $def = is_array($def) ? $def : array();
        $this->options = SupportSla_Queue::options($def);
        $this->isConfigurable = true;
        $this->isRefreshable = true;
        $this->title = empty($def['title']) ? $this->dashletStrings['LBL_TITLE'] : (string)$def['title'];
    }

    public function display()
    {
        global $current_user, $timedate;
        $words = $this->dashletStrings;
        if (!ACLController::checkAccess('Cases', 'list', true)) {
            return parent::display() . '<p>' . SupportSla_Badge::text($words['LBL_NO_ACCESS']) . '</p>';
        }
        $db = DBManagerFactory::getInstance();
        $case = BeanFactory::newBean('Cases');
        $userId = (string)$current_user->id;
        $teamsWhere = '';
        if ($this->options['scope'] === 'teams') {
            require_once 'modules/SecurityGroups/SecurityGroup.php';
            $teamsWhere = SecurityGroup::getGroupWhere($case->table_name, $case->module_dir, $userId);
        }
        $accessWhere = $case->buildAccessWhere('list');
        // Literals, values through $db->quoted(), and SuiteCRM's own access and group conditions.
        $result = $db->limitQuery(SupportSla_Queue::sql($this->options, $userId, $db, $accessWhere, $teamsWhere), 0, $this->options['rows'] + 1, false);
        $rows = array();
        while ($result && ($row = $db->fetchByAssoc($result))) {
            $rows[] = $row;
        }
        $more = count($rows) > $this->options['rows'];
        if ($more) {
            array_pop($rows);
        }
        $labels = array(
            'severity' => self::options('sla_severity_list'),
            'response' => self::options('sla_response_status_list'),
            'resolution' => self::options('sla_resolution_status_list'),
        );
        $format = new SlaQueueDashletDue($timedate, $current_user);
        return parent::display() . SupportSla_QueueView::table(
            $rows,
            $more,
            $words,
            $labels,
            $format,
            SupportSla_Countdown::currentLanguage()
        );
    }

    public function displayOptions()
    {
        return parent::displayOptions() . SupportSla_QueueView::optionsForm(
            $this->id,
            $this->title,
            $this->options,
            $this->dashletStrings,
            self::options('sla_severity_list')
        );
    }

    /** What the options form posted, cleaned (SupportSla_Queue::options), with the title. */
    public function saveOptions($req)
    {
        $req = is_array($req) ? $req : array();
        $options = SupportSla_Queue::options($req);
        $options['title'] = isset($req['title']) ? trim((string)$req['title']) : '';
        return $options;
    }

    private static function options($listName)
    {
        $lists = isset($GLOBALS['app_list_strings']) && is_array($GLOBALS['app_list_strings']) ? $GLOBALS['app_list_strings'] : array();
        $found = array_intersect_key($lists, array($listName => true, ));
        return $found ? (array)reset($found) : array();
    }
}

/** A stored due time (UTC) in the user's time zone and format, as SuiteCRM shows datetimes. */
class SlaQueueDashletDue
{
    private $timedate;
    private $user;

    public function __construct($timedate, $user)
    {
        $this->timedate = $timedate;
        $this->user = $user;
    }

    public function due($dbValue)
    {
        return (string)$this->timedate->to_display_date_time($dbValue, true, true, $this->user);
    }
}
