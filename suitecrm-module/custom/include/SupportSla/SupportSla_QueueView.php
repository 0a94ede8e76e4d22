<?php
/**
 * The SLA queue dashlet's HTML (the table and the options form), from the query's rows and the
 * words and labels the dashlet passes in; plain PHP, so it is tested without SuiteCRM. Each row:
 * case number (a link to the case), subject, account, effective severity, the badge of the
 * target that runs now (response, else resolution) and its due time with the countdown.
 */
require_once __DIR__ . '/SupportSla_Row.php';
require_once __DIR__ . '/SupportSla_Badge.php';
require_once __DIR__ . '/SupportSla_Countdown.php';
require_once __DIR__ . '/SupportSla_Queue.php';
require_once __DIR__ . '/SupportSla_BeingUpdated.php';
require_once __DIR__ . '/SupportSla_InputStamp.php';

class SupportSla_QueueView
{
    /**
     * @param array $rows query rows (values HTML-encoded as DBManager::fetchByAssoc gives them)
     * @param bool $more whether more rows matched than are shown
     * @param array $words the dashlet's language strings
     * @param array $labels 'severity', 'response', 'resolution' => option lists (key => label)
     * @param object|null $formatDue function-like object with due($dbValue) => the user's form
     * @param string $language
     * @return string HTML
     */
    public static function table($rows, $more, $words, $labels, $formatDue, $language)
    {
        if (!$rows) {
            return '<p class="sla-queue-empty">' . self::word($words, 'LBL_EMPTY') . '</p>';
        }
        $html = '<table class="list view sla-queue" width="100%" cellspacing="0" cellpadding="0" border="0"><thead><tr>';
        foreach (array('LBL_CASE_NUMBER', 'LBL_SUBJECT', 'LBL_ACCOUNT', 'LBL_SEVERITY', 'LBL_SLA', 'LBL_DUE', ) as $key) {
            $html .= '<th scope="col">' . self::word($words, $key) . '</th>';
        }
        $html .= '</tr></thead><tbody>';
        foreach ($rows as $row) {
            $html .= self::row($row, $words, $labels, $formatDue, $language);
        }
        $html .= '</tbody></table>';
        if ($more) {
            $html .= '<p class="sla-queue-more">' . self::word($words, 'LBL_MORE') . '</p>';
        }
        return $html . SupportSla_Countdown::SCRIPT;
    }

    private static function row($row, $words, $labels, $formatDue, $language)
    {
        $id = SupportSla_Badge::text(SupportSla_Row::value($row, 'id'));
        $current = SupportSla_Queue::currentTarget($row);
        $statusLabels = (array)SupportSla_Row::value($labels, $current['target']);
        $statusLabel = (string)SupportSla_Row::value($statusLabels, $current['status']);
        $severity = (string)SupportSla_Row::value($row, 'sla_effective_severity_c');
        $severityLabel = (string)SupportSla_Row::value((array)SupportSla_Row::value($labels, 'severity'), $severity);
        $due = SupportSla_Countdown::dbForm($current['due']);
        $dueCell = '';
        if ($due !== '') {
            $dueCell = SupportSla_Badge::text(is_object($formatDue) ? $formatDue->due($due) : $due);
            if (in_array($current['status'], SupportSla_Countdown::RUNNING, true)) {
                $dueCell .= SupportSla_Countdown::span($due, $language);
            }
        }
        $target = self::word($words, $current['target'] === 'response' ? 'LBL_RESPONSE' : 'LBL_RESOLUTION');
        $badge = SupportSla_Badge::html($current['status'], $statusLabel === '' ? $current['status'] : $statusLabel, SupportSla_Row::value($row, 'sla_data_problem_c'));
        // The bridge has not caught up with a save: neither the old badge nor the old due time.
        if (SupportSla_InputStamp::isUpdating(SupportSla_Row::value($row, SupportSla_InputStamp::STAMP_FIELD), SupportSla_Row::value($row, SupportSla_InputStamp::SEEN_FIELD))) {
            $badge = SupportSla_BeingUpdated::span((string)SupportSla_Row::value($words, SupportSla_BeingUpdated::LABEL));
            $dueCell = '';
        }
        return '<tr class="oddListRowS1">'
            . '<td><a href="index.php?module=Cases&amp;action=DetailView&amp;record=' . $id . '">'
            . SupportSla_Badge::text(SupportSla_Row::value($row, 'case_number')) . '</a></td>'
            . '<td>' . SupportSla_Badge::text(SupportSla_Row::value($row, 'name')) . '</td>'
            . '<td>' . SupportSla_Badge::text(SupportSla_Row::value($row, 'account_name')) . '</td>'
            . '<td>' . SupportSla_Badge::text($severityLabel === '' ? $severity : $severityLabel) . '</td>'
            . '<td><span class="sla-queue-target">' . $target . '</span> '
            . $badge
            . '</td>'
            . '<td>' . $dueCell . '</td>'
            . '</tr>';
    }

    /**
     * The options form, posted as SuiteCRM's dashlet forms are (module Home, action ConfigureDashlet).
     *
     * @param string $id the dashlet id
     * @param string $title
     * @param array $options as SupportSla_Queue::options returns them
     * @param array $words
     * @param array $severityLabels key => label
     * @return string HTML
     */
    public static function optionsForm($id, $title, $options, $words, $severityLabels)
    {
        $id = SupportSla_Badge::text($id);
        $formName = 'configure_' . $id;
        $html = '<div style="width:500px"><form name="' . $formName . '" action="index.php" method="post"'
            . ' onSubmit="return SUGAR.dashlets.postForm(\'' . $formName . '\', SUGAR.mySugar.uncoverPage);">'
            . '<input type="hidden" name="id" value="' . $id . '">'
            . '<input type="hidden" name="module" value="Home">'
            . '<input type="hidden" name="action" value="ConfigureDashlet">'
            . '<input type="hidden" name="to_pdf" value="true">'
            . '<input type="hidden" name="configure" value="true">'
            . '<table class="edit view" width="400" cellpadding="0" cellspacing="0" border="0" align="center">'
            . '<tr><td class="dataLabel">' . self::word($words, 'LBL_CONFIGURE_TITLE') . '</td><td class="dataField">'
            . '<input type="text" class="text" name="title" size="30" value="' . SupportSla_Badge::text($title) . '"></td></tr>'
            . '<tr><td class="dataLabel">' . self::word($words, 'LBL_SCOPE') . '</td><td class="dataField"><select name="scope">';
        foreach (array('mine' => 'LBL_SCOPE_MINE', 'teams' => 'LBL_SCOPE_TEAMS', 'all' => 'LBL_SCOPE_ALL', ) as $scope => $key) {
            $html .= '<option value="' . $scope . '"' . ($options['scope'] === $scope ? ' selected="selected"' : '') . '>' . self::word($words, $key) . '</option>';
        }
        $html .= '</select></td></tr><tr><td class="dataLabel">' . self::word($words, 'LBL_SEVERITIES') . '</td><td class="dataField">';
        foreach (SupportSla_Queue::SEVERITIES as $severity) {
            $label = (string)SupportSla_Row::value($severityLabels, $severity);
            $html .= '<label style="margin-right:10px"><input type="checkbox" name="severities[]" value="' . $severity . '"'
                . (in_array($severity, $options['severities'], true) ? ' checked="checked"' : '') . '> '
                . SupportSla_Badge::text($label === '' ? $severity : $label) . '</label>';
        }
        $html .= '</td></tr><tr><td class="dataLabel">' . self::word($words, 'LBL_ROWS') . '</td><td class="dataField"><select name="rows">';
        foreach (SupportSla_Queue::ROW_CHOICES as $rows) {
            $html .= '<option value="' . $rows . '"' . ($options['rows'] === $rows ? ' selected="selected"' : '') . '>' . $rows . '</option>';
        }
        return $html . '</select></td></tr><tr><td align="right" colspan="2"><input type="submit" class="button" value="'
            . self::word($words, 'LBL_SAVE') . '"></td></tr></table></form></div>';
    }

    private static function word($words, $key)
    {
        return SupportSla_Badge::text((string)SupportSla_Row::value($words, $key));
    }
}
