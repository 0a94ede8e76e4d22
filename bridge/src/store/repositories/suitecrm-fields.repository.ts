import { chunks, distinct } from '../batch.js';
import { canonicalContent, parseJsonColumn } from '../canonical-json.js';
import type { StoreContext } from '../store-context.js';
import { toInstant, upsertRows } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * What SuiteCRM holds for the bridge's own fields, per record, normalised the way SuiteCRM
 * stores values (decoded entities, UTC datetimes, decimals as text...; the sync normalises).
 * The sync compares freshly computed fields with this and PATCHes only the differences; after
 * a PATCH succeeds it saves what SuiteCRM now holds.
 */
export interface HeldFields {
  module: string;
  recordId: string;
  /** Field name -> normalised value. */
  fields: Record<string, unknown>;
  /** SHA-256 of the canonical JSON of `fields`: equal hashes, nothing to write. */
  contentHash: string;
  updatedAt: number;
}

export interface HeldFieldsInput {
  module: string;
  recordId: string;
  fields: Record<string, unknown>;
}

export class SuiteCrmFieldsRepository {
  constructor(private readonly ctx: StoreContext) {}

  async getMany(module: string, recordIds: readonly string[]): Promise<Map<string, HeldFields>> {
    const out = new Map<string, HeldFields>();
    for (const batch of chunks(distinct(recordIds))) {
      const rows = await this.ctx.db(TABLES.suiteCrmFields).where({ module }).whereIn('record_id', batch);
      for (const row of rows) out.set(String(row.record_id), fromRow(row));
    }
    return out;
  }

  async get(module: string, recordId: string): Promise<HeldFields | null> {
    return (await this.getMany(module, [recordId])).get(recordId) ?? null;
  }

  /** Saves what SuiteCRM holds now (a record given twice keeps its last occurrence). */
  /** Only the content hashes (cheap: no JSON), to tell whether what SuiteCRM holds changed. */
  async hashes(module: string, recordIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const batch of chunks(distinct(recordIds))) {
      const rows = await this.ctx
        .db(TABLES.suiteCrmFields)
        .where({ module })
        .whereIn('record_id', batch)
        .select('record_id', 'content_hash');
      for (const row of rows) out.set(String(row.record_id), String(row.content_hash));
    }
    return out;
  }

  async saveMany(inputs: readonly HeldFieldsInput[]): Promise<void> {
    const now = this.ctx.now();
    const byKey = new Map<string, Record<string, unknown>>();
    for (const input of inputs) {
      if (input.module === '' || input.recordId === '')
        throw new TypeError('held fields need a module and a record id');
      const { json, hash } = canonicalContent(input.fields);
      byKey.set(`${input.module}\u0000${input.recordId}`, {
        module: input.module,
        record_id: input.recordId,
        content_hash: hash,
        fields: json,
        updated_at_ms: now,
      });
    }
    for (const batch of chunks([...byKey.values()])) {
      await upsertRows(
        this.ctx,
        TABLES.suiteCrmFields,
        batch,
        ['module', 'record_id'],
        ['content_hash', 'fields', 'updated_at_ms'],
      );
    }
  }

  async delete(module: string, recordIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const batch of chunks(distinct(recordIds))) {
      deleted += await this.ctx
        .db(TABLES.suiteCrmFields)
        .where({ module })
        .whereIn('record_id', batch)
        .delete();
    }
    return deleted;
  }
}

function fromRow(row: Record<string, unknown>): HeldFields {
  return {
    module: String(row.module),
    recordId: String(row.record_id),
    fields: parseJsonColumn(row.fields) as Record<string, unknown>,
    contentHash: String(row.content_hash),
    updatedAt: toInstant(row.updated_at_ms),
  };
}
