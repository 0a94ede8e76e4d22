<?php
/**
 * Rule R2 on Accounts and time entries (SupportSla_OwnedSave, the Accounts hook and the time
 * entries' hook): a person's save puts every bridge-written field back to its stored value, a
 * person's create leaves them blank, and API saves (the bridge) keep what they bring. The person
 * case follows SuiteCRM 8's record view, which posts every attribute it loaded
 * (SuiteCRM-Core core/app/core/src/lib/store/record/graphql/api.record.save.ts, saved by
 * core/backend/Data/LegacyHandler/RecordHandler.php saveRecord()).
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_AccountHook.php';
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_TimeEntryHook.php';
require_once __DIR__ . '/../support/fake-bean.php';
require_once __DIR__ . '/../support/suitecrm-stubs.php';

/** An account as stored: the bridge's contract state and hours, and a person's plan. */
function storedAccount(): array
{
    return [
        'id' => 'acc-1',
        'name' => 'O&#039;Brien Ltd',
        'sla_plan_c' => 'gold',
        'sla_term_start_c' => '2026-01-01',
        'sla_term_end_c' => '2026-12-31',
        'sla_reserved_hours_effective_c' => '40.00',
        'sla_hours_used_c' => '12.50',
        'sla_hours_remaining_c' => '27.50',
        'sla_hours_state_c' => 'ok',
        'sla_contract_state_c' => 'active',
        'sla_next_renewal_c' => '2027-01-01',
        'sla_refund_window_end_c' => null,
        'sla_data_problem_c' => '',
    ];
}

/** What an 8.x record view posts for that account when the page was loaded before the bridge's last pass. */
function stalePostedAccount(): array
{
    return [
        'id' => 'acc-1',
        'name' => "O'Brien Ltd",
        'sla_plan_c' => 'platinum',
        'sla_term_start_c' => '2025-01-01',
        'sla_term_end_c' => '2025-12-31',
        'sla_reserved_hours_effective_c' => '20',
        'sla_hours_used_c' => '0',
        'sla_hours_remaining_c' => '40',
        'sla_hours_state_c' => 'ok',
        'sla_contract_state_c' => 'none',
        'sla_next_renewal_c' => '',
        'sla_refund_window_end_c' => '2026-01-15',
        'sla_data_problem_c' => 'stale',
    ];
}

function storedEntry(): array
{
    return [
        'id' => 'te-1',
        'hours' => '1.50',
        'term_start' => '2026-01-01',
        'counts_against_plan' => '1',
        'data_problem' => '',
    ];
}

/** Runs $body with $_SERVER and $_REQUEST as one request sets them. */
function inRequest(array $server, callable $body)
{
    $savedServer = $_SERVER;
    $savedRequest = $_REQUEST;
    $_SERVER = $server + $_SERVER;
    $_REQUEST = [];
    try {
        return $body();
    } finally {
        $_SERVER = $savedServer;
        $_REQUEST = $savedRequest;
    }
}

const GRAPHQL = ['REQUEST_URI' => '/api/graphql', 'SCRIPT_NAME' => '/index.php'];
const V8_API = ['REQUEST_URI' => '/legacy/Api/V8/module', 'SCRIPT_NAME' => '/legacy/Api/index.php'];

function pick(object $bean, array $fields): array
{
    $values = [];
    foreach ($fields as $field) {
        $values[$field] = $bean->$field ?? null;
    }
    return $values;
}

test('the owned fields are the catalogue\'s bridge fields of each module', function () {
    same(
        ['sla_term_start_c', 'sla_term_end_c', 'sla_reserved_hours_effective_c', 'sla_hours_used_c', 'sla_hours_remaining_c', 'sla_hours_state_c',
            'sla_contract_state_c', 'sla_next_renewal_c', 'sla_refund_window_end_c', 'sla_data_problem_c'],
        SupportSla_OwnedFields::ownedFields('Accounts')
    );
    same(['term_start', 'counts_against_plan', 'data_problem'], SupportSla_OwnedFields::ownedFields('SLA_TimeEntries'));
});

test('account, person save: every bridge field goes back to the stored value, the person\'s fields are kept', function () {
    $bean = new FakeBean(stalePostedAccount(), storedAccount());
    same(true, SupportSla_OwnedSave::apply($bean, 'Accounts', 'person'));
    $owned = SupportSla_OwnedFields::ownedFields('Accounts');
    same(pick((object)storedAccount(), $owned), pick($bean, $owned));
    same('platinum', $bean->sla_plan_c, 'a staff field is the person\'s');
    same("O'Brien Ltd", $bean->name, 'a stock field is untouched');
    same(0, $bean->saves);
});

test('account, person save: a value equal once entities are decoded is left as posted', function () {
    $stored = storedAccount();
    $stored['sla_data_problem_c'] = 'term &quot;2026&quot; overlaps';
    $posted = $stored;
    $posted['sla_data_problem_c'] = 'term "2026" overlaps';
    $bean = new FakeBean($posted, $stored);
    SupportSla_OwnedSave::apply($bean, 'Accounts', 'person');
    same('term "2026" overlaps', $bean->sla_data_problem_c);
});

test('account, API save (the bridge): the values it brings are kept', function () {
    $bean = new FakeBean(stalePostedAccount(), storedAccount());
    same(false, SupportSla_OwnedSave::apply($bean, 'Accounts', 'api'));
    same(stalePostedAccount(), pick($bean, array_keys(stalePostedAccount())));
});

test('account, cron, import and workflow saves are not restricted', function () {
    foreach (['cron', 'import', 'workflow'] as $actor) {
        $bean = new FakeBean(['sla_contract_state_c' => 'expired'], storedAccount());
        same(false, SupportSla_OwnedSave::apply($bean, 'Accounts', $actor), $actor);
        same('expired', $bean->sla_contract_state_c, $actor);
    }
});

test('account, person create: every bridge field is blank, a duplicate\'s copied values included', function () {
    $copied = storedAccount();
    unset($copied['id']);
    $bean = new FakeBean($copied, false);
    SupportSla_OwnedSave::apply($bean, 'Accounts', 'person');
    foreach (SupportSla_OwnedFields::ownedFields('Accounts') as $field) {
        same(null, $bean->$field, $field);
    }
    same('gold', $bean->sla_plan_c);
});

test('a second save of the same object in one request is not restricted again', function () {
    $bean = new FakeBean(['sla_contract_state_c' => 'none'], storedAccount());
    SupportSla_OwnedSave::apply($bean, 'Accounts', 'person');
    same('active', $bean->sla_contract_state_c);
    $bean->sla_contract_state_c = 'expired';
    same(false, SupportSla_OwnedSave::apply($bean, 'Accounts', 'person'));
    same('expired', $bean->sla_contract_state_c);
});

test('the Accounts hook: an 8.x record view save (GraphQL) reverts nothing the bridge wrote', function () {
    $bean = new FakeBean(stalePostedAccount(), storedAccount());
    inRequest(GRAPHQL, function () use ($bean) {
        (new SupportSla_AccountHook())->beforeSave($bean, 'before_save', []);
    });
    same('active', $bean->sla_contract_state_c);
    same('12.50', $bean->sla_hours_used_c);
    same(null, $bean->sla_refund_window_end_c);
    same('platinum', $bean->sla_plan_c);
});

test('the Accounts hook: a V8 API save keeps the bridge\'s values', function () {
    $bean = new FakeBean(['sla_contract_state_c' => 'expired', 'sla_hours_used_c' => '41'], storedAccount());
    inRequest(V8_API, function () use ($bean) {
        (new SupportSla_AccountHook())->beforeSave($bean, 'before_save', []);
    });
    same('expired', $bean->sla_contract_state_c);
    same('41', $bean->sla_hours_used_c);
});

test('the Accounts hook: a person\'s create from the 8.x UI starts with blank bridge fields', function () {
    $bean = new FakeBean(['name' => 'New Ltd', 'sla_contract_state_c' => 'none', 'sla_hours_state_c' => ''], false);
    inRequest(GRAPHQL, function () use ($bean) {
        (new SupportSla_AccountHook())->beforeSave($bean, 'before_save', []);
    });
    same(null, $bean->sla_contract_state_c);
    same(null, $bean->sla_hours_state_c);
    same('New Ltd', $bean->name);
});

/** A bean that fails when the hook reads it. */
#[\AllowDynamicProperties]
class UnreadableAccount
{
    public $id = 'acc-9';
    public $fetched_row = ['id' => 'acc-9'];

    public function __isset($name)
    {
        throw new RuntimeException("cannot read $name");
    }
}

test('the Accounts hook: a failure is logged and does not stop the save', function () {
    LoggerManager::$messages = [];
    inRequest(GRAPHQL, function () {
        (new SupportSla_AccountHook())->beforeSave(new UnreadableAccount(), 'before_save', []);
    });
    same(1, count(LoggerManager::$messages));
    same('fatal', LoggerManager::$messages[0][0]);
    truthy(strpos(LoggerManager::$messages[0][1], 'account acc-9') !== false, 'the message names the account');
});

test('the time entries\' hook: a person\'s save restores term start, counts against plan and data problem', function () {
    $bean = new FakeBean(
        ['id' => 'te-1', 'hours' => '2', 'term_start' => '', 'counts_against_plan' => 'false', 'data_problem' => 'x'],
        storedEntry()
    );
    inRequest(GRAPHQL, function () use ($bean) {
        (new SupportSla_TimeEntryHook())->beforeSave($bean, 'before_save', []);
    });
    same(['hours' => '2', 'term_start' => '2026-01-01', 'counts_against_plan' => '1', 'data_problem' => ''],
        pick($bean, ['hours', 'term_start', 'counts_against_plan', 'data_problem']));
});

test('the time entries\' hook: an API save keeps the bridge\'s values', function () {
    $bean = new FakeBean(['id' => 'te-1', 'term_start' => '2027-01-01', 'counts_against_plan' => '0', 'data_problem' => 'no term'], storedEntry());
    inRequest(V8_API, function () use ($bean) {
        (new SupportSla_TimeEntryHook())->beforeSave($bean, 'before_save', []);
    });
    same(['term_start' => '2027-01-01', 'counts_against_plan' => '0', 'data_problem' => 'no term'],
        pick($bean, ['term_start', 'counts_against_plan', 'data_problem']));
});

test('the time entries\' hook: a person\'s create blanks the bridge fields and still fills the account', function () {
    $db = new FakeDatabase();
    $db->answers["SELECT account_id FROM cases WHERE id = 'c1' AND deleted = 0"] = 'acc-1';
    DBManagerFactory::$instance = $db;
    $bean = new FakeBean(
        ['id' => '', 'case_id' => 'c1', 'account_id' => '', 'hours' => '1', 'term_start' => '2026-01-01', 'counts_against_plan' => '1', 'data_problem' => 'copied'],
        false
    );
    inRequest(GRAPHQL, function () use ($bean) {
        (new SupportSla_TimeEntryHook())->beforeSave($bean, 'before_save', []);
    });
    same(['term_start' => null, 'counts_against_plan' => null, 'data_problem' => null, 'account_id' => 'acc-1'],
        pick($bean, ['term_start', 'counts_against_plan', 'data_problem', 'account_id']));
});
