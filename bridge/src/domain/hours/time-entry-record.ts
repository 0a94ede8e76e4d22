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
  /**
   * Fields SuiteCRM sent that could not be read, in words (the sync fills this in): the entry is
   * then "not computed" and says which.
   */
  parseProblems?: readonly string[];
}
