<?php
/**
 * The AOR charts of the ready-made reports (docs/staff-view.md), as records of their own with
 * fixed ids (SupportSla_ReadyMade::id(report, 300 + n)), installed after their reports. Each one
 * 'requires' its report: SupportSla_RecordInstaller creates a chart only while the report is
 * live, so an upgrade adds the charts to the reports of an earlier install, and never to a report
 * an admin deleted. Otherwise a chart is handled like a report: created when missing, left as it
 * is when there (the admin owns it), not brought back by an upgrade once the admin deleted it,
 * and deleted by uninstall (with any chart an admin added, through the report's children).
 *
 * x_field and y_field are positions in the report's columns by field_order (AOR_Chart reads
 * $fields[$this->x_field] from AOR_Report::getReportFields(), sorted by field_order from 0).
 * AOR draws a bar per report row, and stacked bars count report rows per x value and the
 * report's main group (modules/AOR_Charts/AOR_Chart.php). So: bars where a report has one row
 * per bar, and stacked bars on the compliance report, whose rows are cases. The response
 * results report (4) gets none: its rows are month, severity and status combinations, which a
 * stacked bar would count instead of cases; report 6 shows those results per month.
 */
class SupportSla_Charts
{
    /** report number => list of array(type, x position, y position, English name, Spanish name) */
    const CHARTS = array(
        1 => array(array('bar', 0, 5, 'Hours used by account (current term)', 'Horas consumidas por cuenta (periodo actual)'), ),
        2 => array(array('bar', 0, 2, 'Support hours per engineer and month', 'Horas de soporte por ingeniero y mes'), ),
        3 => array(array('bar', 0, 2, 'Development and migration hours by account', 'Horas de desarrollo y migración por cuenta'), ),
        5 => array(array('bar', 0, 5, 'Hours remaining at renewal', 'Horas restantes a la renovación'), ),
        6 => array(
            array('stacked_bar', 2, 0, 'Response results by month', 'Resultados de respuesta por mes'),
            array('stacked_bar', 3, 0, 'Response results by severity', 'Resultados de respuesta por gravedad'),
        ),
    );

    /** Chart records, in report order. */
    public static function records($language, $ownerId)
    {
        $records = array();
        foreach (self::CHARTS as $report => $charts) {
            $n = 0;
            foreach ($charts as $chart) {
                $n++;
                $records[] = array(
                    'module' => 'AOR_Charts',
                    'id' => SupportSla_ReadyMade::id($report, 300 + $n),
                    'requires' => array('module' => 'AOR_Reports', 'id' => SupportSla_ReadyMade::id($report, 0), ),
                    'values' => array(
                        'name' => $language === 'es_ES' ? $chart[4] : $chart[3],
                        'aor_report_id' => SupportSla_ReadyMade::id($report, 0),
                        'type' => $chart[0],
                        'x_field' => $chart[1],
                        'y_field' => $chart[2],
                    ),
                    'children' => array(),
                );
            }
        }
        return $records;
    }
}
