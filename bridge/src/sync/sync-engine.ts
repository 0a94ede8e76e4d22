import type { ChangeCounts } from '../catalogue/index.js';
import type { CompiledPolicy } from '../domain/index.js';
import { BridgeError } from '../errors/bridge-error.js';
import { logger } from '../logging/logger.js';
import type { Store } from '../store/index.js';
import type { Lease } from '../store/repositories/lease.repository.js';
import type { SuiteCrmClient } from '../suitecrm/index.js';
import { readChangeMarker } from './change-marker.js';
import {
  type ComputeResult,
  computePass,
  emptyCounts,
  noneNotTracked,
  type ProblemRecord,
  type WrittenRecord,
} from './compute-pass.js';
import { type IngestCounts, ingestModule } from './ingest.js';
import { PolicyCache } from './policy-cache.js';
import { reconcileDeletions } from './reconcile.js';
import type { SyncContext } from './sync-context.js';
import {
  ownedFields,
  perModule,
  SYNC_MODULES,
  type SyncModuleName,
  type SyncRecordRef,
  syncModule,
} from './sync-modules.js';
import { liveSession, type SyncSession, withDryRunSession } from './sync-session.js';
import { WritePacer } from './write-pacer.js';

/**
 * One sync pass (docs/architecture.md#one-sync-pass): read what changed since the cursors (or
 * everything, with `full`, which also finds deleted records), queue what it affects, evaluate
 * everything queued or due, write only the differences, record events, pins and transitions.
 * `dryRun` does all of that inside a store transaction that is rolled back, and PATCHes nothing.
 */
export interface SyncEngineDeps {
  client: SuiteCrmClient;
  store: Store;
  policy: CompiledPolicy;
  clock?: () => number;
  pageSize?: number;
  /** The client's request limit (SUITECRM_CONCURRENCY): how many PATCHes a batch keeps in flight. */
  concurrency?: number;
  /** PATCHes a second at most across a pass (SUITECRM_WRITE_RATE); 0 or absent for no limit. */
  writeRate?: number;
  progress?: (step: string, done: number) => void;
}

export interface SyncRunOptions {
  full?: boolean;
  dryRun?: boolean;
  /** The instant the pass describes (default: the clock at its start). */
  now?: number;
  /** Stop listing written records after this many (counts are always complete). */
  listLimit?: number;
  /** Aborting stops the pass after the batch in hand (its writes finished and recorded). */
  signal?: AbortSignal;
  /**
   * Read only these modules' changes (the change marker said only they moved); due records are
   * evaluated either way. Default: every module. Ignored by a full pass.
   */
  modules?: readonly SyncModuleName[];
}

export interface RestateSelection {
  caseIds?: readonly string[];
  accountId?: string;
  /** Cases reported at or after this instant. */
  since?: number;
}

export interface SyncReport {
  kind: 'sync' | 'restate';
  dryRun: boolean;
  full: boolean;
  now: number;
  policyVersion: string;
  durationMs: number;
  read: Record<SyncModuleName, IngestCounts>;
  deleted: Record<SyncModuleName, number>;
  computed: ComputeResult['counts'];
  /** Cases this pass evaluated and does not track (nothing written to them), by reason. */
  notTracked: ComputeResult['notTracked'];
  records: WrittenRecord[];
  /** Records this pass could not compute (bad data), with the reason written into each. */
  problems: ProblemRecord[];
  failures: ComputeResult['failures'];
  /** True when the pass was stopped early (shutdown); the rest is still queued. */
  interrupted: boolean;
}

const log = logger('sync');

export class SyncEngine {
  private bridgeUserId: string | null | undefined;
  private readonly policies: PolicyCache;
  private readonly clock: () => number;

  constructor(private readonly deps: SyncEngineDeps) {
    this.clock = deps.clock ?? Date.now;
    this.policies = new PolicyCache(deps.policy);
  }

  get policy(): CompiledPolicy {
    return this.deps.policy;
  }

  /** One GET of the package's change marker (docs/freshness.md); undefined when it has none. */
  readChangeMarker(): Promise<ChangeCounts | undefined> {
    return readChangeMarker(this.deps.client);
  }

  /** One pass. `lease` is required unless `dryRun` (a dry run writes nothing anywhere). */
  async run(lease: Lease | null, options: SyncRunOptions = {}): Promise<SyncReport> {
    return this.withSession(lease, options.dryRun === true, async (session) => {
      const ctx = await this.context(session, options.now);
      const report = this.emptyReport('sync', ctx, options);
      const full = options.full === true;
      const signal = options.signal;
      for (const name of SYNC_MODULES) {
        if (!full && options.modules && !options.modules.includes(name)) continue;
        if (signal?.aborted)
          return { ...report, interrupted: true, durationMs: this.clock() - report.durationMs };
        const seen = full ? new Set<string>() : undefined;
        const owned = ownedFields(syncModule(name), ctx.env.policy.document.priority.followsSeverity);
        report.read[name] = await ingestModule(ctx, name, {
          full,
          owned,
          ...(seen ? { seen } : {}),
          ...(signal ? { signal } : {}),
        });
        if (seen && !signal?.aborted) report.deleted[name] = await reconcileDeletions(ctx, name, seen);
      }
      const computed = await computePass(ctx, {
        ...(options.listLimit === undefined ? {} : { listLimit: options.listLimit }),
        ...(signal ? { signal } : {}),
      });
      return this.finish(report, computed);
    });
  }

  /** `policy restate`: decide coverage again under the current policy for the selected cases. */
  async restate(
    lease: Lease | null,
    selection: RestateSelection,
    options: { dryRun?: boolean; now?: number } = {},
  ): Promise<SyncReport> {
    return this.withSession(lease, options.dryRun === true, async (session) => {
      const ctx = await this.context(session, options.now);
      const report = this.emptyReport('restate', ctx, options);
      const refs = await selectCases(ctx, selection);
      const computed = await computePass(ctx, { only: refs, restate: true });
      return this.finish(report, computed);
    });
  }

  private async withSession<T>(
    lease: Lease | null,
    dryRun: boolean,
    fn: (session: SyncSession) => Promise<T>,
  ): Promise<T> {
    if (dryRun) return withDryRunSession(this.deps.store, fn);
    if (!lease) throw new BridgeError('internal', 'a sync that writes needs the writer lease');
    return fn(liveSession(this.deps.store, lease));
  }

  private async context(session: SyncSession, now: number | undefined): Promise<SyncContext> {
    const tracking = await session.read((readers) => readers.trackingStart.get());
    if (!tracking) {
      throw new BridgeError(
        'store_unavailable',
        'the store has no tracking start yet: run `sla-bridge migrate` first',
      );
    }
    if (this.bridgeUserId === undefined) this.bridgeUserId = (await this.deps.client.currentUser()).id;
    const policy = this.deps.policy;
    await session.write((repositories) => repositories.policies.remember(policy.version, policy.document));
    return {
      env: {
        policy,
        policyFor: (version) => this.policies.get(version, (read) => session.read(read)),
        now: now ?? this.clock(),
        trackingStart: tracking.at,
        bridgeUserId: this.bridgeUserId,
      },
      io: {
        client: this.deps.client,
        session,
        pageSize: this.deps.pageSize ?? 100,
        ...(this.deps.concurrency === undefined ? {} : { writeConcurrency: this.deps.concurrency }),
        ...(this.deps.writeRate ? { writePacer: new WritePacer(this.deps.writeRate) } : {}),
        log,
        ...(this.deps.progress ? { progress: this.deps.progress } : {}),
      },
    };
  }

  private emptyReport(kind: SyncReport['kind'], ctx: SyncContext, options: SyncRunOptions): SyncReport {
    const zero = { read: 0, changed: 0, queued: 0, unreadable: 0 };
    return {
      kind,
      dryRun: ctx.io.session.dryRun,
      full: options.full === true,
      now: ctx.env.now,
      policyVersion: ctx.env.policy.version,
      durationMs: this.clock(),
      read: perModule(() => ({ ...zero })),
      deleted: perModule(() => 0),
      computed: perModule(emptyCounts),
      notTracked: noneNotTracked(),
      records: [],
      problems: [],
      failures: [],
      interrupted: false,
    };
  }

  private finish(report: SyncReport, computed: ComputeResult): SyncReport {
    return {
      ...report,
      computed: computed.counts,
      notTracked: computed.notTracked,
      records: computed.records,
      problems: computed.problems,
      failures: computed.failures,
      interrupted: computed.interrupted,
      durationMs: this.clock() - report.durationMs,
    };
  }
}

async function selectCases(ctx: SyncContext, selection: RestateSelection): Promise<SyncRecordRef[]> {
  if (selection.caseIds) return selection.caseIds.map((id) => ({ module: 'Cases', id }));
  if (selection.accountId) {
    const cases = await ctx.io.session.read((readers) =>
      readers.inputs.byAccounts('Cases', [selection.accountId as string]),
    );
    return cases.map((snapshot) => ({ module: 'Cases', id: snapshot.recordId }));
  }
  const since = selection.since ?? Number.NEGATIVE_INFINITY;
  const refs: SyncRecordRef[] = [];
  let afterId: string | null = null;
  for (;;) {
    const page = await ctx.io.session.read((readers) =>
      readers.snapshots.page('Cases', { afterId, limit: 1000 }),
    );
    if (page.length === 0) break;
    for (const snapshot of page) {
      const reported = snapshot.record.reportedAt ?? snapshot.record.dateEntered;
      if (reported !== null && reported >= since) refs.push({ module: 'Cases', id: snapshot.recordId });
    }
    afterId = page[page.length - 1]?.recordId ?? null;
  }
  return refs;
}
