import type { StoreContext } from '../store-context.js';
import { checkInstant, toInstant, upsertRows } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * Read cursors, one per named read (`Cases`, `Accounts`, a time-entry module, a reconciliation
 * scan...): the `date_modified` instant the next incremental read starts from and the last id
 * read at that instant (the keyset position inside a crowded minute). The sync saves a cursor
 * only after the writes for everything read up to it succeeded, in the same fenced transaction
 * as its bookkeeping, so a crash resumes from the last saved position.
 */
export interface CursorPosition {
  /** Epoch milliseconds (UTC). */
  at: number;
  /** The last id read at `at`, or null when the read is at a minute boundary. */
  lastId: string | null;
}

export interface Cursor extends CursorPosition {
  name: string;
  updatedAt: number;
}

export class CursorRepository {
  constructor(private readonly ctx: StoreContext) {}

  async get(name: string): Promise<Cursor | null> {
    const row = await this.ctx.db(TABLES.cursors).where({ name }).first();
    return row ? fromRow(row) : null;
  }

  async list(): Promise<Cursor[]> {
    const rows = await this.ctx.db(TABLES.cursors).select().orderBy('name');
    return rows.map(fromRow);
  }

  /** Saves the position (creating the cursor on first use). */
  async save(name: string, position: CursorPosition): Promise<void> {
    checkInstant(position.at, 'cursor position');
    await upsertRows(
      this.ctx,
      TABLES.cursors,
      [{ name, position_ms: position.at, last_id: position.lastId, updated_at_ms: this.ctx.now() }],
      ['name'],
      ['position_ms', 'last_id', 'updated_at_ms'],
    );
  }

  /** Forgets a cursor: the next read of that name starts from the beginning (a full scan). */
  async reset(name: string): Promise<boolean> {
    return (await this.ctx.db(TABLES.cursors).where({ name }).delete()) > 0;
  }
}

function fromRow(row: Record<string, unknown>): Cursor {
  return {
    name: String(row.name),
    at: toInstant(row.position_ms),
    lastId: row.last_id === null ? null : String(row.last_id),
    updatedAt: toInstant(row.updated_at_ms),
  };
}
