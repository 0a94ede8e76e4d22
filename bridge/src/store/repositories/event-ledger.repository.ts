import { BATCH_ROWS, chunks, distinct } from '../batch.js';
import { canonicalJson, parseJsonColumn, sha256Hex } from '../canonical-json.js';
import type { StoreContext } from '../store-context.js';
import { checkInstant, insertIgnoringDuplicates, toInstant, toSafeInteger } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * The append-only SLA event ledger. Each event carries a deterministic key (record, type,
 * clock, instant, policy version) computed by the domain; inserting an event whose key is
 * already stored does nothing - never an error, never an update - so the ledger ends up the
 * same whether the bridge ticked every minute or was down for an hour, and two instances (or
 * a crash and a retry) inserting the same events store each once. Rows are never updated or
 * deleted; `seq` is the order they were first recorded in.
 */
export interface LedgerEventInput {
  key: string;
  module: string;
  recordId: string;
  type: string;
  clock: string | null;
  /** When it happened (epoch milliseconds), not when the bridge noticed. */
  at: number;
  policyVersion: string;
  cause: string;
  details?: unknown;
}

export interface LedgerEvent extends Omit<LedgerEventInput, 'details'> {
  seq: number;
  details: unknown;
  /** When the bridge inserted it. */
  recordedAt: number;
}

export interface EventQuery {
  module?: string;
  recordId?: string;
  /** Events of any of these records (of `module` when given); at most BATCH_ROWS ids per query. */
  recordIds?: readonly string[];
  type?: string;
  /** Events at or after this instant. */
  since?: number;
  /** Events strictly before this instant. */
  until?: number;
  /** Events recorded after this sequence number (tailing the ledger). */
  afterSeq?: number;
  limit?: number;
}

const MAX_KEY = 512;

export class EventLedgerRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Inserts events idempotently; returns how many were new. */
  async insertMany(events: readonly LedgerEventInput[]): Promise<number> {
    const recordedAt = this.ctx.now();
    const rows = new Map<string, Record<string, unknown>>();
    for (const event of events) {
      if (event.key === '' || event.key.length > MAX_KEY) {
        throw new TypeError(`an event key must have 1 to ${MAX_KEY} characters: ${event.key.slice(0, 80)}`);
      }
      checkInstant(event.at, `event ${event.key} instant`);
      const keyHash = sha256Hex(event.key);
      if (rows.has(keyHash)) continue;
      rows.set(keyHash, {
        key_hash: keyHash,
        event_key: event.key,
        module: event.module,
        record_id: event.recordId,
        type: event.type,
        clock: event.clock,
        at_ms: event.at,
        policy_version: event.policyVersion,
        cause: event.cause,
        details: event.details === undefined ? null : canonicalJson(event.details),
        recorded_at_ms: recordedAt,
      });
    }
    // One key order for every writer, so concurrent inserts of overlapping batches take their
    // row locks in the same order (no deadlock on MySQL).
    const ordered = [...rows.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
    let inserted = 0;
    for (const batch of chunks(ordered)) {
      inserted += await insertIgnoringDuplicates(this.ctx, TABLES.events, batch, ['key_hash']);
    }
    return inserted;
  }

  async getByKey(key: string): Promise<LedgerEvent | null> {
    const row = await this.ctx
      .db(TABLES.events)
      .where({ key_hash: sha256Hex(key) })
      .first();
    return row ? fromRow(row) : null;
  }

  /** A record's timeline (a case, an account), in time order. */
  forRecord(module: string, recordId: string): Promise<LedgerEvent[]> {
    return this.find({ module, recordId });
  }

  forCase(caseId: string): Promise<LedgerEvent[]> {
    return this.find({ module: 'Cases', recordId: caseId });
  }

  ofType(type: string, options: Omit<EventQuery, 'type'> = {}): Promise<LedgerEvent[]> {
    return this.find({ ...options, type });
  }

  since(instant: number, options: Omit<EventQuery, 'since'> = {}): Promise<LedgerEvent[]> {
    return this.find({ ...options, since: instant });
  }

  /**
   * Events matching every given filter, in time order (then by recording order). With
   * `afterSeq`, in recording order instead, for tailing the ledger page by page.
   */
  async find(query: EventQuery = {}): Promise<LedgerEvent[]> {
    const builder = this.ctx.db(TABLES.events).select();
    if (query.module !== undefined) builder.where('module', query.module);
    if (query.recordId !== undefined) builder.where('record_id', query.recordId);
    if (query.recordIds !== undefined) {
      if (query.recordIds.length > BATCH_ROWS) {
        throw new TypeError(
          `at most ${BATCH_ROWS} record ids per event query; got ${query.recordIds.length}`,
        );
      }
      builder.whereIn('record_id', distinct(query.recordIds));
    }
    if (query.type !== undefined) builder.where('type', query.type);
    if (query.since !== undefined) builder.where('at_ms', '>=', query.since);
    if (query.until !== undefined) builder.where('at_ms', '<', query.until);
    if (query.afterSeq !== undefined) builder.where('seq', '>', query.afterSeq).orderBy('seq');
    else builder.orderBy([{ column: 'at_ms' }, { column: 'seq' }]);
    if (query.limit !== undefined) builder.limit(query.limit);
    const rows = await builder;
    return rows.map(fromRow);
  }

  async count(query: Pick<EventQuery, 'module' | 'recordId' | 'type'> = {}): Promise<number> {
    const builder = this.ctx.db(TABLES.events).count({ n: '*' });
    if (query.module !== undefined) builder.where('module', query.module);
    if (query.recordId !== undefined) builder.where('record_id', query.recordId);
    if (query.type !== undefined) builder.where('type', query.type);
    const row = await builder.first();
    return Number(row?.n ?? 0);
  }
}

function fromRow(row: Record<string, unknown>): LedgerEvent {
  return {
    seq: toSafeInteger(row.seq),
    key: String(row.event_key),
    module: String(row.module),
    recordId: String(row.record_id),
    type: String(row.type),
    clock: row.clock === null ? null : String(row.clock),
    at: toInstant(row.at_ms),
    policyVersion: String(row.policy_version),
    cause: String(row.cause),
    details: parseJsonColumn(row.details),
    recordedAt: toInstant(row.recorded_at_ms),
  };
}
