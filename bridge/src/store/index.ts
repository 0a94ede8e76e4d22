/** The bridge's store: open it, migrate it, read it, write to it under the lease. */

export { canonicalContent, canonicalJson } from './canonical-json.js';
export { forgetRecords } from './forget-records.js';
export { londonDateOf, londonMidnight, TRACKING_ZONE } from './london-day.js';
export { MIGRATIONS } from './migrations/migration-source.js';
export { type OpenStoreOptions, openStore } from './open-store.js';
export type { CasePin, CasePinInput, PinReport } from './repositories/case-pin.repository.js';
export {
  type ContractTerm,
  type ContractTermInput,
  TERM_OUTCOMES,
  type TermOutcome,
} from './repositories/contract-term.repository.js';
export type { Cursor, CursorPosition } from './repositories/cursor.repository.js';
export type { RecordSnapshot, RecordSnapshotInput } from './repositories/domain-snapshot.repository.js';
export type { EventQuery, LedgerEvent, LedgerEventInput } from './repositories/event-ledger.repository.js';
export type {
  DeletedSnapshot,
  InputSnapshot,
  InputSnapshotInput,
  SnapshotChange,
  SnapshotKeys,
  SnapshotUpsertReport,
} from './repositories/input-snapshot.repository.js';
export {
  JOB_OUTCOMES,
  type JobOutcome,
  type JobRun,
  type JobRunEnd,
} from './repositories/job-run.repository.js';
export {
  type Lease,
  type LeaseAttempt,
  type LeaseState,
  newHolderName,
  WRITER_LEASE,
} from './repositories/lease.repository.js';
export type { NextTransition, NextTransitionInput } from './repositories/next-transition.repository.js';
export type { PolicyVersion } from './repositories/policy-version.repository.js';
export type {
  ProblemReason,
  RecordProblem,
  RecordProblemInput,
} from './repositories/record-problem.repository.js';
export type { HeldFields, HeldFieldsInput } from './repositories/suitecrm-fields.repository.js';
export type { TrackingStart } from './repositories/tracking-start.repository.js';
export type { UntrackedCaseInput } from './repositories/untracked-case.repository.js';
export type { StoreReaders, StoreRepositories } from './repositories.js';
export { SNAPSHOT_FORMAT, type SnapshotModule, type SnapshotRecords } from './snapshot-format.js';
export { type LeaseManager, type MigrationReport, type SchemaStatus, Store } from './store.js';
export type { StoreDialect } from './store-context.js';
export { parseStoreUrl, type StoreTarget } from './store-url.js';
