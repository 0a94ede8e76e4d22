import { chunks, distinct } from '../batch.js';
import type { StoreContext } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * Cases the bridge does not track and why (the domain's reason keys, e.g. `before_tracking_start`,
 * `created_before_install`). The sync writes nothing to these cases; this list is only what lets
 * `status` say how many there are. A case leaves it when it becomes tracked or is forgotten.
 */
export interface UntrackedCaseInput {
  caseId: string;
  reason: string;
}

export class UntrackedCaseRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Notes untracked cases; one already listed keeps its first-seen instant and takes the new reason. */
  async mark(cases: readonly UntrackedCaseInput[]): Promise<void> {
    const now = this.ctx.now();
    const latest = new Map<string, string>();
    for (const entry of cases) latest.set(entry.caseId, entry.reason);
    const rows = [...latest].map(([caseId, reason]) => ({
      case_id: caseId,
      reason,
      first_seen_at_ms: now,
      last_seen_at_ms: now,
    }));
    for (const batch of chunks(rows)) {
      await this.ctx
        .db(TABLES.untrackedCases)
        .insert(batch)
        .onConflict(['case_id'])
        .merge(['reason', 'last_seen_at_ms']);
    }
  }

  /** Cases that are tracked now, or deleted. */
  async clear(caseIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const batch of chunks(distinct(caseIds))) {
      deleted += await this.ctx.db(TABLES.untrackedCases).whereIn('case_id', batch).delete();
    }
    return deleted;
  }

  /** How many cases per reason. */
  async counts(): Promise<Record<string, number>> {
    const rows = await this.ctx
      .db(TABLES.untrackedCases)
      .select('reason')
      .count({ n: '*' })
      .groupBy('reason')
      .orderBy('reason');
    return Object.fromEntries(
      (rows as Array<Record<string, unknown>>).map((row) => [String(row.reason), Number(row.n)]),
    );
  }
}
