import type { JobDefinition } from './job-definition.js';

/**
 * Every minute: read what changed since the cursors, and evaluate what that affects plus every
 * record whose next transition has come (at risk, breached, renewal due, term end). Renewals and
 * lapses are transitions like any other, so they need no job of their own.
 */
export const TICK_JOB: JobDefinition = {
  name: 'tick',
  cron: '* * * * *',
  run: (engine, lease, now, signal) => engine.run(lease, { now, signal }),
};
