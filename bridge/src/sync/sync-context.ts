import type { CompiledPolicy } from '../domain/index.js';
import type { Logger } from '../logging/logger.js';
import type { SuiteCrmClient } from '../suitecrm/index.js';
import type { SyncSession } from './sync-session.js';
import type { WritePacer } from './write-pacer.js';

/**
 * What an evaluation depends on, and nothing else: `explain` builds one without any SuiteCRM
 * client, and every evaluation of a pass sees the same values.
 */
export interface EvaluationEnv {
  /** The policy in force now (cases keep the version pinned at their first evaluation). */
  policy: CompiledPolicy;
  /** An older pinned policy version, compiled once from the store; undefined when it lacks it. */
  policyFor(version: string): Promise<CompiledPolicy | undefined>;
  /** The tick's instant: evaluations describe SuiteCRM as of the start of the read. */
  now: number;
  trackingStart: number;
  bridgeUserId: string | null;
}

/** How a pass reads and writes: SuiteCRM, the store session, logging and pacing. */
export interface SyncIo {
  client: SuiteCrmClient;
  session: SyncSession;
  pageSize: number;
  /** Writes sent at once: the client's request limit (SUITECRM_CONCURRENCY; default 2). */
  writeConcurrency?: number;
  /** Paces the pass's writes (SUITECRM_WRITE_RATE); none for no limit. */
  writePacer?: WritePacer;
  log: Logger;
  /** Called after each batch with a short progress note (the CLI's progress bar). */
  progress?: (step: string, done: number) => void;
}

/** Everything one sync pass works with; built by the engine, passed to each step. */
export interface SyncContext {
  env: EvaluationEnv;
  io: SyncIo;
}
