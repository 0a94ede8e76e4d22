import { CasePinRepository } from './repositories/case-pin.repository.js';
import { ContractTermRepository } from './repositories/contract-term.repository.js';
import { CursorRepository } from './repositories/cursor.repository.js';
import { DomainSnapshotRepository } from './repositories/domain-snapshot.repository.js';
import { EventLedgerRepository } from './repositories/event-ledger.repository.js';
import { InputSnapshotRepository } from './repositories/input-snapshot.repository.js';
import { JobRunRepository } from './repositories/job-run.repository.js';
import { NextTransitionRepository } from './repositories/next-transition.repository.js';
import { PolicyVersionRepository } from './repositories/policy-version.repository.js';
import { RecordProblemRepository } from './repositories/record-problem.repository.js';
import { SuiteCrmFieldsRepository } from './repositories/suitecrm-fields.repository.js';
import { TrackingStartRepository } from './repositories/tracking-start.repository.js';
import { UntrackedCaseRepository } from './repositories/untracked-case.repository.js';
import type { StoreContext } from './store-context.js';

/** Every repository, bound to one connection or transaction. Writes happen only inside `Store.write`. */
export interface StoreRepositories {
  cursors: CursorRepository;
  inputs: InputSnapshotRepository;
  /** The snapshots and pins in the domain's types: what the sync reads and writes. */
  snapshots: DomainSnapshotRepository;
  suiteCrmFields: SuiteCrmFieldsRepository;
  events: EventLedgerRepository;
  casePins: CasePinRepository;
  transitions: NextTransitionRepository;
  contractTerms: ContractTermRepository;
  policies: PolicyVersionRepository;
  trackingStart: TrackingStartRepository;
  jobRuns: JobRunRepository;
  problems: RecordProblemRepository;
  untracked: UntrackedCaseRepository;
}

/** The read side of each repository: what `Store.read` hands out (no write methods to call by mistake). */
export interface StoreReaders {
  cursors: Pick<CursorRepository, 'get' | 'list'>;
  inputs: Pick<
    InputSnapshotRepository,
    'get' | 'getMany' | 'findByNumber' | 'byAccounts' | 'byCases' | 'page' | 'ids' | 'counts'
  >;
  snapshots: Pick<
    DomainSnapshotRepository,
    'get' | 'getMany' | 'byAccounts' | 'byCases' | 'findByNumber' | 'page' | 'pins'
  >;
  suiteCrmFields: Pick<SuiteCrmFieldsRepository, 'get' | 'getMany' | 'hashes'>;
  events: Pick<
    EventLedgerRepository,
    'getByKey' | 'forRecord' | 'forCase' | 'ofType' | 'since' | 'find' | 'count'
  >;
  casePins: Pick<CasePinRepository, 'get' | 'getMany' | 'page' | 'countByCoverage'>;
  transitions: Pick<NextTransitionRepository, 'due' | 'dueForAccounts' | 'countDue' | 'upcoming' | 'getMany'>;
  contractTerms: Pick<ContractTermRepository, 'forAccount' | 'forAccounts'>;
  policies: Pick<PolicyVersionRepository, 'get' | 'list'>;
  trackingStart: Pick<TrackingStartRepository, 'get'>;
  jobRuns: Pick<JobRunRepository, 'get' | 'last' | 'lastOfEachJob'>;
  problems: Pick<RecordProblemRepository, 'list' | 'counts' | 'reasons'>;
  untracked: Pick<UntrackedCaseRepository, 'counts'>;
}

export function repositoriesFor(ctx: StoreContext): StoreRepositories {
  const inputs = new InputSnapshotRepository(ctx);
  const casePins = new CasePinRepository(ctx);
  return {
    cursors: new CursorRepository(ctx),
    inputs,
    snapshots: new DomainSnapshotRepository(inputs, casePins),
    suiteCrmFields: new SuiteCrmFieldsRepository(ctx),
    events: new EventLedgerRepository(ctx),
    casePins,
    transitions: new NextTransitionRepository(ctx),
    contractTerms: new ContractTermRepository(ctx),
    policies: new PolicyVersionRepository(ctx),
    trackingStart: new TrackingStartRepository(ctx),
    jobRuns: new JobRunRepository(ctx),
    problems: new RecordProblemRepository(ctx),
    untracked: new UntrackedCaseRepository(ctx),
  };
}
