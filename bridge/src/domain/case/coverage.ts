import type { DayNumber } from '../../iso/day-number.js';
import { type ContractFacts, isTermPaid, termOf } from '../contract/contract-facts.js';
import { type TimeEntry, usedInTerm } from '../hours/hours-usage.js';
import type { Policy } from '../policy/policy.schema.js';

/** The `sla_coverage_list` keys, in the order of precedence docs/sla-rules.md#coverage gives. */
export const COVERAGE_KEYS = [
  'withdrawn',
  'not_tracked',
  'no_contract',
  'free_support',
  'not_started',
  'ended',
  'not_paid',
  'not_reportable',
  'hours_exhausted',
  'covered',
] as const;
export type Coverage = (typeof COVERAGE_KEYS)[number];

/** The reasons that come from the account (contract, payment, hours): decided once and pinned. */
export const CONTRACT_COVERAGES = [
  'no_contract',
  'free_support',
  'not_started',
  'ended',
  'not_paid',
  'hours_exhausted',
  'covered',
] as const satisfies readonly Coverage[];
export type ContractCoverage = (typeof CONTRACT_COVERAGES)[number];

export interface CoverageDecision {
  coverage: ContractCoverage;
  /** The plan whose targets apply (the account's plan when decided). */
  planId: string | null;
  /** Severity 1 on the 24/7 calendar (the plan's setting or the account's override, when decided). */
  severity1AlwaysOpen: boolean;
}

/**
 * The account side of coverage, for the report's London date: a dedicated plan that had
 * started, had not lapsed or ended early, was paid (when the policy requires payment), and
 * whose term's hours were not used up before the report day.
 */
export function decideCoverage(
  contract: ContractFacts,
  reportDay: DayNumber,
  entries: readonly TimeEntry[],
  policy: Policy,
): CoverageDecision {
  if (contract.kind === 'none') return { coverage: 'no_contract', planId: null, severity1AlwaysOpen: false };
  if (contract.kind === 'free') return { coverage: 'free_support', planId: null, severity1AlwaysOpen: false };
  const base = { planId: contract.plan.definition.id, severity1AlwaysOpen: contract.severity1AlwaysOpen };
  if (reportDay < contract.start) return { coverage: 'not_started', ...base };
  if (contract.endDay !== null && reportDay >= contract.endDay) return { coverage: 'ended', ...base };
  const term = termOf(contract, reportDay);
  if (policy.paymentRequired && !isTermPaid(contract, term)) return { coverage: 'not_paid', ...base };
  if (usedInTerm(contract, term, entries, policy, reportDay - 1) >= contract.reservedCentihours) {
    return { coverage: 'hours_exhausted', ...base };
  }
  return { coverage: 'covered', ...base };
}

/**
 * The coverage shown at an instant: the case's own reasons (withdrawn, not tracked, not
 * reportable) are read from its history every time; the account's reasons are the pinned ones.
 */
export function coverageNow(options: {
  withdrawn: boolean;
  notReportable: boolean;
  pinned: ContractCoverage;
}): Coverage {
  if (options.withdrawn) return 'withdrawn';
  const { pinned } = options;
  if (pinned !== 'covered' && pinned !== 'hours_exhausted') return pinned;
  if (options.notReportable) return 'not_reportable';
  return pinned;
}
