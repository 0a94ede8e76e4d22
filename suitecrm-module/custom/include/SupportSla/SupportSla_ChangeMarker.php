<?php
/**
 * The package's after_save logic hooks on Accounts, Cases and SLA_TimeEntries (registered
 * through the manifest's logic_hooks): each save adds one to that module's counter on the one
 * record of SLA_ChangeMarkers, so the bridge can tell with one cheap V8 GET whether anything was
 * saved since it last looked (docs/freshness.md). It counts every save, the bridge's own too:
 * the bridge knows how many it made. One fixed UPDATE statement per module, no save(), no
 * outbound call. When the row is not there yet (the first save after install), one fixed INSERT
 * creates it. A failure is logged and the save goes on: a person must never be stopped from
 * saving by the marker.
 */
class SupportSla_ChangeMarker
{
    /** The marker's fixed id (bridge/src/catalogue/change-marker.ts says the same). */
    const ID = '5a1a0c4e-0000-4000-8000-000000000001';

    /** The counter column of each module: fixed names, never input. */
    const ACCOUNTS = 'account_saves';
    const CASES = 'case_saves';
    const TIME_ENTRIES = 'time_entry_saves';

    public function afterAccountSave($bean, $event, $arguments)
    {
        self::bump(self::ACCOUNTS);
    }

    public function afterCaseSave($bean, $event, $arguments)
    {
        self::bump(self::CASES);
    }

    public function afterTimeEntrySave($bean, $event, $arguments)
    {
        self::bump(self::TIME_ENTRIES);
    }

    /**
     * @param string $column one of the counter columns above
     * @return void
     */
    private static function bump($column)
    {
        try {
            $db = $GLOBALS['db'];
            $now = $GLOBALS['timedate']->nowDb();
            $result = self::increment($db, $column, $now);
            if ($db->getAffectedRowCount($result) > 0) {
                return;
            }
            // No marker row yet: create it, then count this save. Two first saves at once may
            // both try; the loser's duplicate key is caught below and costs one count, which
            // only matters to a bridge that has not read the marker yet (it reads every module).
            self::create($db, $now);
            self::increment($db, $column, $now);
        } catch (Exception $error) {
            if (isset($GLOBALS['log'])) {
                $GLOBALS['log']->error('SLA support: the change marker was not bumped: ' . $error->getMessage());
            }
        }
    }

    private static function increment($db, $column, $now)
    {
        return $db->query(
            'UPDATE sla_changemarkers SET ' . $column . ' = 1 + ' . $column . ', date_modified = '
            . $db->quoted($now) . ' WHERE id = ' . $db->quoted(self::ID)
        );
    }

    private static function create($db, $now)
    {
        return $db->query(
            'INSERT INTO sla_changemarkers (id, name, date_entered, date_modified, deleted, account_saves, case_saves, time_entry_saves) VALUES ('
            . $db->quoted(self::ID) . ", 'SLA change marker', " . $db->quoted($now) . ', ' . $db->quoted($now) . ', 0, 0, 0, 0)'
        );
    }
}
