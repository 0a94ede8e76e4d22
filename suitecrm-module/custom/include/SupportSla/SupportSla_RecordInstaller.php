<?php
/**
 * Creates and removes the package's records (SupportSla_ReadyMade) through a store of records by
 * module and id. What happens to a record depends on what its fixed id finds:
 * - nothing: it is created, with its children (report columns and conditions, workflow
 *   conditions and actions);
 * - a record deleted by an earlier uninstall: on a new install it is restored (SuiteCRM's save()
 *   of a soft-deleted id does nothing, so it is undeleted first) and rewritten; on an upgrade it
 *   stays deleted (an admin deleted it);
 * - a live record: it is left as it is, children included: once installed, reports and workflows
 *   belong to the admin (an upgrade never undoes their edits or switches a workflow back off);
 *   except that an upgrade gives a report still exactly as 1.0.0 wrote it the current column
 *   order (SupportSla_ReportRepair).
 * A record may 'require' another (array('module', 'id')): it is installed only while that one is
 * live (a chart and its report).
 * Uninstall deletes each record and every child row pointing at it, the admin's included.
 *
 * The store is an object with state($module, $id) ('missing', 'active' or 'deleted'),
 * create/restore/update($module, $id, $values), delete($module, $id) and
 * activeIdsWhere($module, $field, $value); SupportSla_BeanStore is the SuiteCRM one.
 */
require_once __DIR__ . '/SupportSla_ReportRepair.php';

class SupportSla_RecordInstaller
{
    const CREATE = 'create';
    const RESTORE = 'restore';
    const KEEP = 'keep';
    const SKIP = 'skip';

    private $store;

    public function __construct($store)
    {
        $this->store = $store;
    }

    /**
     * @param string $state missing, active or deleted
     * @param bool $upgrade
     * @return string create, restore, keep or skip
     */
    public static function decide($state, $upgrade)
    {
        if ($state === 'missing') {
            return self::CREATE;
        }
        if ($state === 'deleted') {
            return $upgrade ? self::SKIP : self::RESTORE;
        }
        return self::KEEP;
    }

    /**
     * @param array $records as SupportSla_ReadyMade::records returns them
     * @param bool $upgrade
     * @return array log lines
     */
    public function install($records, $upgrade)
    {
        $log = array();
        foreach ($records as $record) {
            $name = self::nameOf($record);
            if (!self::requiredIsLive($record, $this->store)) {
                $log[] = $record['module'] . ' "' . $name . '": its ' . $record['requires']['module'] . ' record is not there, left out.';
                continue;
            }
            $action = self::decide($this->store->state($record['module'], $record['id']), $upgrade);
            if ($action === self::KEEP) {
                if ($upgrade && $record['module'] === 'AOR_Reports' && SupportSla_ReportRepair::stillAsShipped($this->store, $record)) {
                    foreach ($record['children'] as $group) {
                        if ($group['module'] === 'AOR_Fields') {
                            $this->putChildren($group, $record['id']);
                        }
                    }
                    $log[] = $record['module'] . ' "' . $name . '": columns put in the order SuiteCRM 8 can run.';
                    continue;
                }
                $log[] = $record['module'] . ' "' . $name . '": already there, left as it is.';
                continue;
            }
            if ($action === self::SKIP) {
                $log[] = $record['module'] . ' "' . $name . '": deleted by an admin, not restored by the upgrade.';
                continue;
            }
            $this->put($record['module'], $record['id'], $record['values']);
            foreach ($record['children'] as $group) {
                $this->putChildren($group, $record['id']);
            }
            $log[] = $record['module'] . ' "' . $name . '": ' . ($action === self::CREATE ? 'created.' : 'restored.');
        }
        return $log;
    }

    /**
     * @param array $records
     * @return array log lines
     */
    public function uninstall($records)
    {
        $log = array();
        foreach (array_reverse($records) as $record) {
            foreach ($record['children'] as $group) {
                foreach ($this->store->activeIdsWhere($group['module'], $group['parent_field'], $record['id']) as $id) {
                    $this->store->delete($group['module'], $id);
                }
            }
            if ($this->store->state($record['module'], $record['id']) === 'active') {
                $this->store->delete($record['module'], $record['id']);
                $log[] = $record['module'] . ' "' . self::nameOf($record) . '": deleted.';
            }
        }
        return $log;
    }

    /** Writes a record whatever its state: created, undeleted and rewritten, or rewritten. */
    private function put($module, $id, $values)
    {
        $state = $this->store->state($module, $id);
        if ($state === 'missing') {
            $this->store->create($module, $id, $values);
        } elseif ($state === 'deleted') {
            $this->store->restore($module, $id, $values);
        } else {
            $this->store->update($module, $id, $values);
        }
    }

    /** Writes the package's children of a record and deletes any other child row it has. */
    private function putChildren($group, $parentId)
    {
        $ours = array();
        foreach ($group['records'] as $child) {
            $values = $child['values'] + array($group['parent_field'] => $parentId, );
            $this->put($group['module'], $child['id'], $values);
            $ours[] = $child['id'];
        }
        foreach ($this->store->activeIdsWhere($group['module'], $group['parent_field'], $parentId) as $id) {
            if (!in_array($id, $ours, true)) {
                $this->store->delete($group['module'], $id);
            }
        }
    }

    /** A record with 'requires' (array('module', 'id')), such as a chart of a report, needs that record live. */
    private static function requiredIsLive($record, $store)
    {
        if (empty($record['requires'])) {
            return true;
        }
        return $store->state($record['requires']['module'], $record['requires']['id']) === 'active';
    }

    private static function nameOf($record)
    {
        return isset($record['values']['name']) ? (string)$record['values']['name'] : (string)$record['id'];
    }
}
