import type { ModuleDef } from '../schema/module-defs.js';
import { idKey, isDeleted, type Row } from './row.js';
import { SortedIndex } from './sorted-index.js';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareById(a: Row, b: Row): number {
  return compareStrings(idKey(a.id), idKey(b.id));
}

export function compareByModified(a: Row, b: Row): number {
  return compareStrings(a.date_modified ?? '', b.date_modified ?? '') || compareById(a, b);
}

/**
 * One module's rows and their indexes: by id, by (date_modified, id) and by each foreign key.
 * Only live rows are indexed; deleted ones are kept aside (SuiteCRM soft-deletes) so a GET can
 * still tell "deleted" from "never existed" internally and `filter[deleted][eq]=1` can find them.
 */
export class ModuleTable {
  private readonly rows = new Map<string, Row>();
  readonly byId = new SortedIndex(compareById);
  readonly byModified = new SortedIndex(compareByModified);
  /** Foreign key value → the live rows holding it (a short array: a case's entries, an account's cases). */
  readonly foreignKeys = new Map<string, Map<string, Row[]>>();
  readonly deleted = new Set<Row>();
  private autoIncrement = 0;

  constructor(
    readonly def: ModuleDef,
    foreignKeyColumns: readonly string[],
  ) {
    for (const column of foreignKeyColumns) this.foreignKeys.set(column, new Map());
  }

  get liveCount(): number {
    return this.byId.size;
  }

  get(id: string): Row | undefined {
    return this.rows.get(idKey(id));
  }

  /** A live (not deleted) row. */
  getLive(id: string): Row | undefined {
    const row = this.rows.get(idKey(id));
    return row && !isDeleted(row) ? row : undefined;
  }

  nextAutoIncrement(): number {
    return ++this.autoIncrement;
  }

  noteAutoIncrement(value: number): void {
    if (value > this.autoIncrement) this.autoIncrement = value;
  }

  /** Loads many new rows at once (seeding). */
  load(rows: Row[]): void {
    for (const row of rows) {
      if (this.rows.has(idKey(row.id))) throw new Error(`${this.def.name}: duplicate id ${row.id}`);
      this.rows.set(idKey(row.id), row);
      if (isDeleted(row)) this.deleted.add(row);
      else this.indexForeignKeys(row);
    }
    const live = [...this.rows.values()].filter((row) => !isDeleted(row));
    this.byId.load(live, (row) => idKey(row.id));
    // date_modified is always `Y-m-d H:i:s` (or absent, sorting first), so key order is index order.
    this.byModified.load(live, (row) => `${row.date_modified ?? ''}\u0000${idKey(row.id)}`);
  }

  /** Stores a row, replacing the one with the same id if any. */
  put(row: Row): void {
    const previous = this.rows.get(idKey(row.id));
    if (previous) this.unindex(previous);
    this.rows.set(idKey(row.id), row);
    if (isDeleted(row)) {
      this.deleted.add(row);
      return;
    }
    this.byId.insert(row);
    this.byModified.insert(row);
    this.indexForeignKeys(row);
  }

  private unindex(row: Row): void {
    if (this.deleted.delete(row)) return;
    this.byId.remove(row);
    this.byModified.remove(row);
    for (const [column, index] of this.foreignKeys) {
      const value = row[column];
      if (!value) continue;
      const rows = index.get(idKey(value));
      if (!rows) continue;
      const at = rows.indexOf(row);
      if (at >= 0) rows.splice(at, 1);
      if (rows.length === 0) index.delete(idKey(value));
    }
  }

  private indexForeignKeys(row: Row): void {
    for (const [column, index] of this.foreignKeys) {
      const value = row[column];
      if (!value) continue;
      const rows = index.get(idKey(value));
      if (rows) rows.push(row);
      else index.set(idKey(value), [row]);
    }
  }

  /** Live rows whose foreign key column equals the id. */
  childrenOf(column: string, id: string): Row[] {
    return [...(this.foreignKeys.get(column)?.get(idKey(id)) ?? [])];
  }

  allRows(): IterableIterator<Row> {
    return this.rows.values();
  }
}
