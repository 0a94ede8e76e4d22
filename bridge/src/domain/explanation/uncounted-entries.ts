import { DataProblem } from '../data-problem.js';
import { readTimeEntry } from '../hours/hours-usage.js';
import type { TimeEntryRecord } from '../hours/time-entry-record.js';
import type { Language } from '../policy/policy.schema.js';
import { fieldLabel } from '../problems/field-words.js';
import { problemText } from '../problems/problem-text.js';

const LISTED = 3; // the explanation names the first few; each entry's own field has its reason
const SUBJECT_LENGTH = 60;

/**
 * The case's own time entries that Hours logged leaves out because their data is bad, named by
 * subject, work date and hours with the reason (finding 4: a case showed "Hours logged 0.00"
 * right above a 30 h entry, with no hint why). Null when every entry of the case counts.
 */
export function uncountedEntriesNote(
  records: readonly TimeEntryRecord[],
  caseId: string,
  language: Language,
): string | null {
  const bad: Array<{ record: TimeEntryRecord; reason: string }> = [];
  for (const record of records) {
    if (record.caseId !== caseId) continue;
    try {
      readTimeEntry(record);
    } catch (error) {
      if (error instanceof DataProblem) bad.push({ record, reason: problemText(error.problem, language) });
      else throw error;
    }
  }
  if (bad.length === 0) return null;
  bad.sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  const words = language === 'es' ? SPANISH : ENGLISH;
  const listed = bad.slice(0, LISTED).map(({ record, reason }) => `${words.entry(record)} (${reason})`);
  const more = bad.length > LISTED ? words.more(bad.length - LISTED) : '';
  return `${words.head()}: ${listed.join('; ')}${more}.`;
}

interface NoteWords {
  head(): string;
  entry(record: TimeEntryRecord): string;
  more(count: number): string;
}

const subjectOf = (record: TimeEntryRecord, untitled: string) => {
  const subject = record.subject?.trim() ?? '';
  if (subject === '') return untitled;
  return subject.length > SUBJECT_LENGTH ? `${subject.slice(0, SUBJECT_LENGTH - 1)}…` : subject;
};
const dateOf = (record: TimeEntryRecord, none: string) => record.workDate?.trim() || none;
const hoursOf = (record: TimeEntryRecord, none: string) =>
  record.hours === null ? none : `${record.hours} h`;

const ENGLISH: NoteWords = {
  head: () => `${fieldLabel('Cases', 'sla_hours_logged_c', 'en')} does not count`,
  entry: (record) =>
    `${subjectOf(record, 'an entry with no subject')}, ${dateOf(record, 'no work date')}, ${hoursOf(record, 'no hours')}`,
  more: (count) => ` and ${count} more`,
};

const SPANISH: NoteWords = {
  head: () => `${fieldLabel('Cases', 'sla_hours_logged_c', 'es')} no incluye`,
  entry: (record) =>
    `${subjectOf(record, 'un registro sin asunto')}, ${dateOf(record, 'sin fecha de trabajo')}, ${hoursOf(record, 'sin horas')}`,
  more: (count) => ` y ${count} más`,
};
