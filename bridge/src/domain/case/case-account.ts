import type { AccountRecord } from '../contract/account-record.js';
import { type ContractFacts, readContract, termOf } from '../contract/contract-facts.js';
import { DataProblem, dataProblem } from '../data-problem.js';
import { hoursCrossings, type TimeEntry, toHours } from '../hours/hours-usage.js';
import type { CompiledPolicy } from '../policy/compiled-policy.js';
import { CONTRACT_ZONE, startOfLocalDay } from '../time/local-day.js';
import type { CaseFacts } from './case-facts.js';

/** The case's account contract; a problem with it is the case's problem too, named as the account's. */
export function readAccountContract(
  facts: CaseFacts,
  account: AccountRecord | null,
  policy: CompiledPolicy,
): ContractFacts {
  if (facts.accountId === null) return { kind: 'none' };
  if (!account) dataProblem({ code: 'account_not_found', accountId: facts.accountId, of: 'case' });
  if (account.id !== facts.accountId) dataProblem({ code: 'account_mismatch', accountId: account.id });
  try {
    return readContract(account, policy);
  } catch (error) {
    if (error instanceof DataProblem) dataProblem({ code: 'account_contract', inner: error.problem });
    throw error;
  }
}

/** When the reserved hours of the case's term ran out (00:00 London of that work date), not before the report. */
export function exhaustionInstant(
  contract: ContractFacts,
  reportDay: number,
  entries: readonly TimeEntry[],
  policy: CompiledPolicy,
  reportedAt: number,
): number | null {
  if (contract.kind !== 'dedicated') return null;
  const crossing = hoursCrossings(contract, termOf(contract, reportDay), entries, policy.document).find(
    (candidate) => candidate.state === 'exhausted',
  );
  if (!crossing) return null;
  return Math.max(startOfLocalDay(crossing.day, CONTRACT_ZONE), reportedAt);
}

/** The hours of the case's own valid entries. */
export function caseHours(entries: readonly TimeEntry[], caseId: string): number {
  let total = 0;
  for (const entry of entries) if (entry.caseId === caseId) total += entry.centihours;
  return toHours(total);
}
