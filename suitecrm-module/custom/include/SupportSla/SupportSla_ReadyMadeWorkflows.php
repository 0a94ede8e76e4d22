<?php
/**
 * The ready-made email templates and AOW workflows (SupportSla_ReadyMade::records installs them
 * first: the workflows' email actions name the templates). The workflows are installed Inactive:
 * the admin decides which to switch on. Ids, module paths and translations are
 * SupportSla_ReadyMade's; AOW formats as SuiteCRM 7.14 stores them
 * (docs/package-internals.md#ready-made-reports-and-workflows): "changed to X" is an Any_Change
 * condition plus a condition on the value. Loaded by SupportSla_ReadyMade.php.
 */
class SupportSla_ReadyMadeWorkflows
{
    public static function templates($language, $ownerId)
    {
        return array(
            self::template(
                SupportSla_ReadyMade::id(201, 0),
                SupportSla_ReadyMade::say($language, 'SLA support: case response at risk or breached', 'Soporte SLA: respuesta de caso en riesgo o incumplida'),
                SupportSla_ReadyMade::say(
                    $language,
                    'Case $acase_case_number: SLA response $acase_sla_response_status_c',
                    'Caso $acase_case_number: respuesta SLA $acase_sla_response_status_c'
                ),
                SupportSla_ReadyMade::say(
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
                SupportSla_ReadyMade::id(202, 0),
                SupportSla_ReadyMade::say($language, 'SLA support: support hours running low', 'Soporte SLA: horas de soporte escasas'),
                SupportSla_ReadyMade::say(
                    $language,
                    'Support hours of $account_name: $account_sla_hours_state_c',
                    'Horas de soporte de $account_name: $account_sla_hours_state_c'
                ),
                SupportSla_ReadyMade::say(
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
                SupportSla_ReadyMade::say($language, 'SLA support: response at risk or breached', 'Soporte SLA: respuesta en riesgo o incumplida'),
                'Cases',
                SupportSla_ReadyMade::say(
                    $language,
                    'Emails the assigned user when a case response becomes at risk or breached. Installed inactive.',
                    'Envía un correo al usuario asignado cuando la respuesta de un caso pasa a en riesgo o incumplida. Se instala inactivo.'
                ),
                array(
                    array($responseStatus, 'Any_Change', ''),
                    array($responseStatus, 'Multi', '^at_risk^,^breached^'),
                ),
                array(
                    self::sendEmailAction(SupportSla_ReadyMade::say($language, 'Email the assigned user', 'Correo al usuario asignado'), SupportSla_ReadyMade::id(201, 0)),
                ),
                $ownerId
            ),
            self::workflow(
                102,
                SupportSla_ReadyMade::say($language, 'SLA support: renewal due', 'Soporte SLA: renovación próxima'),
                'Accounts',
                SupportSla_ReadyMade::say(
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
                        'name' => SupportSla_ReadyMade::say($language, 'Task for the account owner', 'Tarea para el responsable de la cuenta'),
                        'action' => 'CreateRecord',
                        'parameters' => array(
                            'record_type' => 'Tasks',
                            'relate_to_workflow' => '1',
                            'copy_email_addresses' => '0',
                            'field' => array('name', 'assigned_user_name', 'date_due', 'priority', 'status', 'description'),
                            'value' => array(
                                SupportSla_ReadyMade::say($language, 'Support contract renewal due', 'Renovación del contrato de soporte'),
                                'assigned_user_name',
                                array('now', 'plus', '7', 'days'),
                                'High',
                                'Not Started',
                                SupportSla_ReadyMade::say(
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
                SupportSla_ReadyMade::say($language, 'SLA support: support hours running low', 'Soporte SLA: horas de soporte escasas'),
                'Accounts',
                SupportSla_ReadyMade::say(
                    $language,
                    'Emails the account owner when the support hours of the current term reach the warning, critical or exhausted state. Installed inactive.',
                    'Envía un correo al responsable de la cuenta cuando las horas de soporte del periodo pasan a aviso, crítico o agotadas. Se instala inactivo.'
                ),
                array(
                    array($hoursState, 'Any_Change', ''),
                    array($hoursState, 'Multi', '^warning^,^critical^,^exhausted^'),
                ),
                array(
                    self::sendEmailAction(SupportSla_ReadyMade::say($language, 'Email the account owner', 'Correo al responsable de la cuenta'), SupportSla_ReadyMade::id(202, 0)),
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
                'id' => SupportSla_ReadyMade::id($group, 100 + $order),
                'values' => array(
                    'condition_order' => $order,
                    'module_path' => SupportSla_ReadyMade::path(array($module, )),
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
                'id' => SupportSla_ReadyMade::id($group, 200 + $order),
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
            'id' => SupportSla_ReadyMade::id($group, 0),
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
}
