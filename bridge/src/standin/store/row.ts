/**
 * One stored record: column name → value as the database returns it (strings), null or
 * absent for NULL. `id` and `deleted` are always present. Rows are replaced, never mutated,
 * so an index never holds a row whose keys changed under it.
 */
export type Row = Readonly<Record<string, string | null | undefined>> & { readonly id: string };

export function idKey(id: string): string {
  // ids are char(36) columns with a case-insensitive collation.
  return id.toLowerCase();
}

export function isDeleted(row: Row): boolean {
  return row.deleted === '1';
}
