<?php
/**
 * The fields a person's save may not write (rule R2, docs/web-ui-saves.md): those the catalogue
 * gives to the bridge (writer "bridge") and to the package's hooks (writer "hook": on Cases the
 * change log and downgraded at). SuiteCRM 8's record view posts every attribute, its edit and
 * create modes have an input for each of them, and its Duplicate action copies them; SuiteCRM 7's
 * forms post whatever a layout (or Studio) put on them. The bridge writes through the V8 API, so
 * API, cron, import and workflow saves are left alone. Written per module, so any module's
 * before_save hook can use it: the Cases hook, and SupportSla_OwnedSave for Accounts and time entries.
 */

require_once __DIR__ . '/SupportSla_Contract.php';
require_once __DIR__ . '/SupportSla_Row.php';

class SupportSla_OwnedFields
{
    /**
     * On a person's save of an existing record: every owned field back to the stored value when
     * the bean holds anything else. Compared as text with entities decoded, so a page's
     * O'Brien and the loaded O&#039;Brien are the same and the bean is left as it is; when they
     * differ, the stored value goes back as fetched_row holds it (the form SuiteCRM itself loads
     * into a bean, so reading the record back gives the same text).
     *
     * @param object $bean
     * @param array $stored fetched_row
     * @param string $module Cases, Accounts or SLA_TimeEntries
     * @return void
     */
    public static function restore($bean, $stored, $module)
    {
        foreach (self::ownedFields($module) as $field) {
            $original = SupportSla_Row::value($stored, $field);
            if (SupportSla_Row::decoded(SupportSla_Row::property($bean, $field)) !== SupportSla_Row::decoded($original)) {
                $bean->$field = $original;
            }
        }
    }

    /**
     * On a person's create: every owned field blank (null). The hooks then write their own
     * fields for this save.
     *
     * @param object $bean
     * @param string $module
     * @return void
     */
    public static function blank($bean, $module)
    {
        foreach (self::ownedFields($module) as $field) {
            if (SupportSla_Row::property($bean, $field) !== null) {
                $bean->$field = null;
            }
        }
    }

    /**
     * @param string $module
     * @return string[] the module's bridge-owned fields, then its hook-owned ones
     */
    public static function ownedFields($module)
    {
        $fields = self::fieldsOf(SupportSla_Contract::BRIDGE_FIELDS, $module);
        foreach (self::fieldsOf(SupportSla_Contract::HOOK_FIELDS, $module) as $field) {
            $fields[] = $field;
        }
        return $fields;
    }

    /** @return string[] */
    public static function bridgeFields($module)
    {
        return self::fieldsOf(SupportSla_Contract::BRIDGE_FIELDS, $module);
    }

    /** @return string[] */
    public static function hookFields($module)
    {
        return self::fieldsOf(SupportSla_Contract::HOOK_FIELDS, $module);
    }

    private static function fieldsOf($byModule, $module)
    {
        foreach ($byModule as $name => $fields) {
            if ($name === $module) {
                return $fields;
            }
        }
        return array();
    }
}
