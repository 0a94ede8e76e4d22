<?php
/**
 * The Cases fields a person's save may not write (rule R2, docs/web-ui-saves.md): those the
 * catalogue gives to the bridge (writer "bridge") and to this hook (writer "hook": the change
 * log, downgraded at). SuiteCRM 8's record view posts every attribute, its edit and create modes
 * have an input for each of them, and its Duplicate action copies them; SuiteCRM 7's forms post
 * whatever a layout (or Studio) put on them. The bridge writes through the V8 API, so API, cron,
 * import and workflow saves are left alone.
 */

require_once __DIR__ . '/SupportSla_Contract.php';
require_once __DIR__ . '/SupportSla_Row.php';

class SupportSla_OwnedFields
{
    /**
     * On a person's save of an existing case: every bridge-owned field and downgraded at back to
     * the stored value when the bean holds anything else. (The change log is rebuilt on the
     * stored log by the caller, SupportSla_CaseSave.)
     *
     * @param object $bean
     * @param array $stored fetched_row
     * @param string $downgradedAt the hook-owned datetime field
     * @return void
     */
    public static function restore($bean, $stored, $downgradedAt)
    {
        $fields = self::bridgeFields();
        $fields[] = $downgradedAt;
        foreach ($fields as $field) {
            $original = SupportSla_Row::value($stored, $field);
            if (SupportSla_Row::text(SupportSla_Row::property($bean, $field)) !== SupportSla_Row::text($original)) {
                $bean->$field = $original;
            }
        }
    }

    /**
     * On a person's create: every bridge-owned and hook-owned field blank (null). The hook then
     * writes its own fields for this save.
     *
     * @param object $bean
     * @return void
     */
    public static function blank($bean)
    {
        $fields = self::bridgeFields();
        foreach (self::hookFields() as $field) {
            $fields[] = $field;
        }
        foreach ($fields as $field) {
            if (SupportSla_Row::property($bean, $field) !== null) {
                $bean->$field = null;
            }
        }
    }

    /** @return string[] the Cases fields the bridge writes */
    public static function bridgeFields()
    {
        return self::casesFields(SupportSla_Contract::BRIDGE_FIELDS);
    }

    /** @return string[] the Cases fields this hook writes */
    public static function hookFields()
    {
        return self::casesFields(SupportSla_Contract::HOOK_FIELDS);
    }

    private static function casesFields($byModule)
    {
        foreach ($byModule as $module => $fields) {
            if ($module === 'Cases') {
                return $fields;
            }
        }
        return array();
    }
}
