import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runPhp } from '../../support/php.js';
import { needPhp } from '../../support/services.js';

/**
 * The countdown script SupportSla_Countdown puts beside a due time, run in Node against a page
 * holding the spans PHP rendered: every span gets the time left or overdue, counted from the
 * browser clock (Date) when the script runs, in the words of the span's language.
 */
const php = needPhp();

interface FakeSpan {
  attrs: Record<string, string>;
  textContent: string;
  style: { color: string };
  getAttribute(name: string): string | null;
}

function span(due: string, words: string): FakeSpan {
  const attrs: Record<string, string> = { 'data-sla-due': due, 'data-sla-words': words };
  return { attrs, textContent: '', style: { color: '' }, getAttribute: (name) => attrs[name] ?? null };
}

function runScript(spans: FakeSpan[], nowUtc: string, readyState = 'complete') {
  const script = runPhp([
    '-r',
    "define('sugarEntry', true); require 'suitecrm-module/custom/include/SupportSla/SupportSla_Countdown.php'; print SupportSla_Countdown::SCRIPT;",
  ]).stdout;
  const code = script.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '');
  const fixed = Date.parse(nowUtc);
  class FixedDate extends Date {
    constructor() {
      super(fixed);
    }
  }
  const timers: number[] = [];
  const window: Record<string, unknown> = { setInterval: (_f: unknown, ms: number) => timers.push(ms) };
  const loaded: Array<() => void> = [];
  const document = {
    readyState,
    querySelectorAll: (selector: string) => (selector === 'span[data-sla-due]' ? spans : []),
    addEventListener: (event: string, listener: () => void) => {
      if (event === 'DOMContentLoaded') loaded.push(listener);
    },
  };
  runInNewContext(code, { window, document, Date: Object.assign(FixedDate, { UTC: Date.UTC }), Math });
  return { timers, loaded };
}

const EN = 'in %s|%s overdue|due now|d|h|min';
const ES = 'en %s|vencido hace %s|vence ahora|d|h|min';

describe.skipIf(php.skip)('the SLA countdown in the browser', () => {
  it('says the time left and overdue, in two units at most, from the browser clock', () => {
    const cases: Array<[string, string, string]> = [
      ['2026-12-07 16:50:00', EN, 'in 1 h 20 min'],
      ['2026-12-07 12:30:00', EN, '3 h overdue'],
      ['2026-12-07 15:30:40', EN, 'due now'],
      ['2026-12-07 15:45:00', EN, 'in 15 min'],
      ['2026-12-09 18:31:00', EN, 'in 2 d 3 h'],
      ['2026-12-07 14:29:30', ES, 'vencido hace 1 h'],
      ['2026-12-08 15:30:00', ES, 'en 1 d'],
    ];
    const spans = cases.map(([due, words]) => span(due, words));
    const { timers } = runScript(spans, '2026-12-07T15:30:00Z');
    expect(spans.map((s) => s.textContent)).toEqual(cases.map(([, , text]) => text));
    expect(spans[1]?.style.color).toBe('#c62828');
    expect(spans[0]?.style.color).toBe('#2b3340');
    expect(timers).toEqual([30000]);
  });

  it('fills the rows parsed after it once the page has loaded (the script comes with the first row)', () => {
    const spans = [span('2026-12-07 16:50:00', EN)];
    const { loaded } = runScript(spans, '2026-12-07T15:30:00Z', 'loading');
    spans.push(span('2026-12-07 12:30:00', EN));
    expect(spans[1]?.textContent).toBe('');
    for (const listener of loaded) listener();
    expect(spans.map((s) => s.textContent)).toEqual(['in 1 h 20 min', '3 h overdue']);
  });

  it('leaves a span without a usable time or words empty', () => {
    const spans = [span('', EN), span('07/12/2026 16:30', EN), span('2026-12-07 16:50:00', 'in %s')];
    runScript(spans, '2026-12-07T15:30:00Z');
    expect(spans.map((s) => s.textContent)).toEqual(['', '', '']);
  });
});
