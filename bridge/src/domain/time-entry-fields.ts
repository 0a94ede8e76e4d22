/** The bridge-written SLA_TimeEntries fields, keyed by catalogue name. */
export interface TimeEntryFields {
  /** First day of the contract term the entry belongs to (`YYYY-MM-DD`); null outside any term. */
  term_start: string | null;
  counts_against_plan: boolean;
  data_problem: string | null;
}
