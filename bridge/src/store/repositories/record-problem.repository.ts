import { chunks, distinct } from '../batch.js';
import type { StoreContext } from '../store-context.js';
import { countByModule, toInstant } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * Records the bridge could not compute (bad data), with the reason it wrote into the record's
 * SLA status ("not computed: ..."), for `status`. A record leaves this list when it computes.
 */
export interface RecordProblemInput {
  module: string;
  recordId: string;
  reason: string;
}

/** How many records share one reason (for `status`). */
export interface ProblemReason {
  module: string;
  reason: string;
  count: number;
}

export interface RecordProblem extends RecordProblemInput {
  firstSeenAt: number;
  lastSeenAt: number;
}

const MAX_REASON = 2000;

export class RecordProblemRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Notes problems; a record already listed keeps its first-seen instant and takes the new reason. */
  async report(problems: readonly RecordProblemInput[]): Promise<void> {
    const now = this.ctx.now();
    const latest = new Map<string, RecordProblemInput>();
    for (const problem of problems) latest.set(`${problem.module}\u0000${problem.recordId}`, problem);
    const rows = [...latest.values()].map((problem) => ({
      module: problem.module,
      record_id: problem.recordId,
      reason:
        problem.reason.length > MAX_REASON ? `${problem.reason.slice(0, MAX_REASON)}...` : problem.reason,
      first_seen_at_ms: now,
      last_seen_at_ms: now,
    }));
    for (const batch of chunks(rows)) {
      await this.ctx
        .db(TABLES.recordProblems)
        .insert(batch)
        .onConflict(['module', 'record_id'])
        .merge(['reason', 'last_seen_at_ms']);
    }
  }

  /** Records that now compute. */
  async clear(module: string, recordIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const batch of chunks(distinct(recordIds))) {
      deleted += await this.ctx
        .db(TABLES.recordProblems)
        .where({ module })
        .whereIn('record_id', batch)
        .delete();
    }
    return deleted;
  }

  async list(options: { module?: string; reason?: string; limit?: number } = {}): Promise<RecordProblem[]> {
    const query = this.ctx.db(TABLES.recordProblems).select();
    if (options.module !== undefined) query.where('module', options.module);
    if (options.reason !== undefined) query.where('reason', options.reason);
    const rows = await query
      .orderBy([{ column: 'module' }, { column: 'first_seen_at_ms' }, { column: 'record_id' }])
      .limit(options.limit ?? 100);
    return rows.map((row) => ({
      module: String(row.module),
      recordId: String(row.record_id),
      reason: String(row.reason),
      firstSeenAt: toInstant(row.first_seen_at_ms),
      lastSeenAt: toInstant(row.last_seen_at_ms),
    }));
  }

  /** The most common reasons first, with how many records of each module give them. */
  async reasons(options: { limit?: number } = {}): Promise<ProblemReason[]> {
    const rows = await this.ctx
      .db(TABLES.recordProblems)
      .select('module', 'reason')
      .count({ n: '*' })
      .groupBy('module', 'reason')
      .orderBy([{ column: 'n', order: 'desc' }, { column: 'module' }, { column: 'reason' }])
      .limit(options.limit ?? 20);
    return (rows as Array<Record<string, unknown>>).map((row) => ({
      module: String(row.module),
      reason: String(row.reason),
      count: Number(row.n),
    }));
  }

  async counts(): Promise<Record<string, number>> {
    return countByModule(this.ctx, TABLES.recordProblems);
  }
}
