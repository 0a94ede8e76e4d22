import type { JobDefinition } from './job-definition.js';

/**
 * Every few seconds (BRIDGE_FOLLOW_INTERVAL_S), not on cron: the daemon reads the change marker
 * and, only when it moved, runs this job for the modules that moved (docs/freshness.md). Its
 * `cron` is never scheduled; the daemon's follow timer runs it.
 */
export const FOLLOW_JOB: JobDefinition = {
  name: 'follow',
  cron: '',
  run: (engine, lease, now, signal, modules) =>
    engine.run(lease, { now, signal, ...(modules ? { modules } : {}) }),
};
