<?php
/**
 * The SLA queue dashlet's query and HTML (SupportSla_Queue, SupportSla_QueueView). Access comes
 * in as SuiteCRM builds it (data/SugarBean.php buildAccessWhere('list'),
 * modules/SecurityGroups/SecurityGroup.php getGroupWhere); the query plan on MariaDB is in
 * test/integration/package/sla-queue-plan.test.ts.
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_QueueView.php';

/** Quotes as SuiteCRM's DBManager::quoted does for MySQL (the quote doubled is enough here). */
final class QueueQuotingDb
{
    public function quoted($value)
    {
        return "'" . str_replace("'", "''", (string)$value) . "'";
    }
}

test('queue options: unknown scope is mine, unknown severities dropped, rows from the choices', function () {
    same(['scope' => 'mine', 'severities' => [], 'rows' => 20], SupportSla_Queue::options([]));
    same(['scope' => 'mine', 'severities' => [], 'rows' => 20], SupportSla_Queue::options(null));
    same(
        ['scope' => 'teams', 'severities' => ['1', '3'], 'rows' => 50],
        SupportSla_Queue::options(['scope' => 'teams', 'severities' => ['3', '9', "1' OR 1=1", '1'], 'rows' => '50'])
    );
    same('mine', SupportSla_Queue::options(['scope' => 'everyone'])['scope']);
    same(20, SupportSla_Queue::options(['rows' => 1000])['rows']);
    same([], SupportSla_Queue::options(['severities' => 'x'])['severities']);
});

test('queue sql: open, covered, not deleted; severities quoted; my cases by assigned user', function () {
    $sql = SupportSla_Queue::sql(['scope' => 'mine', 'severities' => ['1', '2']], "u'1", new QueueQuotingDb(), '', '');
    truthy(strpos($sql, " WHERE cases.deleted = 0 AND cases.state = 'Open' AND cases_cstm.sla_coverage_c = 'covered'"
        . " AND cases_cstm.sla_effective_severity_c IN ('1', '2') AND cases.assigned_user_id = 'u''1' ORDER BY ") !== false, $sql);
    truthy(strpos($sql, ' FROM cases INNER JOIN cases_cstm ON cases_cstm.id_c = cases.id LEFT JOIN accounts ON accounts.id = cases.account_id AND accounts.deleted = 0') !== false, $sql);
    same(false, strpos(SupportSla_Queue::sql(['scope' => 'all'], 'u1', new QueueQuotingDb(), '', ''), 'assigned_user_id ='), 'all: no user filter');
    same(false, strpos(SupportSla_Queue::sql(['scope' => 'all'], 'u1', new QueueQuotingDb(), '', ''), 'sla_effective_severity_c IN'), 'no severities: all');
});

test('queue sql: my teams is the security-group condition; the access condition always applies', function () {
    $teams = " EXISTS (SELECT 1 FROM securitygroups secg WHERE secr.record_id = cases.id) ";
    $access = " (cases.assigned_user_id ='u1' or EXISTS (SELECT 1 FROM x)) ";
    $sql = SupportSla_Queue::sql(['scope' => 'teams'], 'u1', new QueueQuotingDb(), $access, $teams);
    truthy(strpos($sql, "AND (EXISTS (SELECT 1 FROM securitygroups secg WHERE secr.record_id = cases.id)) AND ((cases.assigned_user_id ='u1' or EXISTS (SELECT 1 FROM x))) ORDER BY") !== false, $sql);
    $sql = SupportSla_Queue::sql(['scope' => 'all'], 'u1', new QueueQuotingDb(), $access, $teams);
    same(false, strpos($sql, 'securitygroups secg'), 'the teams condition only for my teams');
    truthy(strpos($sql, "AND ((cases.assigned_user_id ='u1'") !== false, 'access applies to all too');
});

test('queue sql: breached, then at risk, then the running due time with blanks last, then the number', function () {
    $sql = SupportSla_Queue::sql([], 'u1', new QueueQuotingDb(), '', '');
    $order = substr($sql, strpos($sql, ' ORDER BY ') + 10);
    same(SupportSla_Queue::rank() . ', ' . SupportSla_Queue::nextDue() . ' IS NULL, ' . SupportSla_Queue::nextDue() . ', cases.case_number', $order);
    truthy(strpos(SupportSla_Queue::rank(), "= 'breached' THEN 0") < strpos(SupportSla_Queue::rank(), "= 'at_risk' THEN 1"), 'breached before at risk');
    same("(CASE WHEN cases_cstm.sla_response_status_c IN ('pending', 'at_risk', 'breached') THEN cases_cstm.sla_response_due_c"
        . " WHEN cases_cstm.sla_resolution_status_c IN ('pending', 'at_risk', 'breached') THEN cases_cstm.sla_resolution_due_c END)", SupportSla_Queue::nextDue());
});

test('queue target: the response while it runs, else the resolution', function () {
    same(['target' => 'response', 'status' => 'at_risk', 'due' => '2026-12-07 10:00:00'], SupportSla_Queue::currentTarget([
        'sla_response_status_c' => 'at_risk', 'sla_response_due_c' => '2026-12-07 10:00:00',
        'sla_resolution_status_c' => 'pending', 'sla_resolution_due_c' => '2026-12-09 10:00:00',
    ]));
    same(['target' => 'resolution', 'status' => 'breached', 'due' => '2026-12-09 10:00:00'], SupportSla_Queue::currentTarget([
        'sla_response_status_c' => 'met', 'sla_response_due_c' => '2026-12-07 10:00:00',
        'sla_resolution_status_c' => 'breached', 'sla_resolution_due_c' => '2026-12-09 10:00:00',
    ]));
});

final class QueueDueFormat
{
    public function due($db)
    {
        return 'user:' . $db;
    }
}

function queueWords(string $language): array
{
    $dashletStrings = [];
    require PACKAGE_ROOT . "/custom/modules/Home/Dashlets/SlaQueueDashlet/SlaQueueDashlet.$language.lang.php";
    return $dashletStrings['SlaQueueDashlet'];
}

test('queue view: a row per case with number link, subject, account, severity, badge and countdown', function () {
    $rows = [
        ['id' => 'c1', 'case_number' => '101', 'name' => 'Login &lt;broken&gt;', 'account_name' => 'O&#039;Brien', 'sla_effective_severity_c' => '1',
         'sla_response_status_c' => 'breached', 'sla_response_due_c' => '2026-12-07 10:00:00', 'sla_resolution_status_c' => 'pending',
         'sla_resolution_due_c' => '2026-12-09 10:00:00', 'sla_data_problem_c' => ''],
        ['id' => 'c2', 'case_number' => '102', 'name' => 'Slow', 'account_name' => '', 'sla_effective_severity_c' => '3',
         'sla_response_status_c' => 'met', 'sla_response_due_c' => '2026-12-07 10:00:00', 'sla_resolution_status_c' => 'met',
         'sla_resolution_due_c' => '2026-12-09 10:00:00', 'sla_data_problem_c' => ''],
    ];
    $labels = ['severity' => ['1' => 'Sev 1', '3' => 'Sev 3'], 'response' => ['breached' => 'Breached'], 'resolution' => ['met' => 'Met']];
    $html = SupportSla_QueueView::table($rows, true, queueWords('en_us'), $labels, new QueueDueFormat(), 'en_us');
    truthy(strpos($html, '<a href="index.php?module=Cases&amp;action=DetailView&amp;record=c1">101</a></td><td>Login &lt;broken&gt;</td><td>O&#039;Brien</td><td>Sev 1</td>') !== false, $html);
    truthy(strpos($html, '<span class="sla-queue-target">Response</span> ' . SupportSla_Badge::html('breached', 'Breached', '')) !== false, 'response badge');
    truthy(strpos($html, 'user:2026-12-07 10:00:00' . SupportSla_Countdown::span('2026-12-07 10:00:00', 'en_us')) !== false, 'due and countdown');
    truthy(strpos($html, '<span class="sla-queue-target">Resolution</span> ' . SupportSla_Badge::html('met', 'Met', '') . '</td><td>user:2026-12-09 10:00:00</td>') !== false, 'met: due, no countdown');
    same(1, substr_count($html, '<script'), 'one script for the table');
    truthy(strpos($html, 'More cases wait') !== false, 'says when more match');
    foreach (['Number', 'Subject', 'Account', 'Severity', 'SLA', 'Due'] as $heading) {
        truthy(strpos($html, "<th scope=\"col\">$heading</th>") !== false, $heading);
    }
});

test('queue view: empty in English and Spanish; every English word has a Spanish one', function () {
    same('<p class="sla-queue-empty">No open, covered cases.</p>', SupportSla_QueueView::table([], false, queueWords('en_us'), [], null, 'en_us'));
    same('<p class="sla-queue-empty">No hay casos abiertos con cobertura.</p>', SupportSla_QueueView::table([], false, queueWords('es_ES'), [], null, 'es_ES'));
    same(array_keys(queueWords('en_us')), array_keys(queueWords('es_ES')));
    same('Cola SLA', queueWords('es_ES')['LBL_TITLE']);
});

test('queue options form: posts to ConfigureDashlet with the saved choices selected', function () {
    $html = SupportSla_QueueView::optionsForm('d-1', 'My "queue"', ['scope' => 'teams', 'severities' => ['2'], 'rows' => 50], queueWords('en_us'), ['1' => 'Sev 1', '2' => 'Sev 2']);
    truthy(strpos($html, '<input type="hidden" name="action" value="ConfigureDashlet">') !== false, 'action');
    truthy(strpos($html, 'value="My &quot;queue&quot;"') !== false, 'title escaped');
    truthy(strpos($html, '<option value="teams" selected="selected">My teams&#039; cases (security groups)</option>') !== false, $html);
    truthy(strpos($html, 'name="severities[]" value="2" checked="checked"> Sev 2') !== false, 'severity 2 ticked');
    truthy(strpos($html, 'name="severities[]" value="1"> Sev 1') !== false, 'severity 1 not ticked');
    truthy(strpos($html, '<option value="50" selected="selected">50</option>') !== false, 'rows');
});
