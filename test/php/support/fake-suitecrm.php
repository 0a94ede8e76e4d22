<?php
/**
 * A pocket SuiteCRM for driving the package's real SuiteCRM adapters (SupportSla_SuiteCrm.php)
 * and its install scripts: BeanFactory beans kept in an in-memory database that answers the few
 * SQL statements the adapters send, and stand-ins for ModuleBuilder's
 * DeployedMetaDataImplementation, ACLAction and ModuleInstaller that record what they are asked.
 * The files the adapters require by SuiteCRM path are in test/php/support/suitecrm-root/.
 */
require_once __DIR__ . '/suitecrm-stubs.php';

final class PocketDb
{
    /** table => id => row */
    public static $tables = [];
    public static $queries = [];

    public function quoted($value)
    {
        return "'" . str_replace("'", "''", (string)$value) . "'";
    }

    public function getOne($sql)
    {
        self::$queries[] = $sql;
        if (preg_match("/^SELECT (\w+) FROM (\w+) WHERE id = '([^']*)'$/", $sql, $m)) {
            $row = self::$tables[$m[2]][$m[3]] ?? null;
            return $row === null ? false : (string)$row[$m[1]];
        }
        if (preg_match("/^SELECT account_id FROM cases WHERE id = '([^']*)' AND deleted = 0$/", $sql, $m)) {
            $row = self::$tables['cases'][$m[1]] ?? null;
            return $row === null || $row['deleted'] ? false : $row['account_id'];
        }
        throw new LogicException("unexpected getOne: $sql");
    }

    public function query($sql)
    {
        self::$queries[] = $sql;
        if (!preg_match("/^SELECT (\w+) FROM (\w+) WHERE (\w+) = '([^']*)' AND deleted = 0$/", $sql, $m)) {
            throw new LogicException("unexpected query: $sql");
        }
        $rows = [];
        foreach (self::$tables[$m[2]] ?? [] as $row) {
            if (!$row['deleted'] && (string)($row[$m[3]] ?? '') === $m[4]) {
                $rows[] = [$m[1] => $row[$m[1]] ?? null];
            }
        }
        return new ArrayIterator($rows);
    }

    /** table => index name => definition (include/database/DBManager.php get_indices, addIndexes, dropIndexes). */
    public static $indices = [];

    public function get_indices($table)
    {
        return self::$indices[$table] ?? [];
    }

    public function addIndexes($table, $indexes, $execute = true)
    {
        foreach ($indexes as $index) {
            self::$indices[$table][$index['name']] = $index;
        }
    }

    public function dropIndexes($table, $indexes, $execute = true)
    {
        foreach ($indexes as $index) {
            unset(self::$indices[$table][$index['name']]);
        }
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


#[\AllowDynamicProperties]
class PocketBean
{
    const TABLES = [
        'AOR_Reports' => 'aor_reports', 'AOR_Fields' => 'aor_fields', 'AOR_Conditions' => 'aor_conditions',
        'AOR_Charts' => 'aor_charts', 'AOW_WorkFlow' => 'aow_workflow', 'AOW_Conditions' => 'aow_conditions',
        'AOW_Actions' => 'aow_actions', 'EmailTemplates' => 'email_templates',
    ];
    /** What $_POST held during each save. */
    public static $postsSeen = [];

    public $module_dir;
    public $table_name;
    public $id;
    public $new_with_id = false;

    public function __construct($module)
    {
        $this->module_dir = $module;
        $this->table_name = self::TABLES[$module];
    }

    public function save()
    {
        self::$postsSeen[] = $_POST;
        $table = &PocketDb::$tables[$this->table_name];
        if ($this->new_with_id && isset($table[$this->id])) {
            return $this->id; // SuiteCRM's insert of an existing (soft-deleted) id changes nothing.
        }
        $row = ['deleted' => 0];
        foreach (get_object_vars($this) as $name => $value) {
            if (!in_array($name, ['module_dir', 'table_name', 'new_with_id'], true)) {
                $row[$name] = $value;
            }
        }
        $table[$this->id] = $row + ($table[$this->id] ?? []);
        return $this->id;
    }

    public function retrieve($id)
    {
        $row = PocketDb::$tables[$this->table_name][$id] ?? null;
        if ($row === null || $row['deleted']) {
            return null;
        }
        foreach ($row as $name => $value) {
            if ($name !== 'deleted') {
                $this->$name = $value;
            }
        }
        return $this;
    }

    public function mark_deleted($id)
    {
        PocketDb::$tables[$this->table_name][$id]['deleted'] = 1;
    }

    public function mark_undeleted($id)
    {
        PocketDb::$tables[$this->table_name][$id]['deleted'] = 0;
    }
}

final class BeanFactory
{
    /** module => bean a test hands out for it (other modules than the pocket's). */
    public static $beans = [];

    public static function newBean($module)
    {
        if (isset(self::$beans[$module])) {
            return self::$beans[$module];
        }
        return isset(PocketBean::TABLES[$module]) ? new PocketBean($module) : false;
    }
}

/** Layouts by "module|view"; deploy() records what was written. */
final class PocketLayouts
{
    public static $layouts = [];
    public static $deployed = [];
}

final class PocketCalls
{
    public static $calls = [];
}
