<?php
/** In-memory stand-ins for the installer's SuiteCRM adapters. */

/** Layouts by module and view, as DeployedMetaDataImplementation loads and deploys them. */
class FakeViews
{
    public $layouts = [];
    public $saves = [];

    public function __construct(array $layouts)
    {
        $this->layouts = $layouts;
    }

    public static function stock(): self
    {
        return new self([
            'Cases|detailview' => fixture('cases-detail-stock'),
            'Cases|editview' => fixture('cases-edit-stock'),
            'Cases|quickcreate' => fixture('cases-quickcreate-stock'),
            'Cases|listview' => fixture('cases-list-stock'),
            'Cases|basic_search' => fixture('cases-search-stock'),
            'Accounts|detailview' => fixture('accounts-detail-stock'),
            'Accounts|editview' => fixture('accounts-edit-stock'),
            'Accounts|quickcreate' => fixture('accounts-quickcreate-stock'),
            'Accounts|listview' => fixture('accounts-list-stock'),
            'Accounts|basic_search' => fixture('accounts-search-stock'),
        ]);
    }

    public function load($module, $view)
    {
        return $this->layouts["$module|$view"] ?? null;
    }

    public function save($module, $view, $defs)
    {
        $this->saves[] = "$module|$view";
        $this->layouts["$module|$view"] = $defs;
    }
}

/** Records by module and id with a deleted flag, like SuiteCRM's tables. */
class FakeStore
{
    /** "module|id" => ['values' => [...], 'deleted' => bool] */
    public $rows = [];
    public $writes = [];

    public function state($module, $id)
    {
        $row = $this->rows["$module|$id"] ?? null;
        return $row === null ? 'missing' : ($row['deleted'] ? 'deleted' : 'active');
    }

    public function create($module, $id, $values)
    {
        if ($this->state($module, $id) !== 'missing') {
            throw new LogicException("create of an existing $module $id");
        }
        $this->writes[] = "create $module $id";
        $this->rows["$module|$id"] = ['values' => $values, 'deleted' => false];
    }

    public function restore($module, $id, $values)
    {
        if ($this->state($module, $id) !== 'deleted') {
            throw new LogicException("restore of a $module $id that is not deleted");
        }
        $this->writes[] = "restore $module $id";
        $this->rows["$module|$id"] = ['values' => $values, 'deleted' => false];
    }

    public function update($module, $id, $values)
    {
        if ($this->state($module, $id) !== 'active') {
            throw new LogicException("update of a $module $id that is not active");
        }
        $this->writes[] = "update $module $id";
        $this->rows["$module|$id"]['values'] = $values + $this->rows["$module|$id"]['values'];
    }

    public function delete($module, $id)
    {
        if ($this->state($module, $id) === 'active') {
            $this->writes[] = "delete $module $id";
            $this->rows["$module|$id"]['deleted'] = true;
        }
    }

    public function activeIdsWhere($module, $field, $value)
    {
        $ids = [];
        foreach ($this->rows as $key => $row) {
            [$rowModule, $id] = explode('|', $key, 2);
            if ($rowModule === $module && !$row['deleted'] && ($row['values'][$field] ?? null) === $value) {
                $ids[] = $id;
            }
        }
        return $ids;
    }

    public function active(string $module): array
    {
        $ids = [];
        foreach ($this->rows as $key => $row) {
            [$rowModule, $id] = explode('|', $key, 2);
            if ($rowModule === $module && !$row['deleted']) {
                $ids[] = $id;
            }
        }
        return $ids;
    }
}

class FakePlatform
{
    public $calls = [];
    public $reports = [];
    public $failAcl = false;

    public function ensureAclActions($module)
    {
        if ($this->failAcl) {
            throw new RuntimeException('ACL table unavailable');
        }
        $this->calls[] = "acl $module";
    }

    public function removeRelationshipMetadata($files)
    {
        $this->calls[] = 'relationships ' . implode(',', $files);
    }

    public function reportsOn($module)
    {
        return $this->reports;
    }

    /** table => index name => definition, as the fake database holds them. */
    public $indices = [];

    public function ensureIndex($table, $index)
    {
        $this->indices[$table][$index['name']] = $index;
    }

    public function dropIndex($table, $name)
    {
        $this->calls[] = "drop index $table.$name";
        $held = array_key_exists($name, $this->indices[$table] ?? []);
        unset($this->indices[$table][$name]);
        return $held;
    }
}

/** Views where loading one layout fails, as DeployedMetaDataImplementation throws for a missing view. */
class FailingViews extends FakeViews
{
    public $failing;

    public function __construct(array $layouts, string $failing)
    {
        parent::__construct($layouts);
        $this->failing = $failing;
    }

    public function load($module, $view)
    {
        if ("$module|$view" === $this->failing) {
            throw new Exception("view definitions for View $view and Module $module are missing");
        }
        return parent::load($module, $view);
    }
}
