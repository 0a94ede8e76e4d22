/** A support time entry (`SLA_TimeEntries`) as the domain reads it. */
export interface TimeEntryRecord {
  id: string;
  caseId: string | null;
  accountId: string | null;
  /** `YYYY-MM-DD`: decides the term the entry counts in. */
  workDate: string | null;
  hours: number | null;
  category: string | null;
  /** SuiteCRM's `name` (Subject): how staff recognise the entry when a case names it. */
  subject?: string | null;
}
