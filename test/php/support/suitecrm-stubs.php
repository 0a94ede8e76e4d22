<?php
/**
 * Stand-ins for the few SuiteCRM classes the package's plain classes touch at their edges, so
 * the tests can drive them: a logger that records messages, and a database whose getOne answers
 * from a table of canned query results.
 */

class LoggerManager
{
    public static $messages = [];

    public static function getLogger()
    {
        return new class {
            public function __call($level, $arguments)
            {
                LoggerManager::$messages[] = [$level, $arguments[0] ?? ''];
            }
        };
    }
}

class FakeDatabase
{
    /** query => answer */
    public $answers = [];
    public $queries = [];

    public function quoted($value)
    {
        return "'" . str_replace("'", "''", (string)$value) . "'";
    }

    public function getOne($sql)
    {
        $this->queries[] = $sql;
        return array_key_exists($sql, $this->answers) ? $this->answers[$sql] : false;
    }

    /** A query's result is its text; fetchByAssoc answers the canned row for it (query => row). */
    public $rows = [];

    public function query($sql)
    {
        $this->queries[] = $sql;
        return $sql;
    }

    public function fetchByAssoc($result)
    {
        return array_key_exists($result, $this->rows) ? $this->rows[$result] : false;
    }
}

class DBManagerFactory
{
    public static $instance;

    public static function getInstance()
    {
        return self::$instance;
    }
}
