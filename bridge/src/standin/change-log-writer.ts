import type { ChangeLogEntry } from '../contract/change-log-entry.js';

/**
 * The stand-in's formatter for one `sla_change_log_c` entry, as the package's hook writes it
 * (schemas/change-log.md): `2026-11-24T09:12:07Z|status|Open_New|Open_Assigned|1|api`, blank
 * values empty, `% | ; & < > " '` and control characters in from/to/user escaped as `%XX`.
 * One function on purpose: the lead swaps it for the data contract's canonical formatter.
 */
export function formatChangeLogEntry(entry: ChangeLogEntry): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are escaped on purpose
  const reserved = /[%|;&<>"'\u0000-\u001f\u007f]/g;
  const escapeValue = (value: string | null) =>
    value === null
      ? ''
      : value.replace(reserved, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  const at = new Date(Math.floor(entry.at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return [
    at,
    entry.field,
    escapeValue(entry.from),
    escapeValue(entry.to),
    escapeValue(entry.userId),
    entry.actor,
  ].join('|');
}
