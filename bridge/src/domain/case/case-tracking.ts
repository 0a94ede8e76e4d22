import { floorToMinute } from '../time/local-day.js';
import type { CaseRecord } from './case-record.js';

/**
 * Whether the bridge tracks a case at all. An untracked case is never written: it pays no PATCH
 * and never shows "not computed". Two reasons, checked in this order:
 * - `before_tracking_start`: reported (or, when "reported at" is blank, created) before the
 *   tracking start, the admin's cut-off (`sla-bridge tracking-start`);
 * - `created_before_install`: its change log does not start at its creation
 *   (`changeLogStartsAtCreation`), so the case existed before the package's hook was there to
 *   log it and its clocks cannot be read from the log. Cases created after the install are
 *   tracked from their creation, whoever created them (a person, the API, a workflow, an import).
 */
export const NOT_TRACKED_REASONS = ['before_tracking_start', 'created_before_install'] as const;
export type NotTrackedReason = (typeof NOT_TRACKED_REASONS)[number];

export type CaseTracking = { tracked: true } | { tracked: false; reason: NotTrackedReason };

/** The reasons in words, for the command line and the docs. */
export const NOT_TRACKED_WORDS: Record<NotTrackedReason, string> = {
  before_tracking_start: 'reported before the tracking start',
  created_before_install: 'created before the package was installed',
};

/**
 * How far the creation save's log time may lie before `date_entered`. Both normally come from the
 * same PHP process, and SuiteCRM's TimeDate caches "now" for the request, so the hook's time() is
 * at or after date_entered. It can be earlier only when a client set date_entered itself from a
 * clock that runs ahead (the V8 API and the import keep a posted date_entered: SugarBean::save
 * fills it only when empty).
 */
export const CREATION_SKEW_MS = 5 * 60_000;

/**
 * How far the creation save's log time may lie after `date_entered` as the bridge reads it:
 * - the V8 API drops the seconds of datetimes (up to 59 s), while the log keeps them;
 * - for an API user in a zone with daylight saving, the V8 API gives a time in the repeated
 *   autumn hour an hour early;
 * - date_entered is TimeDate's "now" cached when the request began (include/TimeDate.php,
 *   `allow_cache`), while the hook takes time() at each save: an import or a scheduler run that
 *   creates many cases in one request logs the later ones minutes after their date_entered.
 * Generous on purpose: what tells an update of an older case apart is mainly the status (see
 * `changeLogStartsAtCreation`), not the time.
 */
export const CREATION_LAG_MS = 2 * 3_600_000;

export function caseTracking(record: CaseRecord, trackingStart: number): CaseTracking {
  const reported = record.reportedAt ?? record.dateEntered;
  // Minute resolution, as every clock is (docs/business-time.md rule 1.3): a case reported at 00:00:40 on
  // the tracking start's day is tracked. An unreadable time is not a reason to skip a case: the
  // evaluation then says what is wrong with it.
  if (reported !== null && Number.isFinite(reported) && floorToMinute(reported) < trackingStart) {
    return { tracked: false, reason: 'before_tracking_start' };
  }
  if (!changeLogStartsAtCreation(record)) return { tracked: false, reason: 'created_before_install' };
  return { tracked: true };
}

/**
 * The change log starts at the case's creation when its first save is the one that created the
 * case. On create, the package's before_save hook (SupportSla_CaseSave::apply with an empty
 * fetched_row) logs every tracked field that is not blank as a change from blank, at the save's
 * time: status from blank (to Open_New for a case created in New), and environment, cause and
 * reportable, which have defaults. An update logs changes from the stored values. So:
 * 1. the log is not empty: an empty log means the hook never saw the case's creation (a create
 *    always logs at least the fields with defaults, and the status);
 * 2. its first entry changes a field from blank, as every entry of a create does;
 * 3. the status's history starts from blank: the first status entry is from blank, or there is
 *    none and the case has no status (created without one: tracked, and "not computed: status
 *    missing" then tells staff). A case created before the install has a status, so its first
 *    logged status change is from that status; this is what sets apart an older case whose first
 *    edit after the install filled in the (new) severity field, from blank;
 * 4. the first entry lies within the creation window of date_entered (whole seconds, not
 *    minutes: see CREATION_SKEW_MS and CREATION_LAG_MS). A case with no date_entered is judged on
 *    1-3 alone.
 * A log with an entry that cannot be read counts as starting at the creation (see below).
 */
export function changeLogStartsAtCreation(record: CaseRecord): boolean {
  // An entry that cannot be read may be the first one: the case is then tracked, and its
  // evaluation says which entry is wrong ("not computed"), rather than the case going quiet.
  if (record.changeLogProblems.length > 0) return true;
  const first = record.changeLog[0];
  if (first === undefined) return false;
  if (first.from !== null) return false;
  const firstStatus = record.changeLog.find((entry) => entry.field === 'status');
  if (firstStatus ? firstStatus.from !== null : !isBlank(record.status)) return false;
  const entered = record.dateEntered;
  if (entered === null || !Number.isFinite(entered)) return true;
  return first.at >= entered - CREATION_SKEW_MS && first.at <= entered + CREATION_LAG_MS;
}

function isBlank(value: string | null): boolean {
  return value === null || value.trim() === '';
}
