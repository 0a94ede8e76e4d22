<?php
/**
 * The SuiteCRM side of SupportSla_Installer: layouts through ModuleBuilder's
 * DeployedMetaDataImplementation (what Studio and its parsers read and write with: it starts from
 * the admin's custom layout when there is one, and deploying keeps a copy under custom/history),
 * records through BeanFactory, and two platform steps. Loaded only inside SuiteCRM.
 */

class SupportSla_StudioViews
{
    /** The implementation last loaded, reused to save the same view (no variable array keys: scanner). */
    private $lastView = '';
    private $lastImplementation = null;

    /**
     * @param string $module
     * @param string $view detailview, editview, quickcreate, listview or basic_search
     * @return array|null the layout as Studio keeps it
     */
    public function load($module, $view)
    {
        // DeployedMetaDataImplementation dies (sugar_die) on a module SuiteCRM has not loaded yet.
        $beans = isset($GLOBALS['beanList']) && is_array($GLOBALS['beanList']) ? $GLOBALS['beanList'] : array();
        if (!array_key_exists($module, $beans)) {
            return null;
        }
        $implementation = $this->implementation($module, $view, true);
        return $implementation->getViewdefs();
    }

    /**
     * @param string $module
     * @param string $view
     * @param array $defs
     * @return void
     */
    public function save($module, $view, $defs)
    {
        $this->implementation($module, $view, false)->deploy($defs);
    }

    private function implementation($module, $view, $fresh)
    {
        $key = $module . '|' . $view;
        if ($fresh || $this->lastView !== $key || $this->lastImplementation === null) {
            require_once 'modules/ModuleBuilder/parsers/constants.php';
            require_once 'modules/ModuleBuilder/parsers/views/DeployedMetaDataImplementation.php';
            $this->lastImplementation = new DeployedMetaDataImplementation($view, $module);
            $this->lastView = $key;
        }
        return $this->lastImplementation;
    }
}

class SupportSla_BeanStore
{
    /** @return string missing, active or deleted */
    public function state($module, $id)
    {
        $bean = $this->newBean($module);
        $db = DBManagerFactory::getInstance();
        $deleted = $db->getOne('SELECT deleted FROM ' . $bean->table_name . ' WHERE id = ' . $db->quoted($id));
        if ($deleted === false || $deleted === null) {
            return 'missing';
        }
        return (int)$deleted === 1 ? 'deleted' : 'active';
    }

    public function create($module, $id, $values)
    {
        $bean = $this->newBean($module);
        $bean->new_with_id = true;
        $bean->id = $id;
        $this->saveWith($bean, $values);
    }

    /** Undeletes first: save() on the id of a soft-deleted row changes nothing. */
    public function restore($module, $id, $values)
    {
        $this->newBean($module)->mark_undeleted($id);
        $this->update($module, $id, $values);
    }

    public function update($module, $id, $values)
    {
        $bean = $this->newBean($module);
        if ($bean->retrieve($id) === null) {
            throw new RuntimeException($module . ' ' . $id . ' could not be read back');
        }
        $this->saveWith($bean, $values);
    }

    public function delete($module, $id)
    {
        $bean = $this->newBean($module);
        if ($bean->retrieve($id) !== null) {
            // AOW_WorkFlow::mark_deleted also deletes its conditions, actions and processed rows.
            $bean->mark_deleted($id);
        }
    }

    /** @return array ids of the live rows whose $field is $value */
    public function activeIdsWhere($module, $field, $value)
    {
        $bean = $this->newBean($module);
        $db = DBManagerFactory::getInstance();
        $result = $db->query(
            'SELECT id FROM ' . $bean->table_name . ' WHERE ' . $field . ' = ' . $db->quoted($value) . ' AND deleted = 0'
        );
        $ids = array();
        while (($row = $db->fetchByAssoc($result)) !== false && $row !== null) {
            $ids[] = (string)$row['id'];
        }
        return $ids;
    }

    private function newBean($module)
    {
        $bean = BeanFactory::newBean($module);
        if (!is_object($bean)) {
            throw new RuntimeException('module ' . $module . ' is not available');
        }
        return $bean;
    }

    /**
     * Assigns and saves. The AOR and AOW beans also save "lines" from $_POST: during an install
     * $_POST holds Module Loader's form, so it is emptied for the save and put back after.
     */
    private function saveWith($bean, $values)
    {
        foreach ($values as $field => $value) {
            $bean->$field = $value;
        }
        $post = $_POST;
        $_POST = array();
        try {
            $bean->save();
        } finally {
            $_POST = $post;
        }
    }
}

class SupportSla_Platform
{
    /** The module's access rights (SuiteCRM adds missing ones only; existing roles are kept). */
    public function ensureAclActions($module)
    {
        require_once 'modules/ACLActions/ACLAction.php';
        ACLAction::addActions($module, 'module');
    }

    /**
     * Removes the relationships' metadata files and their TableDictionary extensions, then
     * rebuilds the table dictionary. SuiteCRM's uninstall deletes a metadata file but keeps the
     * extension that includes it unless the admin removes the tables.
     */
    public function removeRelationshipMetadata($files)
    {
        require_once 'ModuleInstall/ModuleInstaller.php';
        $installer = new ModuleInstaller();
        $installer->silent = true;
        foreach ($files as $file) {
            $installer->uninstall_relationship($file);
        }
        $installer->rebuild_tabledictionary();
    }

    /** Adds an index unless the table has one of that name (DBManager::get_indices, addIndexes). */
    public function ensureIndex($table, $index)
    {
        $db = DBManagerFactory::getInstance();
        foreach ((array)$db->get_indices($table) as $existing => $definition) {
            if (strtolower((string)$existing) === strtolower((string)$index['name'])) {
                return;
            }
        }
        $db->addIndexes($table, array($index, ));
    }

    /**
     * Drops one index of a table if the database has it (DBManager::get_indices, dropIndexes).
     * @return bool true when it was there
     */
    public function dropIndex($table, $name)
    {
        $db = DBManagerFactory::getInstance();
        foreach ($db->get_indices($table) as $existing => $definition) {
            if (strtolower((string)$existing) === strtolower((string)$name)) {
                $db->dropIndexes($table, array($definition), true);
                return true;
            }
        }
        return false;
    }

    /** @return array names of the live reports on a module */
    public function reportsOn($module)
    {
        $db = DBManagerFactory::getInstance();
        $result = $db->query(
            'SELECT name FROM aor_reports WHERE report_module = ' . $db->quoted($module) . ' AND deleted = 0'
        );
        $names = array();
        while (($row = $db->fetchByAssoc($result)) !== false && $row !== null) {
            $names[] = html_entity_decode((string)$row['name'], ENT_QUOTES, 'UTF-8');
        }
        return $names;
    }
}
