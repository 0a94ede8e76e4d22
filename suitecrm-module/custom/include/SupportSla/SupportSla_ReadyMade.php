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
 * Names and texts come in English and Spanish; the site's default language picks one. Plain
 * data, no SuiteCRM calls: the tests check the definitions against the field catalogue.
 */
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
            self::templates($language, $ownerId),
            self::workflows($language, $ownerId),
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
    private static function say($language, $english, $spanish)
    {
        return $language === 'es_ES' ? $spanish : $english;
    }

    public static function templates($language, $ownerId)
    {
        return array(
            self::template(
                self::id(201, 0),
                self::say($language, 'SLA support: case response at risk or breached', 'Soporte SLA: respuesta de caso en riesgo o incumplida'),
                self::say(
                    $language,
                    'Case $acase_case_number: SLA response $acase_sla_response_status_c',
                    'Caso $acase_case_number: respuesta SLA $acase_sla_response_status_c'
                ),
                self::say(
                    $language,
                    array(
                        'Hello $user_first_name,',
                        'The SLA response of case $acase_case_number ($acase_name) is now: $acase_sla_response_status_c.',
                        'Response due: $acase_sla_response_due_c. Effective severity: $acase_sla_effective_severity_c. Reported at: $acase_sla_reported_at_c.',
                        'Open the case: $url',
                    ),
                    array(
                        'Hola $user_first_name:',
                        'La respuesta SLA del caso $acase_case_number ($acase_name) está ahora: $acase_sla_response_status_c.',
                        'Respuesta antes de: $acase_sla_response_due_c. Gravedad efectiva: $acase_sla_effective_severity_c. Notificado el: $acase_sla_reported_at_c.',
                        'Abrir el caso: $url',
                    )
                ),
                $ownerId
            ),
            self::template(
                self::id(202, 0),
                self::say($language, 'SLA support: support hours running low', 'Soporte SLA: horas de soporte escasas'),
                self::say(
                    $language,
                    'Support hours of $account_name: $account_sla_hours_state_c',
                    'Horas de soporte de $account_name: $account_sla_hours_state_c'
                ),
                self::say(
                    $language,
                    array(
                        'Hello $user_first_name,',
                        'The support hours of $account_name for the current term are now: $account_sla_hours_state_c.',
                        'Plan: $account_sla_plan_c. Term: $account_sla_term_start_c to $account_sla_term_end_c. Hours used: $account_sla_hours_used_c. Hours remaining: $account_sla_hours_remaining_c.',
                        'Open the account: $url',
                    ),
                    array(
                        'Hola $user_first_name:',
                        'Las horas de soporte de $account_name en el periodo actual están ahora: $account_sla_hours_state_c.',
                        'Plan: $account_sla_plan_c. Periodo: $account_sla_term_start_c a $account_sla_term_end_c. Horas consumidas: $account_sla_hours_used_c. Horas restantes: $account_sla_hours_remaining_c.',
                        'Abrir la cuenta: $url',
                    )
                ),
                $ownerId
            ),
        );
    }

    public static function workflows($language, $ownerId)
    {
        $responseStatus = 'sla_response_status_c';
        $contractState = 'sla_contract_state_c';
        $hoursState = 'sla_hours_state_c';
        return array(
            self::workflow(
                101,
                self::say($language, 'SLA support: response at risk or breached', 'Soporte SLA: respuesta en riesgo o incumplida'),
                'Cases',
                self::say(
                    $language,
                    'Emails the assigned user when a case response becomes at risk or breached. Installed inactive.',
                    'Envía un correo al usuario asignado cuando la respuesta de un caso pasa a en riesgo o incumplida. Se instala inactivo.'
                ),
                array(
                    array($responseStatus, 'Any_Change', ''),
                    array($responseStatus, 'Multi', '^at_risk^,^breached^'),
                ),
                array(
                    self::sendEmailAction(self::say($language, 'Email the assigned user', 'Correo al usuario asignado'), self::id(201, 0)),
                ),
                $ownerId
            ),
            self::workflow(
                102,
                self::say($language, 'SLA support: renewal due', 'Soporte SLA: renovación próxima'),
                'Accounts',
                self::say(
                    $language,
                    'Creates a task for the account owner when a support contract becomes due for renewal. Installed inactive.',
                    'Crea una tarea para el responsable de la cuenta cuando un contrato de soporte pasa a renovación próxima. Se instala inactivo.'
                ),
                array(
                    array($contractState, 'Any_Change', ''),
                    array($contractState, 'Value', 'renewal_due'),
                ),
                array(
                    array(
                        'name' => self::say($language, 'Task for the account owner', 'Tarea para el responsable de la cuenta'),
                        'action' => 'CreateRecord',
                        'parameters' => array(
                            'record_type' => 'Tasks',
                            'relate_to_workflow' => '1',
                            'copy_email_addresses' => '0',
                            'field' => array('name', 'assigned_user_name', 'date_due', 'priority', 'status', 'description'),
                            'value' => array(
                                self::say($language, 'Support contract renewal due', 'Renovación del contrato de soporte'),
                                'assigned_user_name',
                                array('now', 'plus', '7', 'days'),
                                'High',
                                'Not Started',
                                self::say(
                                    $language,
                                    'The support contract of this account is due for renewal: check the plan, the hours and the renewal with the customer.',
                                    'El contrato de soporte de esta cuenta está próximo a renovarse: revise con el cliente el plan, las horas y la renovación.'
                                ),
                            ),
                            'value_type' => array('Value', 'Field', 'Date', 'Value', 'Value', 'Value'),
                        ),
                    ),
                ),
                $ownerId
            ),
            self::workflow(
                103,
                self::say($language, 'SLA support: support hours running low', 'Soporte SLA: horas de soporte escasas'),
                'Accounts',
                self::say(
                    $language,
                    'Emails the account owner when the support hours of the current term reach the warning, critical or exhausted state. Installed inactive.',
                    'Envía un correo al responsable de la cuenta cuando las horas de soporte del periodo pasan a aviso, crítico o agotadas. Se instala inactivo.'
                ),
                array(
                    array($hoursState, 'Any_Change', ''),
                    array($hoursState, 'Multi', '^warning^,^critical^,^exhausted^'),
                ),
                array(
                    self::sendEmailAction(self::say($language, 'Email the account owner', 'Correo al responsable de la cuenta'), self::id(202, 0)),
                ),
                $ownerId
            ),
        );
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

    private static function template($id, $name, $subject, $paragraphs, $ownerId)
    {
        $html = '';
        foreach ($paragraphs as $paragraph) {
            $html .= '<p>' . $paragraph . '</p>';
        }
        return array(
            'module' => 'EmailTemplates',
            'id' => $id,
            'values' => array(
                'name' => $name,
                'subject' => $subject,
                'body' => implode("\n\n", $paragraphs),
                'body_html' => $html,
                'type' => 'email',
                'text_only' => 0,
                'assigned_user_id' => $ownerId,
            ),
            'children' => array(),
        );
    }

    private static function sendEmailAction($name, $templateId)
    {
        return array(
            'name' => $name,
            'action' => 'SendEmail',
            'parameters' => array(
                'individual_email' => '0',
                'email_template' => $templateId,
                'email_target_type' => array('Related Field', ),
                'email' => array('assigned_user_name', ),
                'email_to_type' => array('to', ),
            ),
        );
    }

    /**
     * @param int $group
     * @param array $conditions each array(field, value type, value), on the flow's own module
     * @param array $actions each array('name', 'action', 'parameters')
     */
    private static function workflow($group, $name, $module, $description, $conditions, $actions, $ownerId)
    {
        $conditionRecords = array();
        $order = 0;
        foreach ($conditions as $condition) {
            $order++;
            $conditionRecords[] = array(
                'id' => self::id($group, 100 + $order),
                'values' => array(
                    'condition_order' => $order,
                    'module_path' => self::path(array($module, )),
                    'field' => $condition[0],
                    'operator' => 'Equal_To',
                    'value_type' => $condition[1],
                    'value' => $condition[2],
                ),
            );
        }
        $actionRecords = array();
        $order = 0;
        foreach ($actions as $action) {
            $order++;
            $actionRecords[] = array(
                'id' => self::id($group, 200 + $order),
                'values' => array(
                    'action_order' => $order,
                    'name' => $action['name'],
                    'action' => $action['action'],
                    'parameters' => base64_encode(serialize($action['parameters'])),
                ),
            );
        }
        return array(
            'module' => 'AOW_WorkFlow',
            'id' => self::id($group, 0),
            'values' => array(
                'name' => $name,
                'flow_module' => $module,
                'flow_run_on' => 'All_Records',
                // Only honoured when the record is created: an admin who switches it on keeps it on.
                'status' => 'Inactive',
                'run_when' => 'On_Save',
                'multiple_runs' => 1,
                'run_on_import' => 0,
                'description' => $description,
                'assigned_user_id' => $ownerId,
            ),
            'children' => array(
                array('module' => 'AOW_Conditions', 'parent_field' => 'aow_workflow_id', 'records' => $conditionRecords, ),
                array('module' => 'AOW_Actions', 'parent_field' => 'aow_workflow_id', 'records' => $actionRecords, ),
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
