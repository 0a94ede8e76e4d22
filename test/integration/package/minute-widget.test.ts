import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { runPhp } from '../../support/php.js';
import { needPhp } from '../../support/services.js';

/**
 * The script SupportSla_MinuteWidget adds after SuiteCRM 7's stock datetime edit widget, run in
 * Node against a model of that widget as the page holds it before the script runs. The model
 * follows SuiteCRM 7.14.6's jssource/src_files/include/SugarFields/Fields/Datetimecombo/Datetimecombo.js:
 * html() renders an empty option then hours 00-23 (01-12 with a meridiem), an empty option then
 * minutes 00/15/30/45, and selects the constructor's rounded hrs/mins (minute up to the next
 * quarter hour; past :45 the hour goes up, to 24 at 23:46-23:59, which no option matches, so the
 * browser shows the first, empty option); update() writes date + ' ' + hours + separator +
 * minutes (+ meridiem) into the hidden input the form posts. The Smarty parts of the script
 * ({literal} and the escaped field value, include/SugarFields/Fields/Datetimecombo/EditView.tpl's
 * two-pass rendering) are resolved here as the edit view's second pass would.
 */
const php = needPhp();

interface Opt {
  text: string;
  value: string;
}

class FakeSelect {
  options: Opt[] = [];
  selectedIndex = 0;
  get value(): string {
    return this.options[this.selectedIndex]?.value ?? '';
  }
}

interface Widget {
  hidden: { value: string };
  date: { value: string };
  hours: FakeSelect;
  minutes: FakeSelect;
  meridiem?: FakeSelect;
  updates: number;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The stock widget after its constructor and html() ran on `value` (user format, e.g. "12/07/2026 12:53"). */
function stockWidget(value: string, twelveHour: boolean): Widget {
  let hrs = Number.parseInt(value.substring(11, 13), 10);
  let mins = Number.parseInt(value.substring(14, 16), 10);
  let meridiem = twelveHour ? value.substring(16).trim() : '';
  if (mins > 0 && mins < 15) mins = 15;
  else if (mins > 15 && mins < 30) mins = 30;
  else if (mins > 30 && mins < 45) mins = 45;
  else if (mins > 45) {
    hrs += 1;
    mins = 0;
    if (twelveHour && hrs === 12) meridiem = meridiem === 'pm' ? 'am' : 'pm';
    if (twelveHour && hrs > 12) hrs -= 12;
  }
  const select = (values: string[], selected: string) => {
    const s = new FakeSelect();
    s.options = [{ text: '', value: '' }, ...values.map((v) => ({ text: v, value: v }))];
    s.selectedIndex = Math.max(
      0,
      s.options.findIndex((o) => o.value === selected),
    );
    return s;
  };
  const hourValues = Array.from({ length: twelveHour ? 12 : 24 }, (_, i) => two(twelveHour ? i + 1 : i));
  const widget: Widget = {
    hidden: { value },
    date: { value: value.substring(0, 10) },
    hours: select(hourValues, Number.isNaN(hrs) ? '' : two(hrs)),
    minutes: select(['00', '15', '30', '45'], Number.isNaN(mins) ? '' : two(mins)),
    updates: 0,
  };
  if (twelveHour) widget.meridiem = select(['am', 'pm'], meridiem);
  return widget;
}

function runScript(widget: Widget, id: string, value: string): void {
  const run = runPhp([
    '-r',
    `require 'suitecrm-module/custom/include/SupportSla/SupportSla_MinuteWidget.php'; print SupportSla_MinuteWidget::script('${id}', 'fields', '${id}');`,
  ]);
  expect(run.stderr).toBe('');
  const html = run.stdout;
  const match =
    /^<script type="text\/javascript">\{literal\}([\s\S]*)\{\/literal\}\('([a-z_]+)', '\{\$fields\.([a-z_]+)\.value\|escape:'javascript'\}'\);<\/script>$/.exec(
      html,
    );
  expect(match, html).not.toBeNull();
  const [, body, scriptId, field] = match as RegExpExecArray;
  expect([scriptId, field]).toEqual([id, id]);
  const elements: Record<string, unknown> = {
    [`${id}_hours`]: widget.hours,
    [`${id}_minutes`]: widget.minutes,
    [`${id}_meridiem`]: widget.meridiem,
  };
  const combo = {
    hrs: 0,
    mins: 0,
    meridiem: '',
    update(listeners: boolean): void {
      expect(listeners).toBe(false);
      widget.updates += 1;
      const separator = ':';
      widget.hidden.value = `${widget.date.value} ${widget.hours.value}${separator}${widget.minutes.value}${widget.meridiem?.value ?? ''}`;
    },
  };
  const context: Record<string, unknown> = {
    document: { getElementById: (name: string) => elements[name] ?? null },
    Option: class {
      constructor(
        public text: string,
        public value: string,
      ) {}
    },
    [`combo_${id}`]: combo,
  };
  context.window = context;
  runInNewContext(`${body}(${JSON.stringify(id)}, ${JSON.stringify(value)});`, context);
}

const minuteValues = ['', ...Array.from({ length: 60 }, (_, i) => two(i))];

describe.skipIf(php.skip)('the every-minute datetime edit widget', () => {
  it('shows 12:53 as 12:53, not the stock 13:00, with every minute offered, and the form posts 12:53', () => {
    const widget = stockWidget('12/07/2026 12:53', false);
    expect([widget.hours.value, widget.minutes.value]).toEqual(['13', '00']); // the stock rounding
    runScript(widget, 'sla_reported_at_c', '12/07/2026 12:53');
    expect(widget.minutes.options.map((o) => o.value)).toEqual(minuteValues);
    expect([widget.hours.value, widget.minutes.value]).toEqual(['12', '53']);
    expect(widget.hidden.value).toBe('12/07/2026 12:53');
    expect(widget.updates).toBe(1);
  });

  it('keeps 23:52, where the stock widget shows an empty hour (24 has no option)', () => {
    const widget = stockWidget('07.12.2026 23:52', false);
    expect(widget.hours.value).toBe('');
    runScript(widget, 'sla_reported_at_c', '07.12.2026 23:52');
    expect(widget.hidden.value).toBe('07.12.2026 23:52');
  });

  it('keeps 11:52pm in a 12-hour format, where the stock widget shows 12:00am', () => {
    const widget = stockWidget('12/07/2026 11:52pm', true);
    expect([widget.hours.value, widget.minutes.value, widget.meridiem?.value]).toEqual(['12', '00', 'am']);
    runScript(widget, 'sla_reported_at_c', '12/07/2026 11:52pm');
    expect(widget.hidden.value).toBe('12/07/2026 11:52pm');
  });

  it('a blank value: every minute offered, nothing selected, nothing written', () => {
    const widget = stockWidget('', false);
    runScript(widget, 'sla_reported_at_c', '');
    expect(widget.minutes.options.map((o) => o.value)).toEqual(minuteValues);
    expect(widget.minutes.value).toBe('');
    expect(widget.updates).toBe(0);
    expect(widget.hidden.value).toBe('');
  });
});
