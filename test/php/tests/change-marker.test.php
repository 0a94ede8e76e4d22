<?php
/**
 * The change marker's after_save hooks (SupportSla_ChangeMarker): one fixed UPDATE per module,
 * and the row created on the first save after install. The fake database follows DBManager's
 * query() and getAffectedRowCount() (SuiteCRM 7.14 include/database/DBManager.php,
 * MysqliManager.php: mysqli_affected_rows of the last statement).
 */
require_once PACKAGE_ROOT . '/custom/include/SupportSla/SupportSla_ChangeMarker.php';

final class MarkerFakeDb
{
    public $statements = [];
    public $row = null;
    private $affected = 0;

    public function quoted($value)
    {
        return "'" . $value . "'";
    }

    public function query($sql)
    {
        $this->statements[] = $sql;
        if (strpos($sql, 'INSERT INTO sla_changemarkers') === 0) {
            $this->row = ['account_saves' => 0, 'case_saves' => 0, 'time_entry_saves' => 0];
            $this->affected = 1;
            return true;
        }
        $this->affected = 0;
        if ($this->row !== null) {
            foreach (['account_saves', 'case_saves', 'time_entry_saves'] as $field) {
                if (strpos($sql, "SET $field = 1 + $field") !== false) {
                    $this->row[$field]++;
                    $this->affected = 1;
                }
            }
        }
        return true;
    }

    public function getAffectedRowCount($result)
    {
        return $this->affected;
    }
}

final class MarkerFakeTimeDate
{
    public function nowDb()
    {
        return '2026-12-07 16:20:00';
    }
}

function withMarkerDb(): MarkerFakeDb
{
    $GLOBALS['db'] = new MarkerFakeDb();
    $GLOBALS['timedate'] = new MarkerFakeTimeDate();
    return $GLOBALS['db'];
}

test('each module bumps its own counter with one fixed statement', function () {
    $db = withMarkerDb();
    $db->row = ['account_saves' => 0, 'case_saves' => 4, 'time_entry_saves' => 0];
    $hook = new SupportSla_ChangeMarker();
    $hook->afterCaseSave(null, 'after_save', []);
    $hook->afterTimeEntrySave(null, 'after_save', []);
    $hook->afterAccountSave(null, 'after_save', []);
    same(['account_saves' => 1, 'case_saves' => 5, 'time_entry_saves' => 1], $db->row);
    same(
        "UPDATE sla_changemarkers SET case_saves = 1 + case_saves, date_modified = '2026-12-07 16:20:00' WHERE id = '5a1a0c4e-0000-4000-8000-000000000001'",
        $db->statements[0]
    );
    same(3, count($db->statements));
});

test('the first save after install creates the row, then counts itself', function () {
    $db = withMarkerDb();
    (new SupportSla_ChangeMarker())->afterCaseSave(null, 'after_save', []);
    same(['account_saves' => 0, 'case_saves' => 1, 'time_entry_saves' => 0], $db->row);
    same(3, count($db->statements));
    same(0, strpos($db->statements[1], 'INSERT INTO sla_changemarkers'));
});

test('a failing database never stops the save', function () {
    $GLOBALS['db'] = new class {
        public function quoted($value)
        {
            return "'" . $value . "'";
        }

        public function query($sql)
        {
            throw new Exception('table sla_changemarkers does not exist');
        }
    };
    $GLOBALS['timedate'] = new MarkerFakeTimeDate();
    $logged = new class {
        public $lines = [];

        public function error($line)
        {
            $this->lines[] = $line;
        }
    };
    $GLOBALS['log'] = $logged;
    (new SupportSla_ChangeMarker())->afterAccountSave(null, 'after_save', []);
    same(['SLA support: the change marker was not bumped: table sla_changemarkers does not exist'], $logged->lines);
    unset($GLOBALS['log']);
});
