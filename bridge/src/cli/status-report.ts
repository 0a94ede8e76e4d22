import type { BridgeConfig } from '../config/env-config.js';
import { loadPolicyFile } from '../config/policy-file.js';
import { isBridgeError } from '../errors/bridge-error.js';
import { type JobRun, type NextTransition, type Store, TRACKING_ZONE } from '../store/index.js';
import type { RecordRef } from '../suitecrm/index.js';
import { utcText } from './instant-text.js';
import { type NotTrackedCounts, notTrackedCounts } from './not-tracked-text.js';
import { caseNumbers, refOf } from './record-label.js';

/**
 * What `sla-bridge status` shows, read from the store alone (no SuiteCRM): the last run of each
 * job, how far behind each read cursor is, the records that could not be computed and why, the
 * next transitions (and how many are already due), the tracking start and the policy version
 * in force, and how many cases are not tracked and why (docs/go-live.md). This is also the
 * `--json` document (documented in docs/operations.md#json-output).
 */
export interface StatusReport {
  now: string;
  store: string;
  trackingStart: TrackingStartStatus | null;
  policy: PolicyStatus;
  runs: RunStatus[];
  cursors: CursorStatus[];
  notComputed: {
    total: number;
    byModule: Record<string, number>;
    reasons: ReasonStatus[];
  };
  /** Cases the bridge does not track (never written, never "not computed"), by reason. */
  notTracked: NotTrackedCounts;
  transitions: {
    due: number;
    oldestDue: TransitionStatus[];
    upcoming: TransitionStatus[];
  };
}

export interface TrackingStartStatus {
  date: string;
  timeZone: string;
  at: string;
  setAt: string;
  setBy: string;
}

export interface PolicyStatus {
  /** The policy file in force (or the shipped default). */
  source: string;
  /** Its version; null when the file cannot be loaded (`error` says why). */
  version: string | null;
  /** When a sync first evaluated with this version; null when none has yet. */
  firstSeenAt: string | null;
  error: string | null;
}

export interface RunStatus {
  job: string;
  id: number;
  outcome: string;
  startedAt: string;
  endedAt: string | null;
  durationMs: number | null;
  counts: Record<string, number> | null;
  error: string | null;
  /** The job's latest successful run, when the latest run is not one. */
  lastSucceededAt: string | null;
}

export interface CursorStatus {
  name: string;
  at: string;
  lastId: string | null;
  updatedAt: string;
  /** now minus the cursor's position. */
  lagMs: number;
}

export interface ReasonStatus {
  module: string;
  reason: string;
  count: number;
  /**
   * `recheckAt`: when the sync looks at the record again by itself (its next transition: a
   * problem time may fix); null when only an edit in SuiteCRM or a full sync will.
   */
  examples: Array<{ recordId: string; number: string | null; recheckAt: string | null }>;
}

export interface TransitionStatus {
  module: string;
  recordId: string;
  number: string | null;
  dueAt: string;
  reason: string;
}

export interface StatusLimits {
  /** Reasons listed (the most common first). */
  reasons: number;
  /** Example records per reason. */
  examples: number;
  /** Due and upcoming transitions listed. */
  transitions: number;
}

export const DEFAULT_LIMITS: StatusLimits = { reasons: 10, examples: 3, transitions: 5 };

export async function statusReport(
  store: Store,
  config: BridgeConfig,
  now: number,
  limits: StatusLimits = DEFAULT_LIMITS,
): Promise<StatusReport> {
  const policy = policyInForce(config);
  return store.read(async (readers) => {
    const [
      trackingStart,
      latest,
      succeeded,
      cursors,
      byModule,
      reasons,
      untracked,
      due,
      oldestDue,
      upcoming,
    ] = await Promise.all([
      readers.trackingStart.get(),
      readers.jobRuns.lastOfEachJob(),
      readers.jobRuns.lastOfEachJob({ outcome: 'succeeded' }),
      readers.cursors.list(),
      readers.problems.counts(),
      readers.problems.reasons({ limit: limits.reasons }),
      readers.untracked.counts(),
      readers.transitions.countDue(now),
      readers.transitions.due(now, { limit: limits.transitions }),
      readers.transitions.upcoming(now, limits.transitions),
    ]);
    const examples = await Promise.all(
      reasons.map((reason) =>
        readers.problems.list({ module: reason.module, reason: reason.reason, limit: limits.examples }),
      ),
    );
    const rechecks = await Promise.all(
      reasons.map((reason, index) =>
        readers.transitions.getMany(
          reason.module,
          (examples[index] ?? []).map((problem) => problem.recordId),
        ),
      ),
    );
    const refs: RecordRef[] = [...examples.flat(), ...oldestDue, ...upcoming].map(refOf);
    const numbers = await caseNumbers(readers, refs);
    const firstSeen = policy.version === null ? null : await readers.policies.get(policy.version);
    const lastSuccess = new Map(succeeded.map((run) => [run.job, run]));
    return {
      now: utcText(now),
      store: store.location,
      trackingStart:
        trackingStart === null
          ? null
          : {
              date: trackingStart.date,
              timeZone: TRACKING_ZONE,
              at: utcText(trackingStart.at),
              setAt: utcText(trackingStart.setAt),
              setBy: trackingStart.setBy,
            },
      policy: { ...policy, firstSeenAt: firstSeen ? utcText(firstSeen.firstSeenAt) : null },
      runs: latest.map((run) => runStatus(run, lastSuccess.get(run.job))),
      cursors: cursors.map((cursor) => ({
        name: cursor.name,
        at: utcText(cursor.at),
        lastId: cursor.lastId,
        updatedAt: utcText(cursor.updatedAt),
        lagMs: now - cursor.at,
      })),
      notComputed: {
        total: Object.values(byModule).reduce((sum, count) => sum + count, 0),
        byModule,
        reasons: reasons.map((reason, index) => ({
          ...reason,
          examples: (examples[index] ?? []).map((problem) => {
            const recheck = rechecks[index]?.get(problem.recordId);
            return {
              recordId: problem.recordId,
              number: numberOf(refOf(problem), numbers),
              recheckAt: recheck ? utcText(recheck.dueAt) : null,
            };
          }),
        })),
      },
      notTracked: notTrackedCounts(untracked),
      transitions: {
        due,
        oldestDue: oldestDue.map((transition) => transitionStatus(transition, numbers)),
        upcoming: upcoming.map((transition) => transitionStatus(transition, numbers)),
      },
    };
  });
}

function policyInForce(config: BridgeConfig): Omit<PolicyStatus, 'firstSeenAt'> {
  try {
    const { policy, source } = loadPolicyFile(config.policyFile);
    return { source, version: policy.version, error: null };
  } catch (error) {
    if (!isBridgeError(error)) throw error;
    return { source: config.policyFile ?? 'the default policy', version: null, error: error.message };
  }
}

function runStatus(run: JobRun, lastSucceeded: JobRun | undefined): RunStatus {
  return {
    job: run.job,
    id: run.id,
    outcome: run.outcome,
    startedAt: utcText(run.startedAt),
    endedAt: run.endedAt === null ? null : utcText(run.endedAt),
    durationMs: run.endedAt === null ? null : run.endedAt - run.startedAt,
    counts: run.counts,
    error: run.error,
    lastSucceededAt:
      run.outcome === 'succeeded' || lastSucceeded === undefined ? null : utcText(lastSucceeded.startedAt),
  };
}

function numberOf(ref: RecordRef, numbers: ReadonlyMap<string, string>): string | null {
  return ref.module === 'Cases' ? (numbers.get(ref.id) ?? null) : null;
}

function transitionStatus(
  transition: NextTransition,
  numbers: ReadonlyMap<string, string>,
): TransitionStatus {
  return {
    module: transition.module,
    recordId: transition.recordId,
    number: numberOf(refOf(transition), numbers),
    dueAt: utcText(transition.dueAt),
    reason: transition.reason,
  };
}
