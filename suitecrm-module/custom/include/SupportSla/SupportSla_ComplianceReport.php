<?php
/**
 * The sixth ready-made report, "SLA compliance": covered cases reported in the last 12 months
 * whose response target is decided (met, met late or breached), one row per case, in sections
 * by response status (the report's main group), with month reported and effective severity.
 *
 * One row per case because AOR's stacked bars (modules/AOR_Charts/AOR_Chart.php,
 * getRGraphGroupedBarChartData) count report rows per x value and main-group value: on this
 * report that is the number of cases per month (or severity) and status, so the charts
 * (SupportSla_Charts) show the share that met the target as the met part of each bar. AOR has
 * no computed columns, so the share is not a number in the table: each section's total and the
 * bars give it. Pending, at-risk, withdrawn and not-computed responses are left out: nothing
 * is decided for them yet.
 */
class SupportSla_ComplianceReport
{
    const NUMBER = 6;

    public static function reports($language, $ownerId)
    {
        $own = array('', );
        $es = $language === 'es_ES';
        return array(
            SupportSla_ReadyMade::report(
                self::NUMBER,
                $es ? 'Soporte SLA: cumplimiento SLA (últimos 12 meses)' : 'SLA support: SLA compliance (last 12 months)',
                'Cases',
                $es
                    ? 'Casos cubiertos notificados en los últimos 12 meses con la respuesta ya decidida, por estado de la respuesta: la parte cumplida de cada barra es la proporción que cumplió su objetivo, por mes y por gravedad.'
                    : 'Covered cases reported in the last 12 months whose response is decided, by response status: the met part of each bar is the share that met the response target, per month and per severity.',
                array(
                    // A field of the cases table first: SuiteCRM 8.x's AOR_Report reads the first
                    // column's vardef before it knows the column's module (a custom field there fails).
                    SupportSla_ReadyMade::column($own, 'case_number', $es ? 'Caso' : 'Case', array('link' => 1, )),
                    SupportSla_ReadyMade::column($own, 'sla_response_status_c', $es ? 'Respuesta' : 'Response', array('group_display' => 1, 'sort_by' => 'DESC', )),
                    SupportSla_ReadyMade::column($own, 'sla_reported_at_c', $es ? 'Mes de notificación' : 'Month reported', array('format' => 'Y-m', 'sort_by' => 'ASC', )),
                    SupportSla_ReadyMade::column($own, 'sla_effective_severity_c', $es ? 'Gravedad' : 'Severity', array()),
                    SupportSla_ReadyMade::column($own, 'name', $es ? 'Asunto' : 'Subject', array()),
                ),
                array(
                    SupportSla_ReadyMade::condition($own, 'sla_coverage_c', 'Equal_To', 'Value', 'covered'),
                    SupportSla_ReadyMade::condition($own, 'sla_response_status_c', 'Equal_To', 'Multi', '^met^,^met_late^,^breached^'),
                    SupportSla_ReadyMade::condition($own, 'sla_reported_at_c', 'Greater_Than_or_Equal_To', 'Date', SupportSla_ReadyMade::path(array('now', 'minus', '12', 'month'))),
                ),
                $ownerId
            ),
        );
    }
}
