import { chunks, distinct } from '../batch.js';
import type { StoreContext } from '../store-context.js';
import { checkInstant, toInstant, upsertRows } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * Time moves statuses even when nothing is edited: every computation yields the record's next
 * transition instant (at risk, breached, term end, renewal due...), kept here, indexed, so
 * each tick re-evaluates exactly the records whose instant has come - with `now` set to the
 * historical instant, not the time the bridge woke.
 */
export interface NextTransitionInput {
  module: string;
  recordId: string;
  /** Epoch milliseconds of the next transition; null when nothing is pending (the row goes). */
  dueAt: number | null;
  /** What happens then, for `status` (e.g. `response.breached`, `term_end`). */
  reason?: string;
}

export interface NextTransition {
  module: string;
  recordId: string;
  dueAt: number;
  reason: string;
  updatedAt: number;
}

export class NextTransitionRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Sets or clears each record's next transition (a record given twice keeps its last entry). */
  async setMany(inputs: readonly NextTransitionInput[]): Promise<void> {
    const now = this.ctx.now();
    const latest = new Map<string, NextTransitionInput>();
    for (const input of inputs) latest.set(`${input.module}\u0000${input.recordId}`, input);
    const upserts: Record<string, unknown>[] = [];
    const clears = new Map<string, string[]>();
    for (const input of latest.values()) {
      if (input.dueAt === null) {
        const ids = clears.get(input.module) ?? [];
        ids.push(input.recordId);
        clears.set(input.module, ids);
        continue;
      }
      checkInstant(input.dueAt, `next transition of ${input.module} ${input.recordId}`);
      upserts.push({
        module: input.module,
        record_id: input.recordId,
        due_at_ms: input.dueAt,
        reason: input.reason ?? '',
        updated_at_ms: now,
      });
    }
    for (const batch of chunks(upserts)) {
      await upsertRows(
        this.ctx,
        TABLES.nextTransitions,
        batch,
        ['module', 'record_id'],
        ['due_at_ms', 'reason', 'updated_at_ms'],
      );
    }
    for (const [module, ids] of clears) await this.clear(module, ids);
  }

  async clear(module: string, recordIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const batch of chunks(distinct(recordIds))) {
      deleted += await this.ctx
        .db(TABLES.nextTransitions)
        .where({ module })
        .whereIn('record_id', batch)
        .delete();
    }
    return deleted;
  }

  /** Transitions due at or before `now`, earliest first (page with `limit`; re-evaluating moves them on). */
  async due(now: number, options: { limit?: number; module?: string } = {}): Promise<NextTransition[]> {
    const query = this.ctx.db(TABLES.nextTransitions).where('due_at_ms', '<=', now);
    if (options.module !== undefined) query.andWhere('module', options.module);
    query.orderBy([{ column: 'due_at_ms' }, { column: 'module' }, { column: 'record_id' }]);
    if (options.limit !== undefined) query.limit(options.limit);
    return (await query).map(fromRow);
  }

  async countDue(now: number): Promise<number> {
    const row = await this.ctx
      .db(TABLES.nextTransitions)
      .where('due_at_ms', '<=', now)
      .count({ n: '*' })
      .first();
    return Number(row?.n ?? 0);
  }

  /** The next transitions after `now`, soonest first (for `status`). */
  async upcoming(now: number, limit: number): Promise<NextTransition[]> {
    const rows = await this.ctx
      .db(TABLES.nextTransitions)
      .where('due_at_ms', '>', now)
      .orderBy([{ column: 'due_at_ms' }, { column: 'module' }, { column: 'record_id' }])
      .limit(limit);
    return rows.map(fromRow);
  }

  /**
   * Due records that belong to these accounts: the accounts themselves and, through the input
   * snapshots' account keys, their records in `modules`. The sync evaluates an account's due
   * records together, so the account's time entries are loaded once per pass, not once per record.
   */
  async dueForAccounts(
    now: number,
    accountIds: readonly string[],
    modules: readonly string[],
  ): Promise<Array<NextTransition & { accountId: string }>> {
    const out: Array<NextTransition & { accountId: string }> = [];
    for (const batch of chunks(distinct(accountIds))) {
      const own = await this.ctx
        .db(TABLES.nextTransitions)
        .where('module', 'Accounts')
        .whereIn('record_id', batch)
        .andWhere('due_at_ms', '<=', now);
      out.push(...own.map((row) => ({ ...fromRow(row), accountId: String(row.record_id) })));
      for (const module of modules) {
        // Two indexed lookups rather than a join: SQLite would plan the join from the due index
        // and scan every due row for each batch.
        const members = await this.ctx
          .db(TABLES.inputSnapshots)
          .where('module', module)
          .whereIn('account_id', batch)
          .select('record_id', 'account_id');
        const accountOf = new Map(members.map((row) => [String(row.record_id), String(row.account_id)]));
        for (const ids of chunks([...accountOf.keys()])) {
          const rows = await this.ctx
            .db(TABLES.nextTransitions)
            .where('module', module)
            .whereIn('record_id', ids)
            .andWhere('due_at_ms', '<=', now);
          out.push(
            ...rows.map((row) => ({
              ...fromRow(row),
              accountId: accountOf.get(String(row.record_id)) as string,
            })),
          );
        }
      }
    }
    return out;
  }

  async getMany(module: string, recordIds: readonly string[]): Promise<Map<string, NextTransition>> {
    const out = new Map<string, NextTransition>();
    for (const batch of chunks(distinct(recordIds))) {
      const rows = await this.ctx.db(TABLES.nextTransitions).where({ module }).whereIn('record_id', batch);
      for (const row of rows) out.set(String(row.record_id), fromRow(row));
    }
    return out;
  }
}

function fromRow(row: Record<string, unknown>): NextTransition {
  return {
    module: String(row.module),
    recordId: String(row.record_id),
    dueAt: toInstant(row.due_at_ms),
    reason: String(row.reason),
    updatedAt: toInstant(row.updated_at_ms),
  };
}
