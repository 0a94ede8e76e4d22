import { formatChangeLogEntry as canonicalFormat } from '../catalogue/change-log.js';
import type { ChangeLogEntry } from '../catalogue/change-log-entry.js';

/**
 * The one place the stand-in formats a `sla_change_log_c` entry, as the package's hook writes
 * it (`2026-11-24T09:12:07Z|status|Open_New|Open_Assigned|1|api`; schemas/change-log.md). It
 * delegates to the data contract's canonical formatter, so the stand-in, the PHP writer and the
 * bridge's parser share one definition.
 */
export function formatChangeLogEntry(entry: ChangeLogEntry): string {
  return canonicalFormat(entry);
}
