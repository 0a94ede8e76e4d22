import type { ContractCoverage } from './coverage.js';

/**
 * What a case keeps from its first evaluation (docs/sla-rules.md#decided-once): the
 * policy version in force then, the account side of coverage, and the plan terms it was decided
 * with. Only an explicit restatement changes it, and each restatement is kept so the event
 * timeline can be rebuilt. Plain JSON: the store keeps it per case.
 */
export interface CasePin {
  policyVersion: string;
  /** Epoch ms (whole minute) of the first evaluation. */
  firstEvaluatedAt: number;
  coverage: ContractCoverage;
  planId: string | null;
  severity1AlwaysOpen: boolean;
  restatements: CaseRestatement[];
}

export interface CaseRestatement {
  at: number;
  fromVersion: string;
  toVersion: string;
  fromCoverage: ContractCoverage;
  toCoverage: ContractCoverage;
}
