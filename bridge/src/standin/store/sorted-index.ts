import type { Row } from './row.js';

/**
 * Rows kept sorted by a total order, so a range is found by binary search and a page is a
 * slice: a keyset or cursor query costs O(log n + page), whatever the table size. Inserts and
 * removals move array elements (a memmove, fast enough for the rate of API writes).
 */
export class SortedIndex {
  private rows: Row[] = [];

  constructor(readonly compare: (a: Row, b: Row) => number) {}

  get size(): number {
    return this.rows.length;
  }

  at(index: number): Row | undefined {
    return this.rows[index];
  }

  /**
   * Replaces the content in one go (seeding): one sort instead of n inserts. With `keyOf` (a
   * string whose plain order is the index's order) each key is computed once, not per comparison.
   */
  load(rows: Row[], keyOf?: (row: Row) => string): void {
    if (!keyOf) {
      this.rows = rows.slice().sort(this.compare);
      return;
    }
    const decorated = rows.map((row) => ({ key: keyOf(row), row }));
    decorated.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.rows = decorated.map((entry) => entry.row);
  }

  /** The first position whose row is not before the target (`probe(row)` < 0 means before). */
  lowerBound(probe: (row: Row) => number): number {
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (probe(this.rows[mid] as Row) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The first position whose row is after the target. */
  upperBound(probe: (row: Row) => number): number {
    let low = 0;
    let high = this.rows.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (probe(this.rows[mid] as Row) <= 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  insert(row: Row): void {
    const at = this.upperBound((other) => this.compare(other, row));
    this.rows.splice(at, 0, row);
  }

  remove(row: Row): boolean {
    let at = this.lowerBound((other) => this.compare(other, row));
    while (at < this.rows.length && this.compare(this.rows[at] as Row, row) === 0) {
      if (this.rows[at] === row) {
        this.rows.splice(at, 1);
        return true;
      }
      at++;
    }
    return false;
  }

  /** Rows in [from, to), in index order or reversed. */
  *range(from: number, to: number, descending = false): Generator<Row> {
    if (descending) for (let i = to - 1; i >= from; i--) yield this.rows[i] as Row;
    else for (let i = from; i < to; i++) yield this.rows[i] as Row;
  }
}
