/** An account's contract fields as the domain reads them (staff-entered; blank as null or ""). */
export interface AccountRecord {
  id: string;
  /** `sla_plan_c`: a policy plan id, `free`, or blank (no contract). */
  plan: string | null;
  /** `sla_contract_start_c`, `YYYY-MM-DD`. */
  contractStart: string | null;
  /** `sla_reserved_hours_c`: blank inherits the plan's hours. */
  reservedHours: number | null;
  /** `sla_phone_cover_c`: blank inherits the plan, `yes` or `no` overrides it. */
  phoneCover: string | null;
  willNotRenew: boolean | null;
  cancelledOn: string | null;
  refunded: boolean | null;
  paidThrough: string | null;
  /**
   * Fields SuiteCRM sent that could not be read, in words (the sync fills this in): the contract
   * cannot be computed, and the account's cases and time entries say why.
   */
  parseProblems?: readonly string[];
}
