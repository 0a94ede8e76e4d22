import { type DayNumber, parseIsoDate } from '../../iso/day-number.js';
import { type DedicatedContract, isUnderContract } from '../contract/contract-facts.js';
import { termEnd, termStart } from '../contract/contract-terms.js';
import { dataProblem } from '../data-problem.js';
import { type Policy, TIME_CATEGORIES, type TimeCategory } from '../policy/policy.schema.js';
import type { TimeEntryRecord } from './time-entry-record.js';

/** A time entry with checked values; hours in hundredths, so sums are exact. */
export interface TimeEntry {
  id: string;
  caseId: string | null;
  day: DayNumber;
  centihours: number;
  category: TimeCategory;
}

export const HOURS_STATES = ['ok', 'warning', 'critical', 'exhausted'] as const;
export type HoursState = (typeof HOURS_STATES)[number];

/**
 * An entry records the time one person spent on one work date: more than a day's hours is a
 * typing mistake (100000 for 1.0000), and counting it would exhaust the plan at once.
 */
export const MAX_HOURS_PER_ENTRY = 24;

/** Checks an entry's values; a bad one is a DataProblem (the entry then counts nowhere). */
export function readTimeEntry(record: TimeEntryRecord): TimeEntry {
  const text = record.workDate?.trim() ?? '';
  if (text === '') dataProblem({ code: 'work_date_missing' });
  const day = parseIsoDate(text);
  if (day === undefined)
    dataProblem({ code: 'date_invalid', module: 'SLA_TimeEntries', field: 'work_date', text });
  if (record.hours === null) dataProblem({ code: 'hours_missing' });
  if (!Number.isFinite(record.hours)) dataProblem({ code: 'hours_not_number', value: record.hours });
  if (record.hours < 0 || record.hours > MAX_HOURS_PER_ENTRY) {
    dataProblem({ code: 'hours_out_of_range', value: record.hours, max: MAX_HOURS_PER_ENTRY });
  }
  const category = record.category?.trim() ?? '';
  if (category === '') dataProblem({ code: 'category_missing' });
  if (!(TIME_CATEGORIES as readonly string[]).includes(category))
    dataProblem({ code: 'category_unknown', value: category });
  return {
    id: record.id,
    caseId: record.caseId,
    day,
    centihours: Math.round(record.hours * 100),
    category: category as TimeCategory,
  };
}

/** The entries of a list whose values are valid (the invalid ones are reported on the entries themselves). */
export function validTimeEntries(records: readonly TimeEntryRecord[]): TimeEntry[] {
  const out: TimeEntry[] = [];
  for (const record of records) {
    try {
      out.push(readTimeEntry(record));
    } catch {
      // Not counted; evaluateTimeEntry writes the reason on the entry.
    }
  }
  return out;
}

/**
 * Whether an entry consumes the plan's hours: a counted category (never development or
 * migration), on a day under contract (from the start, before any lapse or early end).
 */
export function countsAgainstPlan(entry: TimeEntry, contract: DedicatedContract, policy: Policy): boolean {
  return (
    (policy.countedCategories as readonly string[]).includes(entry.category) &&
    isUnderContract(contract, entry.day)
  );
}

/** The counted entries of a term, by work date (and id, for a stable order). */
export function termEntries(
  contract: DedicatedContract,
  term: number,
  entries: readonly TimeEntry[],
  policy: Policy,
): TimeEntry[] {
  const from = termStart(contract.start, term);
  const to = termEnd(contract.start, term);
  return entries
    .filter((entry) => entry.day >= from && entry.day < to && countsAgainstPlan(entry, contract, policy))
    .sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Hundredths of hours used in a term by work dates on or before `upTo` (inclusive). */
export function usedInTerm(
  contract: DedicatedContract,
  term: number,
  entries: readonly TimeEntry[],
  policy: Policy,
  upTo: DayNumber,
): number {
  let used = 0;
  for (const entry of termEntries(contract, term, entries, policy))
    if (entry.day <= upTo) used += entry.centihours;
  return used;
}

export function hoursState(used: number, reserved: number, shares: readonly number[]): HoursState {
  if (used >= reserved) return 'exhausted';
  if (shares[1] !== undefined && used >= shares[1] * reserved) return 'critical';
  if (shares[0] !== undefined && used >= shares[0] * reserved) return 'warning';
  return 'ok';
}

export interface HoursCrossing {
  /** The work date on which the term's counted hours first reached the level. */
  day: DayNumber;
  state: Exclude<HoursState, 'ok'>;
  used: number;
}

/** The day each hours level (warning, critical, exhausted) was first reached in a term. */
export function hoursCrossings(
  contract: DedicatedContract,
  term: number,
  entries: readonly TimeEntry[],
  policy: Policy,
): HoursCrossing[] {
  const reserved = contract.reservedCentihours;
  const levels: Array<{ state: HoursCrossing['state']; threshold: number }> = [];
  const [warning, critical] = policy.hourWarningShares;
  if (warning !== undefined) levels.push({ state: 'warning', threshold: warning * reserved });
  if (critical !== undefined) levels.push({ state: 'critical', threshold: critical * reserved });
  levels.push({ state: 'exhausted', threshold: reserved });
  const crossings: HoursCrossing[] = [];
  const first = termStart(contract.start, term);
  let used = 0;
  let next = 0;
  const reach = (day: DayNumber) => {
    while (next < levels.length && used >= (levels[next] as (typeof levels)[number]).threshold) {
      crossings.push({ day, state: (levels[next] as (typeof levels)[number]).state, used });
      next++;
    }
  };
  reach(first); // a term with no reserved hours is exhausted from its first day
  for (const entry of termEntries(contract, term, entries, policy)) {
    used += entry.centihours;
    reach(entry.day);
  }
  return crossings;
}

/** Hundredths of hours as a decimal number of hours (2 places). */
export function toHours(centihours: number): number {
  return centihours / 100;
}
