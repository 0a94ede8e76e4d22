<?php
/**
 * The coloured badge of a response or resolution status (docs/staff-view.md). Display only: the
 * status is the value the bridge wrote; this picks a colour for it and nothing else.
 *
 * Only PHP files ship (ModuleScanner), so there is no stylesheet: each badge carries its colours
 * inline, plus a class sla-badge-<tone> a theme may style. A status the table does not know gets
 * no badge (its label is shown plain), so a new status from a newer bridge still reads correctly.
 */
class SupportSla_Badge
{
    /** Status key => tone. hours_exhausted and not_applicable mean the target no longer applies: grey. */
    const TONES = array(
        'met' => 'met',
        'met_late' => 'met-late',
        'at_risk' => 'at-risk',
        'breached' => 'breached',
        'pending' => 'neutral',
        'paused' => 'neutral',
        'not_covered' => 'grey',
        'withdrawn' => 'grey',
        'not_tracked' => 'grey',
        'not_applicable' => 'grey',
        'hours_exhausted' => 'grey',
        'not_computed' => 'not-computed',
    );

    /** Tone => inline style. Outlined tones have a transparent background. */
    const STYLES = array(
        'met' => 'background:#2e7d32;border:1px solid #2e7d32;color:#ffffff;',
        'met-late' => 'background:transparent;border:1px solid #d98e04;color:#8a5a00;',
        'at-risk' => 'background:#f0a30a;border:1px solid #f0a30a;color:#1f1f1f;',
        'breached' => 'background:#c62828;border:1px solid #c62828;color:#ffffff;',
        'neutral' => 'background:#e3e7ee;border:1px solid #b7bfcc;color:#2b3340;',
        'grey' => 'background:#eeeeee;border:1px solid #cccccc;color:#6b6b6b;',
        'not-computed' => 'background:transparent;border:1px solid #c62828;color:#c62828;',
    );

    const BASE_STYLE = 'display:inline-block;padding:1px 7px;border-radius:9px;font-size:90%;line-height:1.5;white-space:nowrap;';

    /** @return string the tone of a status key, '' when it has none (blank or unknown) */
    public static function tone($status)
    {
        $status = is_string($status) ? $status : '';
        foreach (self::TONES as $key => $tone) {
            if ($key === $status) {
                return $tone;
            }
        }
        return '';
    }

    /** @return string the inline style of a tone ('' for none) */
    public static function style($tone)
    {
        foreach (self::STYLES as $key => $style) {
            if ($key === $tone) {
                return self::BASE_STYLE . $style;
            }
        }
        return '';
    }

    /**
     * The badge as HTML, for views that render in PHP (list view, dashlet).
     *
     * @param string $status the status key
     * @param string $label its label in the user's language (plain or HTML-encoded text)
     * @param string $reason sla_data_problem_c, shown on hover of a not-computed badge
     * @return string HTML ('' for a blank status)
     */
    public static function html($status, $label, $reason)
    {
        $text = self::text($label);
        $tone = self::tone($status);
        if ($tone === '') {
            return $text;
        }
        $title = '';
        if ($tone === 'not-computed' && trim(self::plain($reason)) !== '') {
            $title = ' title="' . self::text($reason) . '"';
        }
        return '<span class="sla-badge sla-badge-' . $tone . '" style="' . self::style($tone) . '"' . $title . '>' . $text . '</span>';
    }

    /**
     * The badge as Smarty source for the detail view's second pass, where the value is
     * {$fields.<name>.value} (the key) and the label {$fields.<name>.options[...]}. The detail
     * template is compiled once for every record, so the tone is chosen in Smarty, not here.
     *
     * @param string $name the status field
     * @param string $reasonField the field holding the not-computed reason
     * @return string Smarty source
     */
    public static function smarty($name, $reasonField)
    {
        $name = self::identifier($name);
        $reasonField = self::identifier($reasonField);
        if ($name === '') {
            return '';
        }
        $value = '$fields.' . $name . '.value';
        $label = '{$fields.' . $name . '.options[' . $value . ']}';
        $source = '';
        foreach (self::TONES as $status => $tone) {
            $title = '';
            if ($tone === 'not-computed' && $reasonField !== '') {
                // The bean's values are HTML-encoded already (SugarBean loads them with to_html).
                $title = ' title="{$fields.' . $reasonField . '.value}"';
            }
            $source .= ($source === '' ? '{if ' : '{elseif ') . $value . ' == \'' . $status . '\'}'
                . '<span class="sla-badge sla-badge-' . $tone . '" style="' . self::style($tone) . '"' . $title . '>' . $label . '</span>';
        }
        return $source . '{else}' . $label . '{/if}';
    }

    /** A field name safe in a Smarty variable ('' when none is left). */
    public static function identifier($value)
    {
        return is_string($value) ? preg_replace('/[^A-Za-z0-9_]/', '', $value) : '';
    }

    /** Text decoded once, then encoded for HTML: the same output for plain and encoded input. */
    public static function text($value)
    {
        return htmlspecialchars(self::plain($value), ENT_QUOTES, 'UTF-8');
    }

    private static function plain($value)
    {
        return html_entity_decode(is_scalar($value) ? (string)$value : '', ENT_QUOTES, 'UTF-8');
    }
}
