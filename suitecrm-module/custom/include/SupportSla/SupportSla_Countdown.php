<?php
/**
 * The time left or overdue beside a due time ("in 1 h 20 min", "3 h overdue"), counted in
 * wall-clock time by the browser from its own clock when the page renders (and again every 30 s
 * while it stays open). Display only: the due time is the one the bridge wrote, and the package
 * computes no SLA number; the count is now minus a timestamp, as any clock would show it.
 *
 * PHP renders an empty <span data-sla-due="Y-m-d H:i:s" (UTC, the database form)> with the words
 * of the user's language, then one script fills every such span on the page. The absolute due
 * time stays beside it as SuiteCRM shows it (user time zone and date format). The count is shown
 * only while the target is still running or breached: a met target's due time is history.
 */
class SupportSla_Countdown
{
    /** Statuses whose due time is still ahead or missed. */
    const RUNNING = array('pending', 'at_risk', 'breached', );

    /** Words: "in %s", "%s overdue", due now, then the units day, hour, minute. */
    const WORDS = array(
        'en_us' => array('in %s', '%s overdue', 'due now', 'd', 'h', 'min', ),
        'es_ES' => array('en %s', 'vencido hace %s', 'vence ahora', 'd', 'h', 'min', ),
    );

    const SCRIPT = '<script type="text/javascript">(function (w, d) {
    var parse = function (text) {
        var m = /^(\\d{4})-(\\d{2})-(\\d{2})[ T](\\d{2}):(\\d{2})(?::(\\d{2}))?/.exec(text || \'\');
        return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0)) : null;
    };
    var span = function (minutes, words) {
        var days = Math.floor(minutes / 1440), hours = Math.floor((minutes % 1440) / 60), mins = minutes % 60;
        if (days > 0) {
            return days + \' \' + words[3] + (hours > 0 ? \' \' + hours + \' \' + words[4] : \'\');
        }
        if (hours > 0) {
            return hours + \' \' + words[4] + (mins > 0 ? \' \' + mins + \' \' + words[5] : \'\');
        }
        return mins + \' \' + words[5];
    };
    var text = function (due, now, words) {
        var minutes = Math.floor(Math.abs(due - now) / 60000);
        if (minutes < 1) {
            return words[2];
        }
        return (due > now ? words[0] : words[1]).replace(\'%s\', span(minutes, words));
    };
    var render = function () {
        var spans = d.querySelectorAll(\'span[data-sla-due]\');
        var now = new Date().getTime();
        for (var i = 0; i < spans.length; i++) {
            var due = parse(spans[i].getAttribute(\'data-sla-due\'));
            var words = (spans[i].getAttribute(\'data-sla-words\') || \'\').split(\'|\');
            if (due === null || words.length < 6) {
                continue;
            }
            spans[i].textContent = text(due, now, words);
            spans[i].style.color = due > now ? \'#2b3340\' : \'#c62828\';
        }
    };
    w.SupportSlaCountdown = { parse: parse, text: text, render: render };
    render();
    if (d.readyState === \'loading\') {
        d.addEventListener(\'DOMContentLoaded\', render);
    }
    if (!w.SupportSlaCountdownTimer) {
        w.SupportSlaCountdownTimer = w.setInterval(render, 30000);
    }
})(window, document);</script>';

    const SPAN_STYLE = 'margin-left:6px;font-size:90%;white-space:nowrap;';

    /** @return array the words of a language (English unless it is Spanish) */
    public static function words($language)
    {
        $found = array_intersect_key(self::WORDS, array((string)$language => true, ));
        return $found ? reset($found) : self::WORDS['en_us'];
    }

    /** @return string the user's language as SuiteCRM set it for this request */
    public static function currentLanguage()
    {
        return isset($GLOBALS['current_language']) ? (string)$GLOBALS['current_language'] : 'en_us';
    }

    /**
     * @param string $dbValue the due time in the database form (UTC), '' for none
     * @param string $status the status key of the same target
     * @param string $language
     * @return string HTML: the span and the script, '' when no count applies
     */
    public static function html($dbValue, $status, $language)
    {
        $due = self::dbForm($dbValue);
        if ($due === '' || !in_array((string)$status, self::RUNNING, true)) {
            return '';
        }
        return self::span($due, $language) . self::scriptOnce();
    }

    /** Whether this request has already sent the script (a list view renders every row in one request). */
    private static $scriptSent = false;

    /**
     * The script the first time in a request, '' after: it fills every span on the page, now,
     * when the page has loaded (for the rows after it) and every 30 s.
     */
    public static function scriptOnce()
    {
        if (self::$scriptSent) {
            return '';
        }
        self::$scriptSent = true;
        return self::SCRIPT;
    }

    /** Starts a new request's count (for tests: each PHP request starts with none sent). */
    public static function forgetScriptSent()
    {
        self::$scriptSent = false;
    }

    /**
     * Smarty source for the detail view's second pass: the stored (UTC) value comes from the
     * bean's fetched_row, because {$fields.<due>.value} is already in the user's format.
     *
     * @param string $dueField
     * @param string $statusField
     * @param string $language
     * @return string Smarty source
     */
    public static function smarty($dueField, $statusField, $language)
    {
        $due = SupportSla_Badge::identifier($dueField);
        $status = SupportSla_Badge::identifier($statusField);
        if ($due === '' || $status === '') {
            return '';
        }
        $tests = array();
        foreach (self::RUNNING as $running) {
            $tests[] = '$fields.' . $status . '.value == \'' . $running . '\'';
        }
        return '{if (' . implode(' || ', $tests) . ') && !empty($bean->fetched_row[\'' . $due . '\'])}'
            . '<span class="sla-countdown" style="' . self::SPAN_STYLE . '" data-sla-due="{$bean->fetched_row[\'' . $due . '\']}"'
            . ' data-sla-words="' . self::wordsAttribute($language) . '"></span>{literal}' . self::SCRIPT . '{/literal}{/if}';
    }

    /** The span alone, for a page that adds the script once (the dashlet). */
    public static function span($dbValue, $language)
    {
        return '<span class="sla-countdown" style="' . self::SPAN_STYLE . '" data-sla-due="' . self::dbForm($dbValue)
            . '" data-sla-words="' . self::wordsAttribute($language) . '"></span>';
    }

    /** @return string Y-m-d H:i:s when the value is one ('' otherwise) */
    public static function dbForm($value)
    {
        $value = is_string($value) ? trim($value) : '';
        return preg_match('/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/', $value) === 1 ? $value : '';
    }

    private static function wordsAttribute($language)
    {
        return htmlspecialchars(implode('|', self::words($language)), ENT_QUOTES, 'UTF-8');
    }
}
