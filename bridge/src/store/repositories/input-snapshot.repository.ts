import { chunks, distinct } from '../batch.js';
import { canonicalContent, canonicalJson, parseJsonColumn } from '../canonical-json.js';
import type { StoreContext } from '../store-context.js';
import {
  checkInstant,
  countByModule,
  toBool,
  toInstant,
  toInstantOrNull,
  upsertRows,
} from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * The snapshot of inputs: per record, the JSON the domain reads, so one changed record
 * re-evaluates its dependants without refetching them (a time entry -> its account's hours ->
 * the account's open cases; an account edit -> its cases). `accountId`, `caseId` and `open`
 * are the dependency keys the sync queries by; the store does not interpret `data`.
 */
export interface InputSnapshotInput {
  module: string;
  recordId: string;
  /** The account a case or time entry belongs to (an account's own row: null). */
  accountId: string | null;
  /** The case a time entry is logged against. */
  caseId?: string | null;
  /** Cases: still open (so "all open cases of an account" is one indexed query). */
  open?: boolean | null;
  /** A number people use for the record (a case number), so `explain 1042` finds it offline. */
  number?: string | null;
  /** SuiteCRM's date_modified, epoch milliseconds. */
  dateModified: number | null;
  data: unknown;
  /**
   * The content the hash is taken over when it is not `data` itself: a storage format that
   * changes only the layout keeps the hash, so rewriting a row in it is no change.
   */
  hashed?: unknown;
}

export interface InputSnapshot {
  module: string;
  recordId: string;
  accountId: string | null;
  caseId: string | null;
  open: boolean | null;
  number: string | null;
  dateModified: number | null;
  /** SHA-256 of the canonical JSON of `data` (or of `hashed`, when given). */
  contentHash: string;
  data: unknown;
  createdAt: number;
  updatedAt: number;
}

/** What a stored record looked like before an upsert changed it (for dependants that moved). */
export interface SnapshotKeys {
  accountId: string | null;
  caseId: string | null;
  open: boolean | null;
  contentHash: string;
}

export interface SnapshotChange {
  module: string;
  recordId: string;
  kind: 'created' | 'changed';
  /** The stored keys before the change (null when created): a case moved off an account, etc. */
  previous: SnapshotKeys | null;
}

export interface SnapshotUpsertReport {
  /** New records and records whose data or dependency keys changed: the sync fans out from these. */
  changes: SnapshotChange[];
  created: number;
  changed: number;
  /** Same data, only `dateModified` moved (e.g. the bridge's own PATCH): stored, nothing to re-evaluate. */
  touched: number;
  unchanged: number;
}

export interface DeletedSnapshot {
  module: string;
  recordId: string;
  accountId: string | null;
  caseId: string | null;
}

const KEY_COLUMNS = [
  'module',
  'record_id',
  'account_id',
  'case_id',
  'is_open',
  'record_number',
  'date_modified_ms',
  'content_hash',
];
const UPDATE_COLUMNS = [
  'account_id',
  'case_id',
  'is_open',
  'record_number',
  'date_modified_ms',
  'content_hash',
  'data',
  'updated_at_ms',
];

interface Prepared {
  input: InputSnapshotInput;
  hash: string;
  /** The `data` column's text, when the hash was taken over it; else built only if the row is written. */
  json: string | undefined;
}

/** A page after `afterId` (exclusive; from the start when null), in record id order. */
export interface KeysetPage {
  afterId?: string | null;
  limit: number;
}

export class InputSnapshotRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Stores a batch (any size, any mix of modules), writing only rows that differ from what is
   * stored and reporting what changed. A record given twice keeps its last occurrence.
   */
  async upsertMany(inputs: readonly InputSnapshotInput[]): Promise<SnapshotUpsertReport> {
    const report: SnapshotUpsertReport = { changes: [], created: 0, changed: 0, touched: 0, unchanged: 0 };
    const now = this.ctx.now();
    const byModule = new Map<string, Map<string, Prepared>>();
    for (const input of inputs) {
      checkIds(input.module, input.recordId);
      if (input.dateModified !== null) checkInstant(input.dateModified, 'dateModified');
      // Most rows of a re-read are unchanged: with a separate hashed form, `data` is serialised
      // only for the rows written.
      const content = canonicalContent(input.hashed === undefined ? input.data : input.hashed);
      const json = input.hashed === undefined ? content.json : undefined;
      const hash = content.hash;
      const records = byModule.get(input.module) ?? new Map<string, Prepared>();
      byModule.set(input.module, records);
      records.set(input.recordId, { input, hash, json });
    }
    for (const [module, records] of byModule) {
      for (const batch of chunks([...records.values()])) {
        const stored = await this.keysOf(
          module,
          batch.map((item) => item.input.recordId),
        );
        const rows: Record<string, unknown>[] = [];
        for (const item of batch) {
          const { input } = item;
          const previous = stored.get(input.recordId);
          const caseId = input.caseId ?? null;
          const open = input.open ?? null;
          const number = input.number ?? null;
          if (previous === undefined) {
            report.created++;
            report.changes.push({ module, recordId: input.recordId, kind: 'created', previous: null });
          } else if (
            previous.keys.contentHash !== item.hash ||
            previous.keys.accountId !== input.accountId ||
            previous.keys.caseId !== caseId ||
            previous.keys.open !== open
          ) {
            report.changed++;
            report.changes.push({
              module,
              recordId: input.recordId,
              kind: 'changed',
              previous: previous.keys,
            });
          } else if (previous.dateModified !== input.dateModified || previous.number !== number) {
            report.touched++;
          } else {
            report.unchanged++;
            continue;
          }
          rows.push({
            module,
            record_id: input.recordId,
            account_id: input.accountId,
            case_id: caseId,
            is_open: open,
            record_number: number,
            date_modified_ms: input.dateModified,
            content_hash: item.hash,
            data: item.json ?? canonicalJson(input.data),
            created_at_ms: now,
            updated_at_ms: now,
          });
        }
        await upsertRows(this.ctx, TABLES.inputSnapshots, rows, ['module', 'record_id'], UPDATE_COLUMNS);
      }
    }
    return report;
  }

  async get(module: string, recordId: string): Promise<InputSnapshot | null> {
    const row = await this.ctx.db(TABLES.inputSnapshots).where({ module, record_id: recordId }).first();
    return row ? fromRow(row) : null;
  }

  /** The stored snapshots of these ids (missing ids are simply absent from the map). */
  async getMany(module: string, recordIds: readonly string[]): Promise<Map<string, InputSnapshot>> {
    const out = new Map<string, InputSnapshot>();
    for (const batch of chunks(distinct(recordIds))) {
      const rows = await this.ctx.db(TABLES.inputSnapshots).where({ module }).whereIn('record_id', batch);
      for (const row of rows) out.set(String(row.record_id), fromRow(row));
    }
    return out;
  }

  /**
   * Every snapshot of `module` that belongs to one of these accounts (all time entries of an
   * account; all cases, or with `openOnly` all open cases), ordered by account then id.
   */
  async byAccounts(
    module: string,
    accountIds: readonly string[],
    options: { openOnly?: boolean } = {},
  ): Promise<InputSnapshot[]> {
    const out: InputSnapshot[] = [];
    for (const batch of chunks(distinct(accountIds))) {
      const query = this.ctx.db(TABLES.inputSnapshots).where({ module }).whereIn('account_id', batch);
      if (options.openOnly) query.andWhere('is_open', true);
      const rows = await query.orderBy([{ column: 'account_id' }, { column: 'record_id' }]);
      out.push(...rows.map(fromRow));
    }
    return out;
  }

  /** Every snapshot of `module` logged against one of these cases (a case's time entries). */
  async byCases(module: string, caseIds: readonly string[]): Promise<InputSnapshot[]> {
    const out: InputSnapshot[] = [];
    for (const batch of chunks(distinct(caseIds))) {
      const rows = await this.ctx
        .db(TABLES.inputSnapshots)
        .where({ module })
        .whereIn('case_id', batch)
        .orderBy([{ column: 'case_id' }, { column: 'record_id' }]);
      out.push(...rows.map(fromRow));
    }
    return out;
  }

  /** The records of `module` people call by this number (a case number), normally one. */
  async findByNumber(module: string, number: string): Promise<InputSnapshot[]> {
    const rows = await this.ctx
      .db(TABLES.inputSnapshots)
      .where({ module, record_number: number })
      .orderBy('record_id');
    return rows.map(fromRow);
  }

  /** Keyset page of whole snapshots in id order (a full re-evaluation walks these). */
  async page(module: string, options: KeysetPage): Promise<InputSnapshot[]> {
    const rows = await this.keyset(module, options);
    return rows.map(fromRow);
  }

  /** Keyset page of ids only (the reconciliation pass compares id sets). */
  async ids(module: string, options: KeysetPage): Promise<string[]> {
    const rows = await this.keyset(module, options).select('record_id');
    return rows.map((row) => String(row.record_id));
  }

  private keyset(module: string, options: KeysetPage) {
    const query = this.ctx.db(TABLES.inputSnapshots).where({ module });
    if (options.afterId) query.andWhere('record_id', '>', options.afterId);
    return query.orderBy('record_id').limit(options.limit);
  }

  /** Snapshot counts per module. */
  async counts(): Promise<Record<string, number>> {
    return countByModule(this.ctx, TABLES.inputSnapshots);
  }

  /** Removes deleted records; returns what they pointed at, so their account is re-evaluated. */
  async delete(module: string, recordIds: readonly string[]): Promise<DeletedSnapshot[]> {
    const out: DeletedSnapshot[] = [];
    for (const batch of chunks(distinct(recordIds))) {
      const rows = await this.ctx
        .db(TABLES.inputSnapshots)
        .where({ module })
        .whereIn('record_id', batch)
        .select('record_id', 'account_id', 'case_id');
      if (rows.length === 0) continue;
      await this.ctx.db(TABLES.inputSnapshots).where({ module }).whereIn('record_id', batch).delete();
      for (const row of rows) {
        out.push({
          module,
          recordId: String(row.record_id),
          accountId: nullableText(row.account_id),
          caseId: nullableText(row.case_id),
        });
      }
    }
    return out;
  }

  private async keysOf(
    module: string,
    recordIds: readonly string[],
  ): Promise<Map<string, { keys: SnapshotKeys; dateModified: number | null; number: string | null }>> {
    const rows = await this.ctx
      .db(TABLES.inputSnapshots)
      .where({ module })
      .whereIn('record_id', recordIds as string[])
      .select(KEY_COLUMNS);
    return new Map(
      rows.map((row) => [
        String(row.record_id),
        {
          keys: {
            accountId: nullableText(row.account_id),
            caseId: nullableText(row.case_id),
            open: toBool(row.is_open),
            contentHash: String(row.content_hash),
          },
          dateModified: toInstantOrNull(row.date_modified_ms),
          number: nullableText(row.record_number),
        },
      ]),
    );
  }
}

function checkIds(module: string, recordId: string): void {
  if (module === '' || recordId === '') throw new TypeError('a snapshot needs a module and a record id');
}

function nullableText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

function fromRow(row: Record<string, unknown>): InputSnapshot {
  return {
    module: String(row.module),
    recordId: String(row.record_id),
    accountId: nullableText(row.account_id),
    caseId: nullableText(row.case_id),
    open: toBool(row.is_open),
    number: nullableText(row.record_number),
    dateModified: toInstantOrNull(row.date_modified_ms),
    contentHash: String(row.content_hash),
    data: parseJsonColumn(row.data),
    createdAt: toInstant(row.created_at_ms),
    updatedAt: toInstant(row.updated_at_ms),
  };
}
