/**
 * Every table the bridge owns. The `bridge_` prefix keeps them apart from SuiteCRM's own tables
 * even when an admin points the store at SuiteCRM's database instead of a schema of its own.
 */
export const TABLES = {
  migrations: 'bridge_migrations',
  migrationsLock: 'bridge_migrations_lock',
  cursors: 'bridge_cursors',
  inputSnapshots: 'bridge_input_snapshots',
  suiteCrmFields: 'bridge_suitecrm_fields',
  events: 'bridge_events',
  casePins: 'bridge_case_pins',
  nextTransitions: 'bridge_next_transitions',
  contractTerms: 'bridge_contract_terms',
  policyVersions: 'bridge_policy_versions',
  trackingStart: 'bridge_tracking_start',
  jobRuns: 'bridge_job_runs',
  leases: 'bridge_leases',
  recordProblems: 'bridge_record_problems',
  untrackedCases: 'bridge_untracked_cases',
} as const;
