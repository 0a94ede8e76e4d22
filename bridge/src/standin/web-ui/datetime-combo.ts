/**
 * SuiteCRM 7.14's Datetimecombo edit widget (include/SugarFields/Fields/Datetimecombo/EditView.tpl
 * and jssource/src_files/include/SugarFields/Fields/Datetimecombo/Datetimecombo.js): a date input,
 * an hour select and a minute select offering only 00/15/30/45, plus a hidden input holding
 * the value the form posts. On load the widget reads the shown value (the user's formats),
 * rounds its minutes UP to the next quarter hour and writes the hidden input (update()), so a
 * save re-posts the rounded value even when nobody touched the field.
 *
 * What the widget does at an hour boundary is modelled as written, quirks included:
 * - 24-hour formats: 23:46-23:59 become hour 24, which no option matches; the template builds
 *   the widget with allowEmptyHM, so the empty option stays selected and update() then picks
 *   option 12, hour "11": the value posted is 11:00 of the same day.
 * - 12-hour formats: 11:46-11:59 flip the meridiem (11:53pm posts 12:00am of the same day).
 */

export interface ComboTime {
  /** The time format as SuiteCRM's user preferences hold it (`H:i`, `h:ia`...). */
  timeFormat: string;
}

/** The value the widget's hidden input holds after load, from the shown value ('' stays ''). */
export function widgetValue(shown: string, timeFormat: string): string {
  if (shown.trim().length < 10) return '';
  const space = shown.indexOf(' ');
  if (space < 0) return shown;
  const date = shown.slice(0, space);
  const time = shown.slice(space + 1);
  let hours = Number.parseInt(time.slice(0, 2), 10);
  let minutes = Number.parseInt(time.slice(3, 5), 10);
  const separator = timeFormat.charAt(1) === ':' || timeFormat.charAt(1) === '.' ? timeFormat.charAt(1) : ':';
  const hasMeridiem = /a/i.test(timeFormat);
  const upper = /A/.test(timeFormat);
  let meridiem = hasMeridiem ? time.slice(5).trim() : '';

  if (minutes > 0 && minutes < 15) minutes = 15;
  else if (minutes > 15 && minutes < 30) minutes = 30;
  else if (minutes > 30 && minutes < 45) minutes = 45;
  else if (minutes > 45) {
    hours += 1;
    minutes = 0;
    if (hasMeridiem && hours === 12)
      meridiem = /pm/i.test(meridiem) ? (upper ? 'AM' : 'am') : upper ? 'PM' : 'pm';
    if (hasMeridiem && hours > 12) hours -= 12;
  }

  // The hour select: ['', 00..23] or ['', 01..12]; with no option matching, the empty one is
  // selected and update() sets selectedIndex 12.
  const first = hasMeridiem ? 1 : 0;
  const last = hasMeridiem ? 12 : 23;
  const hourText = hours >= first && hours <= last ? pad(hours) : pad(first + 11);
  // A space before the meridiem (`h:i a`) is not re-posted: update() joins them without one.
  return `${date} ${hourText}${separator}${pad(minutes)}${meridiem}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
