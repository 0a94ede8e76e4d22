import {
  ACCOUNT_BRIDGE_FIELDS,
  ACCOUNT_CORE_FIELDS,
  ACCOUNT_STAFF_FIELDS,
  type AccountAttributes,
  accountCodec,
  CASE_BRIDGE_FIELDS,
  CASE_CORE_FIELDS,
  CASE_HOOK_FIELDS,
  CASE_STAFF_FIELDS,
  type CaseAttributes,
  caseCodec,
  changeLogContinuityProblems,
  describeChangeLogProblem,
  type ModuleCodec,
  parseChangeLog,
  TIME_ENTRY_BRIDGE_FIELDS,
  TIME_ENTRY_CORE_FIELDS,
  TIME_ENTRY_STAFF_FIELDS,
  type TimeEntryAttributes,
  timeEntryCodec,
} from '../catalogue/index.js';
import type { AccountRecord, CaseRecord, TimeEntryRecord } from '../domain/index.js';
import type { RecordRef } from '../suitecrm/index.js';

/**
 * What the sync reads and writes per module: the sparse fieldset of a read (the fields the
 * domain reads plus the bridge's own, so one read also tells what SuiteCRM holds), how raw
 * attributes become the domain's record, the dependency keys the store indexes, and which
 * fields belong to the bridge.
 */
/** Ingest order: accounts and time entries before the cases that depend on both. */
export const SYNC_MODULES = ['Accounts', 'SLA_TimeEntries', 'Cases'] as const;

export type SyncModuleName = (typeof SYNC_MODULES)[number];

/** One value per synced module, keyed in `SYNC_MODULES` order (the order reports print in). */
export function perModule<T>(make: (module: SyncModuleName) => T): Record<SyncModuleName, T> {
  return Object.fromEntries(SYNC_MODULES.map((module) => [module, make(module)])) as Record<
    SyncModuleName,
    T
  >;
}

export type SyncRecordRef = RecordRef<SyncModuleName>;

export interface RecordKeys {
  accountId: string | null;
  caseId: string | null;
  open: boolean | null;
  number: string | null;
}

export interface SyncModule<A, R> {
  name: SyncModuleName;
  codec: ModuleCodec<A>;
  readFields: readonly string[];
  bridgeFields: readonly (keyof A & string)[];
  toRecord(id: string, values: A): R;
  keys(record: R, values: A): RecordKeys;
}

const accounts: SyncModule<AccountAttributes, AccountRecord> = {
  name: 'Accounts',
  codec: accountCodec,
  readFields: [...ACCOUNT_CORE_FIELDS, ...ACCOUNT_STAFF_FIELDS, ...ACCOUNT_BRIDGE_FIELDS],
  bridgeFields: ACCOUNT_BRIDGE_FIELDS,
  toRecord: (id, v) => ({
    id,
    plan: v.sla_plan_c,
    contractStart: v.sla_contract_start_c,
    reservedHours: v.sla_reserved_hours_c,
    phoneCover: v.sla_phone_cover_c,
    willNotRenew: v.sla_will_not_renew_c,
    cancelledOn: v.sla_cancelled_on_c,
    refunded: v.sla_refunded_c,
    paidThrough: v.sla_paid_through_c,
  }),
  keys: () => ({ accountId: null, caseId: null, open: null, number: null }),
};

const timeEntries: SyncModule<TimeEntryAttributes, TimeEntryRecord> = {
  name: 'SLA_TimeEntries',
  codec: timeEntryCodec,
  readFields: [...TIME_ENTRY_CORE_FIELDS, ...TIME_ENTRY_STAFF_FIELDS, ...TIME_ENTRY_BRIDGE_FIELDS],
  bridgeFields: TIME_ENTRY_BRIDGE_FIELDS,
  toRecord: (id, v) => ({
    id,
    caseId: v.case_id,
    accountId: v.account_id,
    workDate: v.work_date,
    hours: v.hours,
    category: v.category,
    subject: v.name,
  }),
  keys: (record) => ({ accountId: record.accountId, caseId: record.caseId, open: null, number: null }),
};

const cases: SyncModule<CaseAttributes, CaseRecord> = {
  name: 'Cases',
  codec: caseCodec,
  readFields: [...CASE_CORE_FIELDS, ...CASE_STAFF_FIELDS, ...CASE_HOOK_FIELDS, ...CASE_BRIDGE_FIELDS],
  bridgeFields: CASE_BRIDGE_FIELDS,
  toRecord: (id, v) => {
    const log = parseChangeLog(v.sla_change_log_c);
    return {
      id,
      status: v.status,
      dateEntered: v.date_entered,
      reportedAt: v.sla_reported_at_c,
      severity: v.sla_severity_c,
      environment: v.sla_environment_c,
      cause: v.sla_cause_c,
      reportable: v.sla_reportable_c,
      downgradeTo: v.sla_downgrade_to_c,
      downgradeReason: v.sla_downgrade_reason_c,
      downgradedAt: v.sla_downgraded_at_c,
      accountId: v.account_id,
      changeLog: log.entries,
      changeLogProblems: [...log.problems, ...changeLogContinuityProblems(v.sla_change_log_c)]
        .sort((a, b) => a.index - b.index)
        .map(describeChangeLogProblem),
      inputStamp: v.sla_input_stamp_c,
    };
  },
  keys: (record, v) => ({
    accountId: record.accountId,
    caseId: null,
    // Unknown status counts as open: an open case is re-evaluated when its account changes.
    open: record.status === null || !record.status.startsWith('Closed'),
    number: v.case_number === null ? null : String(v.case_number),
  }),
};

export const MODULES = { Accounts: accounts, SLA_TimeEntries: timeEntries, Cases: cases } as const;

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous lookup; each entry is typed above
export type AnySyncModule = SyncModule<any, any>;

export function syncModule(name: SyncModuleName): AnySyncModule {
  return MODULES[name] as AnySyncModule;
}

/**
 * The fields the bridge owns on a module: its catalogue fields, plus SuiteCRM's own `priority`
 * on Cases when the policy says priority follows the effective severity.
 */
export function ownedFields(module: AnySyncModule, priorityFollowsSeverity: boolean): readonly string[] {
  return module.name === 'Cases' && priorityFollowsSeverity
    ? [...module.bridgeFields, 'priority']
    : module.bridgeFields;
}

/** The bridge-owned values of a parsed record, as SuiteCRM holds them now. */
export function heldValues(
  owned: readonly string[],
  values: Record<string, unknown>,
): Record<string, unknown> {
  const held: Record<string, unknown> = {};
  for (const field of owned) held[field] = values[field] ?? null;
  return held;
}
