/**
 * The change marker (docs/freshness.md): one fixed record of the package's tiny
 * `SLA_ChangeMarkers` module whose counters the package's after_save hooks bump, one per synced
 * module, each with a fixed `UPDATE ... SET n = n + 1` statement. The bridge reads it with one
 * GET of that record (no list, so no COUNT(*)), and reads a module only when its counter moved.
 */
export const CHANGE_MARKER_MODULE = 'SLA_ChangeMarkers';
/** The marker's fixed id: V8 checks ids are UUID-shaped, so it is one. */
export const CHANGE_MARKER_ID = '5a1a0c4e-0000-4000-8000-000000000001';

/** The counter field for each synced module. */
export const CHANGE_MARKER_FIELDS = {
  Accounts: 'account_saves',
  SLA_TimeEntries: 'time_entry_saves',
  Cases: 'case_saves',
} as const;

export type MarkedModule = keyof typeof CHANGE_MARKER_FIELDS;
export type ChangeCounts = Record<MarkedModule, number>;
