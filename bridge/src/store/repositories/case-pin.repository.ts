import { chunks, distinct } from '../batch.js';
import { canonicalJson, parseJsonColumn } from '../canonical-json.js';
import type { StoreContext } from '../store-context.js';
import { checkInstant, insertIgnoringDuplicates, toInstant, toInstantOrNull } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * Each case's pinned state: what is decided once, at the first evaluation, and changes only
 * through an explicit restatement (recorded as a `restated` event by the caller): the
 * coverage found for the reported-at instant, the policy version the case is measured
 * against, when it was first evaluated, and any other pinned facts as free JSON.
 */
export interface CasePinInput {
  caseId: string;
  coverage: string;
  policyVersion: string;
  /** Epoch milliseconds of the first evaluation (the tick's `now`). */
  firstEvaluatedAt: number;
  state?: Record<string, unknown>;
}

export interface CasePin extends Required<CasePinInput> {
  /** When the store first recorded it. */
  pinnedAt: number;
  /** When it was last restated, if ever. */
  restatedAt: number | null;
}

export interface PinReport {
  /** The pins in force for every case asked about: the stored one when there was one. */
  pins: Map<string, CasePin>;
  /** Cases pinned by this call. */
  created: string[];
}

export class CasePinRepository {
  constructor(private readonly ctx: StoreContext) {}

  async getMany(caseIds: readonly string[]): Promise<Map<string, CasePin>> {
    const out = new Map<string, CasePin>();
    for (const batch of chunks(distinct(caseIds))) {
      const rows = await this.ctx.db(TABLES.casePins).whereIn('case_id', batch);
      for (const row of rows) out.set(String(row.case_id), fromRow(row));
    }
    return out;
  }

  async get(caseId: string): Promise<CasePin | null> {
    return (await this.getMany([caseId])).get(caseId) ?? null;
  }

  /**
   * Pins the cases not pinned yet and leaves pinned ones untouched (first evaluation wins),
   * returning the pins in force. Run it inside a write transaction so the answer is final.
   */
  async pinMany(inputs: readonly CasePinInput[]): Promise<PinReport> {
    const now = this.ctx.now();
    const existing = await this.getMany(inputs.map((input) => input.caseId));
    const fresh = new Map<string, Record<string, unknown>>();
    for (const input of inputs) {
      if (existing.has(input.caseId) || fresh.has(input.caseId)) continue;
      fresh.set(input.caseId, toRow(input, now, null));
    }
    let inserted = 0;
    for (const batch of chunks([...fresh.values()])) {
      inserted += await insertIgnoringDuplicates(this.ctx, TABLES.casePins, batch, ['case_id']);
    }
    if (inserted < fresh.size) {
      // Another transaction pinned some of them first: its pins are the ones in force.
      const raced = await this.getMany([...fresh.keys()]);
      const created = [...fresh.entries()]
        .filter(([caseId, row]) => raced.get(caseId)?.pinnedAt === row.pinned_at_ms)
        .map(([caseId]) => caseId);
      return { pins: new Map([...existing, ...raced]), created };
    }
    const pins = new Map(existing);
    for (const row of fresh.values()) pins.set(String(row.case_id), fromRow(row));
    return { pins, created: [...fresh.keys()] };
  }

  /** Overwrites a case's pin: a restatement. Returns the pin it replaced, if any. */
  async restate(input: CasePinInput): Promise<CasePin | null> {
    const now = this.ctx.now();
    const previous = await this.get(input.caseId);
    const row = toRow(input, previous?.pinnedAt ?? now, now);
    if (previous) await this.ctx.db(TABLES.casePins).where({ case_id: input.caseId }).update(row);
    else await this.ctx.db(TABLES.casePins).insert(row);
    return previous;
  }

  /** Keyset page of pins in case-id order (restatement walks these). */
  async page(options: { afterId?: string | null; limit: number }): Promise<CasePin[]> {
    const query = this.ctx.db(TABLES.casePins).select();
    if (options.afterId) query.where('case_id', '>', options.afterId);
    const rows = await query.orderBy('case_id').limit(options.limit);
    return rows.map(fromRow);
  }

  async countByCoverage(): Promise<Record<string, number>> {
    const rows = await this.ctx
      .db(TABLES.casePins)
      .select('coverage')
      .count({ n: '*' })
      .groupBy('coverage')
      .orderBy('coverage');
    return Object.fromEntries(
      (rows as Array<Record<string, unknown>>).map((row) => [String(row.coverage), Number(row.n)]),
    );
  }

  async delete(caseIds: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const batch of chunks(distinct(caseIds))) {
      deleted += await this.ctx.db(TABLES.casePins).whereIn('case_id', batch).delete();
    }
    return deleted;
  }
}

function toRow(input: CasePinInput, pinnedAt: number, restatedAt: number | null): Record<string, unknown> {
  if (input.caseId === '') throw new TypeError('a pin needs a case id');
  checkInstant(input.firstEvaluatedAt, 'firstEvaluatedAt');
  return {
    case_id: input.caseId,
    coverage: input.coverage,
    policy_version: input.policyVersion,
    first_evaluated_at_ms: input.firstEvaluatedAt,
    state: canonicalJson(input.state ?? {}),
    pinned_at_ms: pinnedAt,
    restated_at_ms: restatedAt,
  };
}

function fromRow(row: Record<string, unknown>): CasePin {
  return {
    caseId: String(row.case_id),
    coverage: String(row.coverage),
    policyVersion: String(row.policy_version),
    firstEvaluatedAt: toInstant(row.first_evaluated_at_ms),
    state: (parseJsonColumn(row.state) ?? {}) as Record<string, unknown>,
    pinnedAt: toInstant(row.pinned_at_ms),
    restatedAt: toInstantOrNull(row.restated_at_ms),
  };
}
