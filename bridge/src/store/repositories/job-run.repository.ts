import { canonicalJson, parseJsonColumn } from '../canonical-json.js';
import type { StoreContext } from '../store-context.js';
import { checkInstant, toInstant, toInstantOrNull, toSafeInteger } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * One row per job run (a sync pass, a tick, a reconciliation): when it started and ended, how
 * it ended, what it counted, and the error that stopped it. A run left `running` by a process
 * that died is marked `abandoned` by the next run of its job (which holds the lease, so the
 * old one cannot still be running).
 */
export const JOB_OUTCOMES = ['running', 'succeeded', 'failed', 'skipped', 'abandoned'] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];

export interface JobRun {
  id: number;
  job: string;
  /** The lease holder that ran it, when known. */
  holder: string | null;
  startedAt: number;
  endedAt: number | null;
  outcome: JobOutcome;
  counts: Record<string, number> | null;
  error: string | null;
}

export interface JobRunEnd {
  outcome: Exclude<JobOutcome, 'running'>;
  counts?: Record<string, number>;
  error?: string | null;
  /** Default: the store's clock. */
  endedAt?: number;
}

const MAX_ERROR = 4000;

export class JobRunRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Records a run's start and returns its id. */
  async start(job: string, options: { holder?: string | null; startedAt?: number } = {}): Promise<number> {
    const startedAt = checkInstant(options.startedAt ?? this.ctx.now(), 'startedAt');
    const inserted = await this.ctx.db(TABLES.jobRuns).insert({
      job,
      holder: options.holder ?? null,
      started_at_ms: startedAt,
      outcome: 'running',
    });
    const id = inserted[0];
    if (id === undefined) throw new Error('the store did not return the new job run id');
    return toSafeInteger(id);
  }

  async finish(id: number, end: JobRunEnd): Promise<void> {
    const endedAt = checkInstant(end.endedAt ?? this.ctx.now(), 'endedAt');
    const error = end.error ?? null;
    const updated = await this.ctx
      .db(TABLES.jobRuns)
      .where({ id })
      .update({
        ended_at_ms: endedAt,
        outcome: end.outcome,
        counts: end.counts === undefined ? null : canonicalJson(end.counts),
        error: error !== null && error.length > MAX_ERROR ? `${error.slice(0, MAX_ERROR)}...` : error,
      });
    if (updated === 0) throw new Error(`no job run ${id} to finish`);
  }

  /**
   * Marks runs still `running` (their process died) as abandoned, those of `job` or, without
   * it, of every job; returns how many. Only the writer lease's holder runs jobs, so when it
   * calls this, no other run can still be going.
   */
  async markAbandoned(job?: string, options: { endedAt?: number } = {}): Promise<number> {
    return this.ctx
      .db(TABLES.jobRuns)
      .where(job === undefined ? { outcome: 'running' } : { job, outcome: 'running' })
      .update({
        outcome: 'abandoned',
        ended_at_ms: checkInstant(options.endedAt ?? this.ctx.now(), 'endedAt'),
        error: 'the process running it ended before it finished',
      });
  }

  async get(id: number): Promise<JobRun | null> {
    const row = await this.ctx.db(TABLES.jobRuns).where({ id }).first();
    return row ? fromRow(row) : null;
  }

  /** The latest runs, newest first, of one job or of all. */
  async last(options: { job?: string; limit?: number } = {}): Promise<JobRun[]> {
    const query = this.ctx.db(TABLES.jobRuns).select();
    if (options.job !== undefined) query.where('job', options.job);
    const rows = await query
      .orderBy([
        { column: 'started_at_ms', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(options.limit ?? 20);
    return rows.map(fromRow);
  }

  /** Each job's latest run (optionally its latest with a given outcome). */
  async lastOfEachJob(options: { outcome?: JobOutcome } = {}): Promise<JobRun[]> {
    const latest = this.ctx.db(TABLES.jobRuns).max({ id: 'id' }).groupBy('job');
    if (options.outcome !== undefined) latest.where('outcome', options.outcome);
    const rows = await this.ctx.db(TABLES.jobRuns).whereIn('id', latest).orderBy('job');
    return rows.map(fromRow);
  }
}

function fromRow(row: Record<string, unknown>): JobRun {
  return {
    id: toSafeInteger(row.id),
    job: String(row.job),
    holder: row.holder === null ? null : String(row.holder),
    startedAt: toInstant(row.started_at_ms),
    endedAt: toInstantOrNull(row.ended_at_ms),
    outcome: String(row.outcome) as JobOutcome,
    counts: parseJsonColumn(row.counts) as Record<string, number> | null,
    error: row.error === null ? null : String(row.error),
  };
}
