import {
  CHANGE_MARKER_FIELDS,
  CHANGE_MARKER_ID,
  CHANGE_MARKER_MODULE,
  type ChangeCounts,
} from '../../catalogue/change-marker.js';
import { dbDatetime } from '../clock/virtual-clock.js';
import type { ModuleName } from '../schema/module-defs.js';

/**
 * The package's change marker as the stand-in models it: the after_save hook of each synced
 * module (SupportSla_ChangeMarker, registered for Accounts, Cases and SLA_TimeEntries) adds one
 * to that module's counter on every save, whoever saves (a person, the V8 API, the bridge).
 * Like SuiteCRM's after_save hooks (SugarBean::save calls call_custom_logic('after_save') after
 * the row is written), the bump follows the write, so a moved counter means a committed save.
 * Deletions do not bump it (mark_deleted runs no after_save); the nightly reconcile finds them.
 */
export class ChangeMarker {
  private readonly counts: ChangeCounts = { Accounts: 0, SLA_TimeEntries: 0, Cases: 0 };
  private modifiedAt = 0;

  bump(module: ModuleName, now: number): void {
    this.counts[module] += 1;
    this.modifiedAt = now;
  }

  snapshot(): ChangeCounts {
    return { ...this.counts };
  }

  /** The record a V8 GET of the marker returns (attributes as SuiteCRM sends them: strings). */
  resource(fields: readonly string[] | undefined): Record<string, unknown> {
    const all: Record<string, string> = {
      name: 'SLA change marker',
      date_modified: this.modifiedAt === 0 ? '' : dbDatetime(this.modifiedAt),
      [CHANGE_MARKER_FIELDS.Accounts]: String(this.counts.Accounts),
      [CHANGE_MARKER_FIELDS.SLA_TimeEntries]: String(this.counts.SLA_TimeEntries),
      [CHANGE_MARKER_FIELDS.Cases]: String(this.counts.Cases),
    };
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(all)) {
      if (!fields || fields.includes(name)) attributes[name] = value;
    }
    return { type: CHANGE_MARKER_MODULE, id: CHANGE_MARKER_ID, attributes, relationships: {} };
  }
}
