/**
 * What SuiteCRM 7.14's Cases list sorts on when a person sorts by Response due (the column's
 * listviewdefs `orderBy`, docs/staff-view.md#sorting-by-response-due). MariaDB and MySQL put NULL
 * first in ascending order, so a blank due time is written as a value after every real one.
 * Text in the database's datetime form sorts as the instants do.
 */
export const RESPONSE_SORT_BLANK = '9999-12-31 23:59:59';

/** The sort key of a response due time (epoch ms, UTC), or of none. */
export function responseSortKey(due: number | null): string {
  if (due === null) return RESPONSE_SORT_BLANK;
  return new Date(due).toISOString().slice(0, 19).replace('T', ' ');
}
