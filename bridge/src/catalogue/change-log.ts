import { decodeHTMLStrict } from 'entities';
import { BridgeError } from '../errors/bridge-error.js';
import { CATALOGUE } from './catalogue.js';
import type { Catalogue } from './catalogue-schema.js';
import {
  CHANGE_LOG_ACTORS,
  CHANGE_LOG_FIELDS,
  type ChangeLogActor,
  type ChangeLogEntry,
  type ChangeLogField,
} from './change-log-entry.js';

/**
 * The case change log (`sla_change_log_c`): parser, formatter, and the hook's rule for which
 * changes make entries, as `schemas/change-log.md` defines them. The PHP writer the package's
 * hook calls (`SupportSla_ChangeLog`) and this file both run `schemas/change-log-examples.json`.
 */

export interface ChangeLogProblem {
  /** 0-based position of the `;`-separated segment. */
  index: number;
  /** The segment's text, shortened to 120 characters. */
  entry: string;
  reason: string;
}

export interface ParsedChangeLog {
  entries: ChangeLogEntry[];
  problems: ChangeLogProblem[];
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

function parseTime(text: string): number | undefined {
  const match = TIME.exec(text);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 31 April into 1 May: only a round trip proves the date exists.
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms;
}

function isReserved(code: number): boolean {
  // % | ; & < > " ' and the control characters
  return (
    code < 0x20 ||
    code === 0x7f ||
    code === 0x25 ||
    code === 0x7c ||
    code === 0x3b ||
    code === 0x26 ||
    code === 0x3c ||
    code === 0x3e ||
    code === 0x22 ||
    code === 0x27
  );
}

/** Percent-escapes the reserved characters of a value (and nothing else). */
export function escapeChangeLogValue(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    out += isReserved(code) ? `%${code.toString(16).toUpperCase().padStart(2, '0')}` : value[i];
  }
  return out;
}

/** Reverses any percent-escaping (each `%XX` a UTF-8 byte); undefined when malformed. */
export function unescapeChangeLogValue(text: string): string | undefined {
  if (!text.includes('%')) return text;
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined; // bytes that are not UTF-8
  }
}

function shorten(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function parseEntry(segment: string): ChangeLogEntry | string {
  const parts = segment.split('|');
  if (parts.length !== 6) return `expected 6 parts separated by "|", found ${parts.length}`;
  const [atText, fieldText, fromText, toText, userText, actorText] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const at = parseTime(atText);
  if (at === undefined) return `bad time "${shorten(atText)}" (expected YYYY-MM-DDTHH:MM:SSZ)`;
  if (!(CHANGE_LOG_FIELDS as readonly string[]).includes(fieldText))
    return `unknown field "${shorten(fieldText)}"`;
  const values: Array<string | null> = [];
  for (const [name, text] of [
    ['from', fromText],
    ['to', toText],
    ['user', userText],
  ] as const) {
    const value = unescapeChangeLogValue(text);
    if (value === undefined) return `bad escape in ${name}: "${shorten(text)}"`;
    values.push(value === '' ? null : value);
  }
  if (!(CHANGE_LOG_ACTORS as readonly string[]).includes(actorText))
    return `unknown actor "${shorten(actorText)}"`;
  const [from, to, userId] = values as [string | null, string | null, string | null];
  return { at, field: fieldText as ChangeLogField, from, to, userId, actor: actorText as ChangeLogActor };
}

/** Reads a change log. Never throws: unreadable entries become problems and the rest are still read. */
export function parseChangeLog(text: string | null | undefined): ParsedChangeLog {
  const entries: ChangeLogEntry[] = [];
  const problems: ChangeLogProblem[] = [];
  if (text === null || text === undefined || text === '') return { entries, problems };
  text.split(';').forEach((raw, index) => {
    const segment = raw.trim();
    if (segment === '') return;
    const parsed = parseEntry(segment);
    if (typeof parsed === 'string') problems.push({ index, entry: shorten(segment), reason: parsed });
    else entries.push(parsed);
  });
  return { entries, problems };
}

/**
 * Entries whose "from" is not the "to" of the previous entry for the same field (in log order):
 * a save that bypassed the hook, or a log rebuilt from a stale copy (a form that posted the log
 * it had loaded, SuiteCRM 8's record view). The log cannot be trusted then, so each is a problem,
 * e.g. `status from Open_New does not match the previous entry, which set it to Open_Assigned`. Unreadable
 * entries are left to parseChangeLog.
 */
export function changeLogContinuityProblems(text: string | null | undefined): ChangeLogProblem[] {
  const problems: ChangeLogProblem[] = [];
  if (text === null || text === undefined || text === '') return problems;
  const lastTo = new Map<ChangeLogField, string | null>();
  text.split(';').forEach((raw, index) => {
    const segment = raw.trim();
    if (segment === '') return;
    const entry = parseEntry(segment);
    if (typeof entry === 'string') return;
    if (lastTo.has(entry.field)) {
      const previous = lastTo.get(entry.field) ?? null;
      if (previous !== entry.from) {
        problems.push({
          index,
          entry: shorten(segment),
          reason: `${entry.field} from ${shown(entry.from)} does not match the previous entry, which set it to ${shown(previous)}`,
        });
      }
    }
    lastTo.set(entry.field, entry.to);
  });
  return problems;
}

function shown(value: string | null): string {
  return value === null ? 'blank' : shorten(value);
}

/** `change log entry 3: unknown actor "robot"`: the reason the sync writes after `not computed: `. */
export function describeChangeLogProblem(problem: ChangeLogProblem): string {
  return `change log entry ${problem.index + 1}: ${problem.reason}`;
}

function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) throw new BridgeError('internal', `change log time ${ms} is not an instant`);
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** One entry's text. The time is written to the whole second (floored). */
export function formatChangeLogEntry(entry: ChangeLogEntry): string {
  return [
    formatTime(entry.at),
    entry.field,
    escapeChangeLogValue(entry.from ?? ''),
    escapeChangeLogValue(entry.to ?? ''),
    escapeChangeLogValue(entry.userId ?? ''),
    entry.actor,
  ].join('|');
}

export function formatChangeLog(entries: readonly ChangeLogEntry[]): string {
  return entries.map(formatChangeLogEntry).join(';');
}

/** The log after appending entries (the log itself when there are none). */
export function appendChangeLog(log: string | null | undefined, entries: readonly ChangeLogEntry[]): string {
  const before = log ?? '';
  if (entries.length === 0) return before;
  const added = formatChangeLog(entries);
  return before === '' ? added : `${before};${added}`;
}

/** Field values as a `before_save` hook sees them: HTML-encoded by SuiteCRM, null or "" when blank. */
export type HookValues = Readonly<Record<string, string | null | undefined>>;

export interface HookChange {
  /** `fetched_row`: null (or empty) when the case is being created. */
  before: HookValues | null;
  /** The bean's values after the change. */
  after: HookValues;
  userId: string | null;
  actor: ChangeLogActor;
  /** Epoch milliseconds of the save. */
  at: number;
}

function hookValue(values: HookValues | null, field: string): string {
  const raw = values?.[field];
  return raw === null || raw === undefined ? '' : decodeHTMLStrict(raw);
}

/**
 * The entries the package's hook appends for one save (the rule of `schemas/change-log.md`), for
 * the V8 stand-in and for checking the PHP writer against the same examples.
 */
export function changeLogEntriesFor(change: HookChange, catalogue: Catalogue = CATALOGUE): ChangeLogEntry[] {
  const entries: ChangeLogEntry[] = [];
  const at = Math.floor(change.at / 1000) * 1000;
  for (const field of CHANGE_LOG_FIELDS) {
    const caseField = catalogue.changeLog.tracked[field];
    if (caseField === undefined) continue;
    const from = hookValue(change.before, caseField);
    const to = hookValue(change.after, caseField);
    if (from === to) continue;
    entries.push({
      at,
      field,
      from: from === '' ? null : from,
      to: to === '' ? null : to,
      userId: change.userId === '' ? null : change.userId,
      actor: change.actor,
    });
  }
  return entries;
}
