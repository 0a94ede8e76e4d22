import { DateTime } from 'luxon';
import type {
  ChangeLogActor,
  ChangeLogEntry,
  ChangeLogField,
} from '../../bridge/src/catalogue/change-log-entry.js';
import type { CasePin } from '../../bridge/src/domain/case/case-pin.js';
import type { CaseRecord } from '../../bridge/src/domain/case/case-record.js';
import type { AccountRecord } from '../../bridge/src/domain/contract/account-record.js';
import { type CaseEvaluation, evaluateCase } from '../../bridge/src/domain/evaluate-case.js';
import type { TimeEntryRecord } from '../../bridge/src/domain/hours/time-entry-record.js';
import type { CompiledPolicy } from '../../bridge/src/domain/policy/compiled-policy.js';
import { defaultPolicy } from '../../bridge/src/domain/policy/default-policy.js';

/** `london('2023-05-05 16:45')` → epoch ms of that London wall-clock time. */
export function london(text: string): number {
  const parsed = DateTime.fromFormat(text, text.length > 16 ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd HH:mm', {
    zone: 'Europe/London',
  });
  if (!parsed.isValid) throw new Error(`bad London time in test: ${text}`);
  return parsed.toMillis();
}

/** Epoch ms → `2023-05-09 12:15` London (seconds shown only when not zero). */
export function londonText(ms: number | null): string | null {
  if (ms === null) return null;
  const local = DateTime.fromMillis(ms, { zone: 'Europe/London' });
  return local.toFormat(local.second === 0 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd HH:mm:ss');
}

export const STAFF = 'user-staff';
export const BRIDGE = 'user-bridge';
export const PORTAL = 'user-portal';

export function change(
  at: string,
  field: ChangeLogField,
  from: string | null,
  to: string | null,
  actor: ChangeLogActor = 'person',
  userId: string | null = STAFF,
): ChangeLogEntry {
  return { at: london(at), field, from, to, userId, actor };
}

export interface CreatedWith {
  status?: string;
  severity?: string | null;
  environment?: string;
  cause?: string;
  reportable?: string;
  actor?: ChangeLogActor;
  userId?: string | null;
}

/** The entries the hook writes when a case is created (from = null for every field set). */
export function created(at: string, values: CreatedWith = {}): ChangeLogEntry[] {
  const actor = values.actor ?? 'person';
  const userId = values.userId === undefined ? STAFF : values.userId;
  const out = [change(at, 'status', null, values.status ?? 'Open_New', actor, userId)];
  const fields: Array<[ChangeLogField, string | null | undefined]> = [
    ['severity', values.severity === undefined ? '2' : values.severity],
    ['environment', values.environment ?? 'production'],
    ['cause', values.cause],
    ['reportable', values.reportable],
  ];
  for (const [field, value] of fields) if (value) out.push(change(at, field, null, value, actor, userId));
  return out;
}

/**
 * A case whose current fields are the last values of its change log (as the hook keeps them).
 * `reportedAt` is a London time or omitted (then the creation time).
 */
export function caseFrom(options: {
  id?: string;
  createdAt: string;
  log: ChangeLogEntry[];
  reportedAt?: string;
  accountId?: string | null;
  downgradeReason?: string | null;
  problems?: string[];
}): CaseRecord {
  const last = (field: ChangeLogField): string | null => {
    let value: string | null = null;
    const sorted = options.log
      .map((entry, index) => ({ entry, index }))
      .filter(({ entry }) => entry.field === field)
      .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index);
    for (const { entry } of sorted) value = entry.to;
    return value;
  };
  return {
    id: options.id ?? 'case-1',
    status: last('status') ?? 'Open_New',
    dateEntered: london(options.createdAt),
    reportedAt: options.reportedAt ? london(options.reportedAt) : null,
    severity: last('severity'),
    environment: last('environment'),
    cause: last('cause'),
    reportable: last('reportable'),
    downgradeTo: last('downgrade_to'),
    downgradeReason: options.downgradeReason ?? null,
    downgradedAt: null,
    accountId: options.accountId === undefined ? 'account-1' : options.accountId,
    changeLog: options.log,
    changeLogProblems: options.problems ?? [],
  };
}

export function account(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: 'account-1',
    plan: 'professional',
    contractStart: '2023-01-01',
    reservedHours: null,
    phoneCover: null,
    willNotRenew: false,
    cancelledOn: null,
    refunded: false,
    paidThrough: null,
    ...overrides,
  };
}

let entryCounter = 0;
export function timeEntry(overrides: Partial<TimeEntryRecord> = {}): TimeEntryRecord {
  entryCounter++;
  return {
    id: `entry-${String(entryCounter).padStart(4, '0')}`,
    caseId: 'case-1',
    accountId: 'account-1',
    workDate: '2023-03-01',
    hours: 1,
    category: 'support',
    ...overrides,
  };
}

/**
 * `hours` logged on one work date as entries of at most a day's hours each (an entry is one
 * day's work: the domain refuses more than 24 hours in one), summing exactly to `hours`.
 */
export function work(overrides: Partial<TimeEntryRecord> & { hours: number }): TimeEntryRecord[] {
  const out: TimeEntryRecord[] = [];
  let left = Math.round(overrides.hours * 100);
  do {
    const piece = Math.min(left, 2400);
    out.push(timeEntry({ ...overrides, hours: piece / 100 }));
    left -= piece;
  } while (left > 0);
  return out;
}

export interface EvaluateOptions {
  account?: AccountRecord | null;
  timeEntries?: TimeEntryRecord[];
  policy?: CompiledPolicy;
  pinned?: CasePin | null;
  trackingStart?: string;
  restate?: boolean;
  holdsBridgeValues?: boolean;
  pinnedPolicyMissing?: string;
}

/** Evaluates a case at a London time with the default policy and an active Professional account. */
export function evaluateAt(record: CaseRecord, now: string, options: EvaluateOptions = {}): CaseEvaluation {
  return evaluateCase({
    case: record,
    account: options.account === undefined ? account() : options.account,
    timeEntries: options.timeEntries ?? [],
    policy: options.policy ?? defaultPolicy(),
    pinned: options.pinned ?? null,
    context: {
      now: london(now),
      trackingStart: options.trackingStart ? london(options.trackingStart) : 0,
      bridgeUserId: BRIDGE,
    },
    ...(options.restate === undefined ? {} : { restate: options.restate }),
    ...(options.holdsBridgeValues === undefined ? {} : { holdsBridgeValues: options.holdsBridgeValues }),
    ...(options.pinnedPolicyMissing === undefined
      ? {}
      : { pinnedPolicyMissing: options.pinnedPolicyMissing }),
  });
}
