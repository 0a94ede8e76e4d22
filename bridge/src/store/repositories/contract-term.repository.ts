import { CONTRACT_TERM_OUTCOMES, type ContractTermOutcome } from '../../domain/index.js';
import { chunks, distinct } from '../batch.js';
import type { StoreContext } from '../store-context.js';
import { toInstant, toSafeInteger, upsertRows } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * Contract term history per account: term N covers the London dates [startDate, endDate)
 * (endDate is the first day of the next term), with its outcome once known - renewed, lapsed
 * or ended early - and when the bridge recorded it. Every roll-over or lapse is kept.
 */
/** The domain's outcomes: the store keeps what the domain decides. */
export const TERM_OUTCOMES = CONTRACT_TERM_OUTCOMES;
export type TermOutcome = ContractTermOutcome;

export interface ContractTermInput {
  accountId: string;
  /** 0 for the first term. */
  termIndex: number;
  /** `YYYY-MM-DD`, the term's first day. */
  startDate: string;
  /** `YYYY-MM-DD`, the day after the term's last day. */
  endDate: string;
  /** Null while the term runs or nothing is decided. */
  outcome: TermOutcome | null;
}

export interface ContractTerm extends ContractTermInput {
  /** When this version of the term was recorded. */
  recordedAt: number;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class ContractTermRepository {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Records terms: new ones are added, ones that differ from what is stored (a corrected
   * start, an outcome now known) are replaced; identical ones keep their `recordedAt`.
   * Returns the terms that were added or replaced.
   */
  async record(inputs: readonly ContractTermInput[]): Promise<ContractTerm[]> {
    for (const input of inputs) check(input);
    const now = this.ctx.now();
    const stored = await this.forAccounts(inputs.map((input) => input.accountId));
    const written = new Map<string, ContractTerm>();
    for (const input of inputs) {
      const previous = stored.get(input.accountId)?.find((term) => term.termIndex === input.termIndex);
      if (
        previous &&
        previous.startDate === input.startDate &&
        previous.endDate === input.endDate &&
        previous.outcome === input.outcome
      ) {
        continue;
      }
      written.set(`${input.accountId}\u0000${input.termIndex}`, { ...input, recordedAt: now });
    }
    const rows = [...written.values()].map((term) => ({
      account_id: term.accountId,
      term_index: term.termIndex,
      start_date: term.startDate,
      end_date: term.endDate,
      outcome: term.outcome,
      recorded_at_ms: term.recordedAt,
    }));
    for (const batch of chunks(rows)) {
      await upsertRows(
        this.ctx,
        TABLES.contractTerms,
        batch,
        ['account_id', 'term_index'],
        ['start_date', 'end_date', 'outcome', 'recorded_at_ms'],
      );
    }
    return [...written.values()];
  }

  async forAccount(accountId: string): Promise<ContractTerm[]> {
    return (await this.forAccounts([accountId])).get(accountId) ?? [];
  }

  /** Each account's terms in term order (accounts without terms are absent). */
  async forAccounts(accountIds: readonly string[]): Promise<Map<string, ContractTerm[]>> {
    const out = new Map<string, ContractTerm[]>();
    for (const batch of chunks(distinct(accountIds))) {
      const rows = await this.ctx
        .db(TABLES.contractTerms)
        .whereIn('account_id', batch)
        .orderBy([{ column: 'account_id' }, { column: 'term_index' }]);
      for (const row of rows) {
        const term = fromRow(row);
        const list = out.get(term.accountId) ?? [];
        list.push(term);
        out.set(term.accountId, list);
      }
    }
    return out;
  }

  /** Removes terms from `fromIndex` on (a contract start corrected to a later date). */
  async deleteFrom(accountId: string, fromIndex: number): Promise<number> {
    return this.ctx
      .db(TABLES.contractTerms)
      .where({ account_id: accountId })
      .andWhere('term_index', '>=', fromIndex)
      .delete();
  }
}

function check(input: ContractTermInput): void {
  const where = `contract term ${input.termIndex} of account ${input.accountId}`;
  if (input.accountId === '') throw new TypeError('a contract term needs an account id');
  if (!Number.isSafeInteger(input.termIndex) || input.termIndex < 0) {
    throw new TypeError(`${where}: the term index must be a whole number from 0`);
  }
  if (!DATE.test(input.startDate) || !DATE.test(input.endDate)) {
    throw new TypeError(`${where}: dates must be YYYY-MM-DD`);
  }
  if (input.endDate <= input.startDate) throw new TypeError(`${where}: the end must come after the start`);
  if (input.outcome !== null && !(TERM_OUTCOMES as readonly string[]).includes(input.outcome)) {
    throw new TypeError(`${where}: unknown outcome ${String(input.outcome)}`);
  }
}

function fromRow(row: Record<string, unknown>): ContractTerm {
  return {
    accountId: String(row.account_id),
    termIndex: toSafeInteger(row.term_index),
    startDate: String(row.start_date),
    endDate: String(row.end_date),
    outcome: row.outcome === null ? null : (String(row.outcome) as TermOutcome),
    recordedAt: toInstant(row.recorded_at_ms),
  };
}
