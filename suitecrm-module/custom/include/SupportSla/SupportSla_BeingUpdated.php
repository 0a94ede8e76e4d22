<?php
/**
 * "SLA being updated…" in place of an SLA badge or due time while the bridge has not yet caught up
 * with a save (docs/staff-view.md#being-updated). The Cases hook stamps the SLA inputs
 * (sla_input_stamp_c, SupportSla_InputStamp) and the bridge echoes the stamp it computed from
 * (sla_input_seen_c); while they differ, the values on the case are from before that save, so they
 * are not shown as if they were current. A string comparison only: no SLA arithmetic.
 *
 * The text is the Cases label LBL_SLA_BEING_UPDATED (English and Spanish from the catalogue), so
 * an admin can rename it in Studio like any label.
 */
require_once __DIR__ . '/SupportSla_InputStamp.php';
require_once __DIR__ . '/SupportSla_Row.php';

class SupportSla_BeingUpdated
{
    const LABEL = 'LBL_SLA_BEING_UPDATED';

    /** When the label is missing (a language without it): English. */
    const FALLBACK = 'SLA being updated…';

    const STYLE = 'color:#5a6270;font-style:italic;white-space:nowrap;';

    /**
     * Smarty source for the detail view: the note while stamp and echo differ, else $shown. The
     * stored values come from fetched_row (DetailView2 assigns the bean), as the countdown's do.
     *
     * @param string $shown the field's own Smarty source
     * @return string
     */
    public static function smarty($shown)
    {
        $stamp = "\$bean->fetched_row['" . SupportSla_InputStamp::STAMP_FIELD . "']";
        $seen = "\$bean->fetched_row['" . SupportSla_InputStamp::SEEN_FIELD . "']";
        return '{if !empty($bean->fetched_row) && ' . $stamp . ' != ' . $seen . '}'
            . '<span class="sla-being-updated" style="' . self::STYLE . '">'
            . '{if !empty($MOD.' . self::LABEL . ')}{$MOD.' . self::LABEL . '}{else}' . self::text(self::FALLBACK) . '{/if}'
            . '</span>{else}' . $shown . '{/if}';
    }

    /**
     * For views drawn in PHP (the list view): the note while the row's stamp and echo differ,
     * else $shown. The list query fetches both (SupportSla_Display::listColumns, related_fields).
     *
     * @param array $row the list row (upper-case keys)
     * @param string $shown the cell's HTML otherwise
     * @return string
     */
    public static function html($row, $shown)
    {
        $stamp = SupportSla_Row::value($row, strtoupper(SupportSla_InputStamp::STAMP_FIELD));
        $seen = SupportSla_Row::value($row, strtoupper(SupportSla_InputStamp::SEEN_FIELD));
        if (!SupportSla_InputStamp::isUpdating($stamp, $seen)) {
            return $shown;
        }
        return self::span(self::label());
    }

    /** The note as HTML, with $label ('' for the English text). */
    public static function span($label)
    {
        $text = trim((string)$label) === '' ? self::FALLBACK : (string)$label;
        return '<span class="sla-being-updated" style="' . self::STYLE . '">' . self::text($text) . '</span>';
    }

    /** The label in the user's language (the Cases strings the list view has loaded). */
    public static function label()
    {
        $strings = isset($GLOBALS['mod_strings']) && is_array($GLOBALS['mod_strings']) ? $GLOBALS['mod_strings'] : array();
        $label = SupportSla_Row::text(SupportSla_Row::value($strings, self::LABEL));
        return $label === '' ? self::FALLBACK : $label;
    }

    private static function text($value)
    {
        return htmlspecialchars(html_entity_decode((string)$value, ENT_QUOTES, 'UTF-8'), ENT_QUOTES, 'UTF-8');
    }
}
