import type { ContractState } from './contract/contract-status.js';
import type { HoursState } from './hours/hours-usage.js';

/** Every bridge-written Accounts field, keyed by its catalogue name (dates `YYYY-MM-DD`, null for blank). */
export interface AccountFields {
  sla_term_start_c: string | null;
  sla_term_end_c: string | null;
  /** The reserved hours in force: the account's override when filled in, else the plan's. */
  sla_reserved_hours_effective_c: number | null;
  sla_hours_used_c: number | null;
  sla_hours_remaining_c: number | null;
  sla_hours_state_c: HoursState | null;
  sla_contract_state_c: ContractState | null;
  sla_next_renewal_c: string | null;
  sla_refund_window_end_c: string | null;
  sla_data_problem_c: string | null;
}

export const EMPTY_ACCOUNT_FIELDS: AccountFields = {
  sla_term_start_c: null,
  sla_term_end_c: null,
  sla_reserved_hours_effective_c: null,
  sla_hours_used_c: null,
  sla_hours_remaining_c: null,
  sla_hours_state_c: null,
  sla_contract_state_c: null,
  sla_next_renewal_c: null,
  sla_refund_window_end_c: null,
  sla_data_problem_c: null,
};
