import type { JobDefinition } from './job-definition.js';

/**
 * Nightly at 02:30 (daemon time zone, Europe/London by default): a full scan by id of every
 * module. It finds records deleted in SuiteCRM (which V8 cannot list) and re-evaluates
 * everything, so anything a tick could have missed is put right within a day.
 */
export const RECONCILE_JOB: JobDefinition = {
  name: 'reconcile',
  cron: '30 2 * * *',
  run: (engine, lease, now, signal) => engine.run(lease, { full: true, now, signal }),
};
