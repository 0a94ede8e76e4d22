<?php
/**
 * Reports that version 1.0.0 created with a relate or custom field as first column, which
 * SuiteCRM 8.x's AOR_Report cannot run (see SupportSla_ReadyMade::reports). On an upgrade such a
 * report is given the current column order, but only while its columns are exactly what 1.0.0
 * wrote: once an admin changed a column, the report is the admin's and stays as it is.
 *
 * Read through the record store's activeIdsWhere, so it needs nothing more from SuiteCRM.
 * Scanner-clean: foreach and +, never $a[$k].
 */
require_once __DIR__ . '/SupportSla_ReadyMade.php';

class SupportSla_ReportRepair
{
    /** report number => the fields of its columns, in the order 1.0.0 wrote them */
    const COLUMNS_1_0_0 = array(
        2 => array('assigned_user_name', 'work_date', 'hours', ),
        3 => array('sla_timeentries_accounts_name', 'category', 'hours', ),
        4 => array('sla_reported_at_c', 'sla_effective_severity_c', 'sla_response_status_c', 'id', ),
    );

    /**
     * The columns 1.0.0 wrote for a report as SupportSla_ReadyMade builds it now (same ids, by
     * position; same labels, by field), or an empty list for a report 1.0.0 wrote as it is now.
     *
     * @param array $record an AOR_Reports tree of SupportSla_ReadyMade::records
     * @return array each array('id', 'field', 'field_order', 'label')
     */
    public static function previousColumns($record)
    {
        $fields = array();
        foreach (self::COLUMNS_1_0_0 as $number => $columnFields) {
            if ($record['id'] === SupportSla_ReadyMade::id($number, 0)) {
                $fields = $columnFields;
                $reportNumber = $number;
            }
        }
        if (count($fields) === 0) {
            return array();
        }
        $current = array();
        foreach ($record['children'] as $group) {
            if ($group['module'] === 'AOR_Fields') {
                $current = $group['records'];
            }
        }
        $previous = array();
        foreach ($fields as $position => $field) {
            foreach ($current as $column) {
                if ($column['values']['field'] === $field) {
                    $previous[] = array(
                        'id' => SupportSla_ReadyMade::id($reportNumber, 101 + $position),
                        'field' => $field,
                        'field_order' => $position,
                        'label' => $column['values']['label'],
                    );
                }
            }
        }
        return $previous;
    }

    /**
     * True when the live report's columns are exactly the ones 1.0.0 wrote.
     *
     * @param object $store see SupportSla_RecordInstaller
     * @param array $record
     * @return bool
     */
    public static function stillAsShipped($store, $record)
    {
        $previous = self::previousColumns($record);
        if (count($previous) === 0) {
            return false;
        }
        if (count($store->activeIdsWhere('AOR_Fields', 'aor_report_id', $record['id'])) !== count($previous)) {
            return false;
        }
        foreach ($previous as $column) {
            foreach (array('field', 'field_order', 'label') as $key) {
                $value = $key === 'field' ? $column['field'] : ($key === 'label' ? $column['label'] : $column['field_order']);
                if (!in_array($column['id'], $store->activeIdsWhere('AOR_Fields', $key, $value), true)) {
                    return false;
                }
            }
        }
        return true;
    }
}
