<?php
/**
 * The records the package creates from post_install and deletes from pre_uninstall: five AOR
 * reports, two email templates and three AOW workflows (installed Inactive: the admin decides
 * which to switch on). Each has a fixed id, so installing again finds it instead of duplicating it.
 *
 * Formats as SuiteCRM 7.14 stores them (docs/package-internals.md#ready-made-reports-and-workflows): module_path is
 * base64_encode(serialize(...)), [''] for the report's own module in AOR, the flow's module for
 * AOW; AOR fields need field_order; "changed to X" in AOW is an Any_Change condition plus a
 * condition on the value; "One of" conditions (Multi) hold ^a^,^b^.
 *
 * The email templates and workflows are SupportSla_ReadyMadeWorkflows'; the reports and the
 * builders every record tree shares are here.
 *
 * Names and texts come in English and Spanish; the site's default language picks one. Plain
 * data, no SuiteCRM calls: the tests check the definitions against the field catalogue.
 */
require_once __DIR__ . '/SupportSla_ReadyMadeWorkflows.php';
require_once __DIR__ . '/SupportSla_ComplianceReport.php';
require_once __DIR__ . '/SupportSla_Charts.php';

class SupportSla_ReadyMade
{
    /** Every id the package uses starts with this (hex, so ids stay valid UUIDs). */
    const ID_PREFIX = '51a5';

    /**
     * Record trees in creation order: email templates, workflows, reports.
     *
     * @param string $language en_us or es_ES
     * @param string $ownerId the user the records are assigned to
     * @return array each array('module', 'id', 'values', 'children' => array(array('module',
     *               'parent_field', 'records' => array(array('id', 'values')))))
     */
    public static function records($language, $ownerId)
    {
        return array_merge(
            SupportSla_ReadyMadeWorkflows::templates($language, $ownerId),
            SupportSla_ReadyMadeWorkflows::workflows($language, $ownerId),
            self::reports($language, $ownerId),
            // The SLA compliance report, then the charts, which need their reports first.
            SupportSla_ComplianceReport::reports($language, $ownerId),
            SupportSla_Charts::records($language, $ownerId)
        );
    }

    /** A fixed id: 51a5gggg-0000-4000-a000-000000000kkk (group, item). */
    public static function id($group, $item)
    {
        return self::ID_PREFIX . sprintf('%04d', $group) . '-0000-4000-a000-' . sprintf('%012d', $item);
    }

    /** base64_encode(serialize($path)), the form module_path is stored in. */
    public static function path($path)
    {
        return base64_encode(serialize($path));
    }

    /** The text of a pair of translations. */
    public static function say($language, $english, $spanish)
    {
        return $language === 'es_ES' ? $spanish : $english;
    }

    /**
     * Column order is not free. SuiteCRM 8.x's AOR_Report::build_report_query_select looks up a
     * column's vardef before it resets the module for that column (7.14.6 after), so the lookup
     * uses the module the previous column ended on, and the first column gets no vardef at all:
     * without it a custom field is read from the base table instead of _cstm, a relate field is
     * not joined, and a date format is ignored. So every report here starts with a field stored
     * in the module's own table, without a format, and a column that needs its vardef never
     * follows a relate column (which can move the lookup to the related module). Sorting such a
     * column stays right: it sorts on the column itself (8.x only logs that the vardef has no
     * type). Right on 7.14 too, which resolves each column on its own. The package tests check
     * this rule (package-content.test.ts).
     */
    public static function reports($language, $ownerId)
    {
        $own = array('', );
        return array(
            self::report(
                1,
                self::say($language, 'SLA support: support hours by account (current term)', 'Soporte SLA: horas de soporte por cuenta (periodo actual)'),
                'Accounts',
                self::say(
                    $language,
                    'Accounts with an active contract: the current term and its hours, as the sla-bridge last computed them.',
                    'Cuentas con contrato activo: el periodo actual y sus horas, según el último cálculo de sla-bridge.'
                ),
                array(
                    self::column($own, 'name', self::say($language, 'Account', 'Cuenta'), array('link' => 1, 'sort_by' => 'ASC', )),
                    self::column($own, 'sla_plan_c', self::say($language, 'Plan', 'Plan'), array()),
                    self::column($own, 'sla_contract_state_c', self::say($language, 'Contract state', 'Estado del contrato'), array()),
                    self::column($own, 'sla_term_start_c', self::say($language, 'Term start', 'Inicio del periodo'), array()),
                    self::column($own, 'sla_term_end_c', self::say($language, 'Term end', 'Fin del periodo'), array()),
                    self::column($own, 'sla_hours_used_c', self::say($language, 'Hours used', 'Horas consumidas'), array('total' => 'SUM', )),
                    self::column($own, 'sla_hours_remaining_c', self::say($language, 'Hours remaining', 'Horas restantes'), array('total' => 'SUM', )),
                    self::column($own, 'sla_hours_state_c', self::say($language, 'Hours state', 'Estado de las horas'), array()),
                ),
                array(
                    self::condition($own, 'sla_contract_state_c', 'Equal_To', 'Multi', '^active^,^renewal_due^,^ending^'),
                ),
                $ownerId
            ),
            self::report(
                2,
                self::say($language, 'SLA support: support hours by engineer and month', 'Soporte SLA: horas de soporte por ingeniero y mes'),
                'SLA_TimeEntries',
                self::say(
                    $language,
                    'Support time logged per engineer and month, without development and migration (never part of a plan).',
                    'Tiempo de soporte registrado por ingeniero y mes, sin desarrollo ni migración (nunca forman parte de un plan).'
                ),
                array(
                    self::column($own, 'hours', self::say($language, 'Hours', 'Horas'), array('field_function' => 'SUM', 'total' => 'SUM', )),
                    self::column($own, 'work_date', self::say($language, 'Month', 'Mes'), array('group_by' => 1, 'format' => 'Y-m', )),
                    self::column($own, 'assigned_user_name', self::say($language, 'Engineer', 'Ingeniero'), array('group_by' => 1, )),
                ),
                array(
                    self::condition($own, 'category', 'Not_Equal_To', 'Multi', '^development^,^migration^'),
                ),
                $ownerId
            ),
            self::report(
                3,
                self::say($language, 'SLA support: development and migration time by account', 'Soporte SLA: tiempo de desarrollo y migración por cuenta'),
                'SLA_TimeEntries',
                self::say(
                    $language,
                    'Development and migration time per account: billed separately, never taken from plan hours.',
                    'Tiempo de desarrollo y migración por cuenta: se factura aparte y nunca consume horas del plan.'
                ),
                array(
                    self::column($own, 'hours', self::say($language, 'Hours', 'Horas'), array('field_function' => 'SUM', 'total' => 'SUM', )),
                    self::column($own, 'category', self::say($language, 'Category', 'Categoría'), array('group_by' => 1, 'sort_by' => 'ASC', )),
                    self::column($own, 'sla_timeentries_accounts_name', self::say($language, 'Account', 'Cuenta'), array('group_by' => 1, )),
                ),
                array(
                    self::condition($own, 'category', 'Equal_To', 'Multi', '^development^,^migration^'),
                ),
                $ownerId
            ),
            self::report(
                4,
                self::say($language, 'SLA support: response results by month and severity', 'Soporte SLA: resultados de respuesta por mes y gravedad'),
                'Cases',
                self::say(
                    $language,
                    'Covered cases per month reported, effective severity and response status.',
                    'Casos cubiertos por mes de notificación, gravedad efectiva y estado de la respuesta.'
                ),
                array(
                    self::column($own, 'id', self::say($language, 'Cases', 'Casos'), array('field_function' => 'COUNT', 'total' => 'SUM', )),
                    self::column($own, 'sla_reported_at_c', self::say($language, 'Month reported', 'Mes de notificación'), array('group_by' => 1, 'format' => 'Y-m', )),
                    self::column($own, 'sla_effective_severity_c', self::say($language, 'Severity', 'Gravedad'), array('group_by' => 1, 'sort_by' => 'ASC', )),
                    self::column($own, 'sla_response_status_c', self::say($language, 'Response', 'Respuesta'), array('group_by' => 1, )),
                ),
                array(
                    self::condition($own, 'sla_coverage_c', 'Equal_To', 'Value', 'covered'),
                ),
                $ownerId
            ),
            self::report(
                5,
                self::say($language, 'SLA support: contracts renewing in the next 60 days', 'Soporte SLA: contratos que se renuevan en los próximos 60 días'),
                'Accounts',
                self::say(
                    $language,
                    'Contracts whose next renewal falls between today and 60 days from now (cancelled contracts have no next renewal).',
                    'Contratos cuya próxima renovación cae entre hoy y dentro de 60 días (los contratos cancelados no tienen próxima renovación).'
                ),
                array(
                    self::column($own, 'name', self::say($language, 'Account', 'Cuenta'), array('link' => 1, )),
                    self::column($own, 'sla_plan_c', self::say($language, 'Plan', 'Plan'), array()),
                    self::column($own, 'sla_next_renewal_c', self::say($language, 'Next renewal', 'Próxima renovación'), array('sort_by' => 'ASC', )),
                    self::column($own, 'sla_term_end_c', self::say($language, 'Term end', 'Fin del periodo'), array()),
                    self::column($own, 'sla_hours_used_c', self::say($language, 'Hours used', 'Horas consumidas'), array()),
                    self::column($own, 'sla_hours_remaining_c', self::say($language, 'Hours remaining', 'Horas restantes'), array()),
                    self::column($own, 'assigned_user_name', self::say($language, 'Account owner', 'Responsable de la cuenta'), array()),
                ),
                array(
                    self::condition($own, 'sla_next_renewal_c', 'Greater_Than_or_Equal_To', 'Date', self::path(array('today', 'now', '', ''))),
                    self::condition($own, 'sla_next_renewal_c', 'Less_Than_or_Equal_To', 'Date', self::path(array('now', 'plus', '60', 'day'))),
                ),
                $ownerId
            ),
        );
    }

    /** A report column: module path, field, label, and any of link, group_by, field_function, total, sort_by, format. */
    public static function column($path, $field, $label, $options)
    {
        return array_merge(
            array(
                'module_path' => self::path($path),
                'field' => $field,
                'label' => $label,
                'name' => $label,
                'display' => 1,
                'link' => 0,
                'group_by' => 0,
                'group_display' => 0,
                'field_function' => '',
                'total' => '',
                'sort_by' => '',
                'format' => '',
            ),
            $options
        );
    }

    public static function condition($path, $field, $operator, $valueType, $value)
    {
        return array(
            'module_path' => self::path($path),
            'field' => $field,
            'operator' => $operator,
            'value_type' => $valueType,
            'value' => $value,
            'logic_op' => 'AND',
            'parenthesis' => '',
            'parameter' => 0,
        );
    }

    public static function report($number, $name, $module, $description, $columns, $conditions, $ownerId)
    {
        $fieldRecords = array();
        $order = 0;
        foreach ($columns as $column) {
            $order++;
            $fieldRecords[] = array(
                'id' => self::id($number, 100 + $order),
                // field_order from 0, as the report designer saves it (without it the report page fails).
                'values' => $column + array('field_order' => $order - 1, ),
            );
        }
        $conditionRecords = array();
        $order = 0;
        foreach ($conditions as $condition) {
            $order++;
            $conditionRecords[] = array(
                'id' => self::id($number, 200 + $order),
                'values' => $condition + array('condition_order' => $order - 1, ),
            );
        }
        return array(
            'module' => 'AOR_Reports',
            'id' => self::id($number, 0),
            'values' => array(
                'name' => $name,
                'report_module' => $module,
                'description' => $description,
                'graphs_per_row' => 2,
                'assigned_user_id' => $ownerId,
            ),
            'children' => array(
                array('module' => 'AOR_Fields', 'parent_field' => 'aor_report_id', 'records' => $fieldRecords, ),
                array('module' => 'AOR_Conditions', 'parent_field' => 'aor_report_id', 'records' => $conditionRecords, ),
                // None shipped; listed so that uninstall also removes charts an admin added.
                array('module' => 'AOR_Charts', 'parent_field' => 'aor_report_id', 'records' => array(), ),
            ),
        );
    }
}
