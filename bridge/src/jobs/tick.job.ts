import type { JobDefinition } from './job-definition.js';

/**
 * Every minute: evaluate every record whose next transition has come (at risk, breached,
 * renewal due, term end), plus what the changes read since the cursors affect. Renewals and
 * lapses are transitions like any other, so they need no job of their own. Which modules it
 * reads is the daemon's choice: every one when following is off (as before), otherwise only
 * on the periodic sweep, since the follow job reads them when the change marker moves.
 */
export const TICK_JOB: JobDefinition = {
  name: 'tick',
  cron: '* * * * *',
  run: (engine, lease, now, signal, modules) =>
    engine.run(lease, { now, signal, ...(modules ? { modules } : {}) }),
};
