import type { CasePin } from '../../domain/index.js';
import {
  decodeCasePin,
  decodeSnapshot,
  encodeSnapshot,
  type SnapshotModule,
  type SnapshotRecords,
} from '../snapshot-format.js';
import type { CasePinRepository } from './case-pin.repository.js';
import type {
  InputSnapshot,
  InputSnapshotInput,
  InputSnapshotRepository,
  SnapshotUpsertReport,
} from './input-snapshot.repository.js';

interface SnapshotOf<M extends SnapshotModule> extends Omit<InputSnapshot, 'module' | 'data'> {
  module: M;
  record: SnapshotRecords[M];
}

/**
 * A stored snapshot as the domain reads it: the keys the sync queries by, and the typed record.
 * Over several modules it is a union, so checking `module` narrows `record`.
 */
export type RecordSnapshot<M extends SnapshotModule = SnapshotModule> = M extends SnapshotModule
  ? SnapshotOf<M>
  : never;

export type RecordSnapshotInput = Omit<InputSnapshotInput, 'data' | 'hashed' | 'module'> & {
  module: SnapshotModule;
  record: SnapshotRecords[SnapshotModule];
};

/**
 * The snapshots and pins in the domain's own types (snapshot-format.ts): what the sync reads and
 * writes. The untyped `inputs` and `casePins` repositories underneath stay for the store's own
 * bookkeeping (keys, counts, deletions), which never looks inside the data.
 */
export class DomainSnapshotRepository {
  constructor(
    private readonly inputs: InputSnapshotRepository,
    private readonly casePins: CasePinRepository,
  ) {}

  upsertMany(snapshots: readonly RecordSnapshotInput[]): Promise<SnapshotUpsertReport> {
    return this.inputs.upsertMany(
      snapshots.map(({ record, ...keys }) => ({ ...keys, ...encodeSnapshot(record) })),
    );
  }

  async get<M extends SnapshotModule>(module: M, recordId: string): Promise<RecordSnapshot<M> | null> {
    const row = await this.inputs.get(module, recordId);
    return row ? decoded(module, row) : null;
  }

  async getMany<M extends SnapshotModule>(
    module: M,
    recordIds: readonly string[],
  ): Promise<Map<string, RecordSnapshot<M>>> {
    const out = new Map<string, RecordSnapshot<M>>();
    for (const [id, row] of await this.inputs.getMany(module, recordIds)) out.set(id, decoded(module, row));
    return out;
  }

  async byAccounts<M extends SnapshotModule>(
    module: M,
    accountIds: readonly string[],
    options: { openOnly?: boolean } = {},
  ): Promise<RecordSnapshot<M>[]> {
    return (await this.inputs.byAccounts(module, accountIds, options)).map((row) => decoded(module, row));
  }

  async byCases<M extends SnapshotModule>(
    module: M,
    caseIds: readonly string[],
  ): Promise<RecordSnapshot<M>[]> {
    return (await this.inputs.byCases(module, caseIds)).map((row) => decoded(module, row));
  }

  async findByNumber<M extends SnapshotModule>(module: M, number: string): Promise<RecordSnapshot<M>[]> {
    return (await this.inputs.findByNumber(module, number)).map((row) => decoded(module, row));
  }

  async page<M extends SnapshotModule>(
    module: M,
    options: { afterId?: string | null; limit: number },
  ): Promise<RecordSnapshot<M>[]> {
    return (await this.inputs.page(module, options)).map((row) => decoded(module, row));
  }

  /** The cases' pins in the domain's form (cases never evaluated are absent). */
  async pins(caseIds: readonly string[]): Promise<Map<string, CasePin>> {
    const out = new Map<string, CasePin>();
    for (const [id, pin] of await this.casePins.getMany(caseIds)) out.set(id, decodeCasePin(id, pin.state));
    return out;
  }
}

function decoded<M extends SnapshotModule>(module: M, row: InputSnapshot): RecordSnapshot<M> {
  const { data, module: _module, ...keys } = row;
  const snapshot: SnapshotOf<M> = { ...keys, module, record: decodeSnapshot(module, row.recordId, data) };
  // SnapshotOf<M> is RecordSnapshot<M> for each single module; TypeScript cannot see through the
  // conditional type while M is still generic.
  return snapshot as RecordSnapshot<M>;
}
