import cron, { type ScheduledTask } from 'node-cron';
import type { ChangeCounts } from '../catalogue/index.js';
import { isBridgeError } from '../errors/bridge-error.js';
import { logger } from '../logging/logger.js';
import type { Store } from '../store/index.js';
import { newHolderName } from '../store/repositories/lease.repository.js';
import { MarkerWatch } from '../sync/change-marker.js';
import type { SyncEngine, SyncReport } from '../sync/sync-engine.js';
import { perModule, SYNC_MODULES, type SyncModuleName } from '../sync/sync-modules.js';
import { acquireWriterLease, type HeldLease, LEASE_TTL_MS } from '../sync/writer-lease.js';
import { FOLLOW_JOB } from './follow.job.js';
import type { JobDefinition } from './job-definition.js';
import { RECONCILE_JOB } from './reconcile.job.js';
import { TICK_JOB } from './tick.job.js';

/**
 * `sla-bridge run`: the jobs on node-cron with an explicit time zone. Jobs never overlap (one at
 * a time, across jobs too: both write). Only the holder of the store's writer lease runs them; a
 * second instance waits, trying at each tick, and takes over once the first stops renewing it.
 * `stop()` takes no new work, lets the batch in hand finish and be recorded, records the run,
 * and releases the lease.
 */
export type JobOutcome = 'ran' | 'failed' | 'waiting' | 'busy' | 'stopping';
/** A follow poll: `idle` when the change marker had not moved (one GET, nothing else done). */
export type FollowOutcome = JobOutcome | 'idle';

export interface JobFailure {
  job: string;
  /** The BridgeError code (`unavailable`, `store_unavailable`, ...) or `internal`. */
  code: string;
  message: string;
  /** The instant the job was run for. */
  at: number;
}

export interface DaemonDeps {
  engine: SyncEngine;
  store: Store;
  clock?: () => number;
  holder?: string;
  leaseTtlMs?: number;
}

export interface DaemonOptions {
  timeZone: string;
  jobs?: readonly JobDefinition[];
  /**
   * How often the change marker is read (BRIDGE_FOLLOW_INTERVAL_S, in ms); 0 turns following
   * off and the minute tick reads every module, as before. Default 0 here; the CLI passes the
   * setting (default 8 s). See docs/freshness.md.
   */
  followIntervalMs?: number;
  /** With following on, the minute tick still reads every module this often (default 30 min). */
  sweepEveryMs?: number;
}

/** The safety sweep: a save the marker missed (a failed hook, a direct SQL change) waits at most this long. */
export const SWEEP_EVERY_MS = 30 * 60_000;

/** Which modules a pass reads, and the marker read just before (undefined: no marker read). */
interface PassScope {
  modules: readonly SyncModuleName[] | undefined;
  marker: ChangeCounts | undefined;
}

const log = logger('daemon');

export class Daemon {
  private held: HeldLease | undefined;
  /** One name for this instance's whole life, so it takes its own lease back after a store outage. */
  private readonly holder: string;
  /** A run whose failure could not be recorded (the store was down): recorded by the next job. */
  private unrecorded: { id: number; error: string; endedAt: number } | undefined;
  private failure: JobFailure | undefined;
  private running: Promise<unknown> | undefined;
  private stopping = false;
  private readonly abort = new AbortController();
  private readonly tasks: ScheduledTask[] = [];
  private readonly clock: () => number;
  private readonly watch = new MarkerWatch();
  private followTimer: NodeJS.Timeout | undefined;
  /** A poll is due as soon as the running job ends (follow found it busy). */
  private followAfterJob = false;
  /** The last pass that read every module (the sweep), by `now`. */
  private lastSweepAt: number | undefined;
  /**
   * SuiteCRM showed no change marker (a package without it, or no save since it was installed:
   * the first save creates the row): follow polls stop, and every tick reads the marker and
   * every module, as before, until the marker is there.
   */
  private markerMissing = false;

  constructor(
    private readonly deps: DaemonDeps,
    private readonly options: DaemonOptions,
  ) {
    this.clock = deps.clock ?? Date.now;
    this.holder = deps.holder ?? newHolderName();
  }

  /**
   * The latest job that failed, with its error code: what the log line said, also when the
   * store was down and the run could not be recorded there. Cleared by the next job that runs.
   */
  get lastFailure(): JobFailure | undefined {
    return this.failure;
  }

  get jobs(): readonly JobDefinition[] {
    return this.options.jobs ?? [TICK_JOB, RECONCILE_JOB];
  }

  /** Schedules every job; the first tick runs at once, catching up after any downtime. */
  start(): void {
    for (const job of this.jobs) {
      const task = cron.schedule(job.cron, () => this.runJob(job).then(() => undefined), {
        name: job.name,
        timezone: this.options.timeZone,
        noOverlap: true,
      });
      this.tasks.push(task);
    }
    log.info('bridge daemon started', {
      timeZone: this.options.timeZone,
      jobs: this.jobs.map((job) => `${job.name} (${job.cron})`).join(', '),
    });
    void this.runJob(TICK_JOB);
    const every = this.followIntervalMs;
    if (every > 0) {
      this.followTimer = setInterval(() => void this.follow(), every);
      log.info('following the change marker', { everyMs: every });
    }
  }

  private get followIntervalMs(): number {
    return this.options.followIntervalMs ?? 0;
  }

  /**
   * One follow poll: only while this instance holds the lease (a waiting instance costs SuiteCRM
   * nothing), one GET of the change marker, and a pass over the modules that moved, if any. An
   * idle poll records no run and renews nothing (the lease renews itself in the background).
   *
   * A save made while a pass runs would otherwise wait a whole interval after the pass for the
   * next poll: so a poll that ran a pass polls once more at once, and a poll that found a job
   * running polls once as soon as that job ends. Each adds one marker GET, only when something
   * happened, so an idle site costs the same. Once each, not in a loop: under a stream of saves
   * the timer keeps the pace and minute ticks still get their turn.
   */
  async follow(now = this.clock()): Promise<FollowOutcome> {
    const outcome = await this.pollMarker(now);
    if (outcome === 'ran') await this.pollMarker(this.clock());
    else if (outcome === 'busy' && !this.followAfterJob && this.running) {
      this.followAfterJob = true;
      const job = this.running;
      void job
        .catch(() => undefined)
        .then(() => {
          this.followAfterJob = false;
          return this.follow(this.clock());
        });
    }
    return outcome;
  }

  private async pollMarker(now: number): Promise<FollowOutcome> {
    if (this.stopping) return 'stopping';
    if (this.running) return 'busy';
    const held = this.held;
    if (!held || held.lost !== undefined) return 'waiting';
    if (this.markerMissing) return 'idle';
    let marker: ChangeCounts | undefined;
    try {
      // Held as `running` so no tick starts between the marker read and the pass it decides.
      const read = this.deps.engine.readChangeMarker();
      this.running = read;
      marker = await read;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = isBridgeError(error) ? error.code : 'internal';
      log.warn('could not read the change marker', { code, error: message });
      this.failure = { job: FOLLOW_JOB.name, code, message, at: now };
      return 'failed';
    } finally {
      this.running = undefined;
    }
    if (!marker) {
      this.noMarker();
      return 'idle';
    }
    const moved = this.watch.moved(marker);
    if (moved.length === 0) return 'idle';
    return this.runJob(FOLLOW_JOB, now, { modules: moved, marker });
  }

  private noMarker(): void {
    if (this.markerMissing) return;
    this.markerMissing = true;
    log.warn(
      'SuiteCRM has no change marker (SLA_ChangeMarkers record): an older package, or no save since it was installed; every tick reads every module until it appears',
    );
  }

  /** What a pass reads: decided here so following and minute ticks share one rule. */
  private async scopeFor(job: JobDefinition, now: number): Promise<PassScope> {
    const all = { modules: undefined, marker: undefined };
    if (this.followIntervalMs <= 0) return all;
    const sweep =
      job !== TICK_JOB ||
      this.lastSweepAt === undefined ||
      now - this.lastSweepAt >= (this.options.sweepEveryMs ?? SWEEP_EVERY_MS);
    // Between sweeps a tick reads no module (the follow job does, when the marker moves): it
    // evaluates what is due, which needs nothing from SuiteCRM but the writes.
    if (!sweep && !this.markerMissing) return { modules: [], marker: undefined };
    const marker = await this.deps.engine.readChangeMarker();
    if (!marker) this.noMarker();
    else if (this.markerMissing) {
      this.markerMissing = false;
      log.info('the change marker is there: following it');
    }
    return { modules: undefined, marker };
  }

  /** Runs one job now (the scheduler calls this; tests call it with a virtual `now`). */
  async runJob(job: JobDefinition, now = this.clock(), scope?: PassScope): Promise<JobOutcome> {
    if (this.stopping) return 'stopping';
    if (this.running) {
      log.info('a job is still running; this run is skipped', { job: job.name });
      return 'busy';
    }
    const work = this.execute(job, now, scope);
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = undefined;
    }
  }

  private async execute(job: JobDefinition, now: number, given?: PassScope): Promise<JobOutcome> {
    let held: HeldLease | undefined;
    let runId: number | undefined;
    const started = this.clock();
    try {
      // A store that does not answer fails the job here (store_unavailable), like any other step.
      held = await this.ensureLease();
      if (!held) return 'waiting';
      const lease = held.lease;
      const unrecorded = this.unrecorded;
      runId = await this.deps.store.write(lease, async (r) => {
        if (unrecorded) {
          await r.jobRuns.finish(unrecorded.id, {
            outcome: 'failed',
            error: unrecorded.error,
            endedAt: unrecorded.endedAt,
          });
        }
        return r.jobRuns.start(job.name, { holder: lease.holder, startedAt: now });
      });
      this.unrecorded = undefined;
      const scope = given ?? (await this.scopeFor(job, now));
      const modules = scope.modules ?? SYNC_MODULES;
      // The marker as read before the module reads; the pass's own PATCHes are added after it.
      if (scope.marker) this.watch.readFrom(scope.marker, modules);
      const report = await job.run(this.deps.engine, lease, now, this.abort.signal, scope.modules);
      this.watch.wrote(writtenBy(report));
      if (report.interrupted) this.watch.reset();
      else if (modules.length === SYNC_MODULES.length) this.lastSweepAt = now;
      const outcome = report.failures.length > 0 || report.interrupted ? 'failed' : 'succeeded';
      const id = runId;
      await this.deps.store.write(held.lease, (r) =>
        r.jobRuns.finish(id, {
          outcome,
          counts: totals(report),
          ...(report.interrupted
            ? { error: 'stopped by shutdown before finishing; the rest is queued for the next run' }
            : {}),
          ...(report.failures.length > 0
            ? { error: `${report.failures.length} write(s) failed; retried by the next run` }
            : {}),
        }),
      );
      log.info(`${job.name} done`, { ...totals(report), durationMs: this.clock() - started });
      this.failure = undefined;
      return outcome === 'succeeded' ? 'ran' : 'failed';
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const code = isBridgeError(error) ? error.code : 'internal';
      log.error(`${job.name} failed`, { code, error: message });
      this.failure = { job: job.name, code, message, at: now };
      // What this pass read is not known to be ingested: the next poll reads every module.
      this.watch.reset();
      if (isBridgeError(error) && error.code === 'store_conflict') {
        // Another instance took over: stop writing, go back to waiting.
        await this.dropLease();
        return 'failed';
      }
      if (runId !== undefined && held) {
        const id = runId;
        const endedAt = this.clock();
        await this.deps.store
          .write(held.lease, (r) => r.jobRuns.finish(id, { outcome: 'failed', error: message, endedAt }))
          .catch(() => {
            this.unrecorded = { id, error: message, endedAt };
          });
      }
      return 'failed';
    }
  }

  private async ensureLease(): Promise<HeldLease | undefined> {
    // Renewed at the start of every job, so a job always starts with a full lease.
    if (this.held && (await this.held.renewNow())) return this.held;
    if (this.held) await this.dropLease();
    // Throws store_unavailable when the store does not answer: the job fails (it is not "waiting").
    const held = await acquireWriterLease(this.deps.store, this.holder, this.deps.leaseTtlMs ?? LEASE_TTL_MS);
    if (!held) {
      const state = await this.deps.store.leases.state().catch(() => null);
      log.info('waiting: another bridge instance holds the writer lease', {
        holder: state?.holder ?? 'unknown',
        until: state ? new Date(state.expiresAt).toISOString() : 'unknown',
      });
      return undefined;
    }
    this.held = held;
    // Another instance may have written meanwhile: start again from a read of every module.
    this.watch.reset();
    this.lastSweepAt = undefined;
    log.info('took the writer lease', { holder: held.lease.holder, fence: held.lease.token });
    const abandoned = await this.deps.store.write(held.lease, (r) => r.jobRuns.markAbandoned());
    if (abandoned > 0)
      log.warn('runs left unfinished by a stopped instance were marked abandoned', { count: abandoned });
    return held;
  }

  private async dropLease(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    await held?.release().catch(() => undefined);
  }

  /** Graceful stop: no new jobs; the batch in hand finishes and is recorded; the lease is released. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const task of this.tasks) await task.stop();
    if (this.followTimer) clearInterval(this.followTimer);
    this.abort.abort();
    await this.running?.catch(() => undefined);
    await this.dropLease();
    log.info('bridge daemon stopped');
  }
}

function writtenBy(report: SyncReport): ChangeCounts {
  return perModule((module) => report.computed[module].written);
}

function totals(report: SyncReport): Record<string, number> {
  const sum = (pick: (module: SyncModuleName) => number) =>
    SYNC_MODULES.reduce((total, module) => total + pick(module), 0);
  return {
    read: sum((m) => report.read[m].read),
    computed: sum((m) => report.computed[m].evaluated),
    written: sum((m) => report.computed[m].written),
    failed: sum((m) => report.computed[m].failed),
    events: sum((m) => report.computed[m].events),
    deleted: sum((m) => report.deleted[m]),
  };
}
