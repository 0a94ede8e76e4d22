<?php
/**
 * A time entry's case and account names, read in one query.
 *
 * SugarBean::fill_in_relationship_fields fills a relate field by loading the related record in
 * full (BeanFactory::getShallowBean, so SugarBean::retrieve with that record's own relate fields
 * and details) and then SugarBean::getRelatedFields: about 7 queries for a time entry's case and
 * account. SuiteCRM's V8 list re-reads every record it lists that way
 * (Api/V8/Service/ModuleService.php, getRecords then BeanManager::getBeanSafe), so a page of 100
 * time entries cost about 700 queries. Only the two names are used, so SLA_TimeEntry fills them
 * here first; the stock code then skips them, as it skips any relate field that has a value.
 *
 * Plain PHP: the lookup is an object with namesOf($caseId, $accountId), so the rule is
 * unit-tested with fake beans; SupportSla_EntryNames is the real lookup.
 */

require_once __DIR__ . '/SupportSla_TimeEntryAccount.php';

class SupportSla_RelatedNames
{
    /**
     * @param object $entry the time entry SugarBean::retrieve is filling
     * @param array $fieldDefs the entry's field definitions
     * @param object $lookup anything with namesOf($caseId, $accountId): array('Cases' => ?string, 'Accounts' => ?string)
     * @return int how many names were filled
     */
    public static function fill($entry, array $fieldDefs, $lookup)
    {
        $case = self::wanted($entry, self::relateField($fieldDefs, 'Cases'));
        $account = self::wanted($entry, self::relateField($fieldDefs, 'Accounts'));
        if ($case === null && $account === null) {
            return 0;
        }
        $names = $lookup->namesOf(
            $case === null ? '' : $case['id'],
            $account === null ? '' : $account['id']
        );
        return self::put($entry, $case, isset($names['Cases']) ? $names['Cases'] : null)
            + self::put($entry, $account, isset($names['Accounts']) ? $names['Accounts'] : null);
    }

    /**
     * The relate field's name and the id to look up, or null when it has a value or no id (the
     * stock fill's own conditions).
     *
     * @return array|null array('name' => field, 'id' => related record id)
     */
    private static function wanted($entry, $field)
    {
        if ($field === null) {
            return null;
        }
        $name = $field['name'];
        $idName = $field['id_name'];
        if (!empty($entry->$name) || empty($entry->$idName)) {
            return null;
        }
        return array('name' => $name, 'id' => (string)$entry->$idName);
    }

    /** A missing or deleted record leaves the field blank, as the stock fill does. */
    private static function put($entry, $wanted, $value)
    {
        if ($wanted === null || $value === null || $value === '') {
            return 0;
        }
        $name = $wanted['name'];
        $entry->$name = $value;
        return 1;
    }

    /**
     * The entry's relate field that shows the name of the module's record through its id field
     * (the catalogue's relationship key: case_id, account_id).
     *
     * @return array|null
     */
    private static function relateField(array $fieldDefs, $module)
    {
        $key = SupportSla_TimeEntryAccount::key($module);
        foreach ($fieldDefs as $field) {
            if (isset($field['type'], $field['module'], $field['id_name'], $field['name'])
                && $field['type'] === 'relate'
                && $field['module'] === $module
                && $field['id_name'] === $key
                && (!isset($field['rname']) || $field['rname'] === 'name')) {
                return $field;
            }
        }
        return null;
    }
}

/** Reads a case's and an account's names in one statement (no ACL, like the stock relate fill). */
class SupportSla_EntryNames
{
    /**
     * @param string $caseId '' when not wanted
     * @param string $accountId '' when not wanted
     * @return array('Cases' => ?string, 'Accounts' => ?string)
     */
    public function namesOf($caseId, $accountId)
    {
        $db = DBManagerFactory::getInstance();
        // fetchByAssoc encodes as SugarBean::retrieve does, so the names are what the stock fill gave.
        $row = $db->fetchByAssoc($db->query(
            'SELECT (SELECT name FROM cases WHERE id = ' . $db->quoted($caseId) . ' AND deleted = 0) AS case_name, '
            . '(SELECT name FROM accounts WHERE id = ' . $db->quoted($accountId) . ' AND deleted = 0) AS account_name'
        ));
        return array(
            'Cases' => is_array($row) && isset($row['case_name']) ? (string)$row['case_name'] : null,
            'Accounts' => is_array($row) && isset($row['account_name']) ? (string)$row['account_name'] : null,
        );
    }
}
