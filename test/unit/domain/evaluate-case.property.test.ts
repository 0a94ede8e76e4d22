import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeLogActor, ChangeLogEntry } from '../../../bridge/src/catalogue/change-log-entry.js';
import type { CaseRecord } from '../../../bridge/src/domain/case/case-record.js';
import type { AccountRecord } from '../../../bridge/src/domain/contract/account-record.js';
import { type CaseEvaluation, evaluateCase } from '../../../bridge/src/domain/evaluate-case.js';
import type { SlaEvent } from '../../../bridge/src/domain/events/sla-event.js';
import { isSafeText } from '../../../bridge/src/domain/explanation/safe-text.js';
import type { TimeEntryRecord } from '../../../bridge/src/domain/hours/time-entry-record.js';
import { loadPolicy } from '../../../bridge/src/domain/policy/compiled-policy.js';
import { DEFAULT_POLICY_DOCUMENT } from '../../../bridge/src/domain/policy/default-policy.js';
import { BRIDGE, london, PORTAL, STAFF } from '../../support/domain-builders.js';

/**
 * Random case histories around Easter and the spring DST change of 2024, on random accounts:
 * the invariants the sync relies on must hold for every one of them.
 */
const POLICY = loadPolicy({ ...(DEFAULT_POLICY_DOCUMENT as object), integrationUsers: [PORTAL] });
const BASE = london('2024-03-25 08:00');
const MINUTE = 60_000;
const STATUSES = [
  'Open_New',
  'Open_Assigned',
  'Open_Pending Input',
  'Closed_Closed',
  'Closed_Rejected',
  'Closed_Duplicate',
];

interface Actor {
  actor: ChangeLogActor;
  userId: string | null;
}
const actorArb: fc.Arbitrary<Actor> = fc.constantFrom<Actor>(
  { actor: 'person', userId: STAFF },
  { actor: 'person', userId: STAFF },
  { actor: 'api', userId: 'user-script' },
  { actor: 'api', userId: BRIDGE },
  { actor: 'api', userId: PORTAL },
  { actor: 'cron', userId: null },
  { actor: 'workflow', userId: STAFF },
);

const changeArb = fc.record({
  gapMinutes: fc.oneof(fc.integer({ min: 1, max: 240 }), fc.integer({ min: 1, max: 3 * 24 * 60 })),
  seconds: fc.integer({ min: 0, max: 59 }),
  actor: actorArb,
  change: fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({ field: fc.constant('status' as const), to: fc.constantFrom(...STATUSES) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        field: fc.constant('severity' as const),
        to: fc.constantFrom('1', '2', '3', '4'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        field: fc.constant('environment' as const),
        to: fc.constantFrom('production', 'pre_production', 'uat', 'lab', 'demo', 'unknown'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        field: fc.constant('cause' as const),
        to: fc.constantFrom('product', 'customer_software', 'third_party_software', 'unknown'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        field: fc.constant('reportable' as const),
        to: fc.constantFrom('yes', 'misuse'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        field: fc.constant('downgrade_to' as const),
        to: fc.constantFrom('2', '3', '4'),
      }),
    },
  ),
});

const historyArb = fc.record({
  reportOffset: fc.integer({ min: 0, max: 8 * 24 * 60 }),
  createDelay: fc.integer({ min: 0, max: 180 }),
  createdStatus: fc.constantFrom('Open_New', 'Open_New', 'Open_Assigned'),
  createdBy: actorArb,
  severity: fc.constantFrom<string | null>('1', '2', '3', '4', '1', '1', '2', null),
  environment: fc.constantFrom('production', 'pre_production', 'uat', 'lab', 'demo', 'unknown'),
  cause: fc.constantFrom('product', 'customer_software', 'third_party_software', 'unknown'),
  reportable: fc.constantFrom('yes', 'yes', 'yes', 'no_material_effect'),
  changes: fc.array(changeArb, { maxLength: 8 }),
});
type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

const accountArb: fc.Arbitrary<AccountRecord> = fc.record({
  id: fc.constant('account-1'),
  plan: fc.constantFrom<string | null>(
    'professional',
    'enterprise',
    'professional',
    'enterprise',
    'essential',
    'free',
    '',
  ),
  contractStart: fc.constantFrom<string | null>('2023-04-01', '2024-01-01', '2024-03-27'),
  reservedHours: fc.constantFrom<number | null>(null, null, 6),
  phoneCover: fc.constantFrom<string | null>(null, null, 'yes', 'no'),
  willNotRenew: fc.constant(false),
  cancelledOn: fc.constant(null),
  refunded: fc.constant(false),
  paidThrough: fc.constant(null),
});

const entriesArb: fc.Arbitrary<TimeEntryRecord[]> = fc.array(
  fc.record({
    id: fc.uuid(),
    caseId: fc.constantFrom<string | null>('case-1', 'case-2'),
    accountId: fc.constant('account-1'),
    workDate: fc.constantFrom('2024-03-20', '2024-03-26', '2024-03-28', '2024-04-02', '2024-04-05'),
    hours: fc.constantFrom(0.5, 1.25, 3, 6),
    category: fc.constantFrom('support', 'consulting', 'development'),
  }),
  { maxLength: 4 },
);

interface Built {
  reportedAt: number;
  createdAt: number;
  log: ChangeLogEntry[];
}

function build(history: History): Built {
  const reportedAt = BASE + history.reportOffset * MINUTE;
  const createdAt = reportedAt + history.createDelay * MINUTE;
  const by = history.createdBy;
  const log: ChangeLogEntry[] = [
    { at: createdAt, field: 'status', from: null, to: history.createdStatus, ...by },
    { at: createdAt, field: 'environment', from: null, to: history.environment, ...by },
    { at: createdAt, field: 'cause', from: null, to: history.cause, ...by },
    { at: createdAt, field: 'reportable', from: null, to: history.reportable, ...by },
  ];
  if (history.severity !== null)
    log.push({ at: createdAt, field: 'severity', from: null, to: history.severity, ...by });
  const current: Record<string, string | null> = {
    status: history.createdStatus,
    severity: history.severity,
    environment: history.environment,
    cause: history.cause,
    reportable: history.reportable,
    downgrade_to: null,
  };
  let at = createdAt - (createdAt % MINUTE);
  for (const item of history.changes) {
    at += item.gapMinutes * MINUTE;
    const { field, to } = item.change;
    if (current[field] === to) continue;
    log.push({ at: at + item.seconds * 1000, field, from: current[field] ?? null, to, ...item.actor });
    current[field] = to;
  }
  return { reportedAt, createdAt, log };
}

/** The case as SuiteCRM holds it once the entries up to `upTo` have happened. */
function caseAt(built: Built, upTo: number = Number.POSITIVE_INFINITY): CaseRecord {
  const log = built.log.filter((entry) => entry.at <= upTo);
  const last = (field: string) => {
    let value: string | null = null;
    for (const entry of log) if (entry.field === field) value = entry.to;
    return value;
  };
  return {
    id: 'case-1',
    status: last('status'),
    dateEntered: built.createdAt,
    reportedAt: built.reportedAt,
    severity: last('severity'),
    environment: last('environment'),
    cause: last('cause'),
    reportable: last('reportable'),
    downgradeTo: last('downgrade_to'),
    downgradeReason: 'Customer did not provide resources',
    downgradedAt: null,
    accountId: 'account-1',
    changeLog: log,
    changeLogProblems: [],
  };
}

function run(
  record: CaseRecord,
  account: AccountRecord,
  entries: TimeEntryRecord[],
  now: number,
  pinned: CaseEvaluation['pinned'] = null,
) {
  return evaluateCase({
    case: record,
    account,
    timeEntries: entries,
    policy: POLICY,
    pinned,
    context: { now, trackingStart: 0, bridgeUserId: BRIDGE },
  });
}

const keys = (events: readonly SlaEvent[]) => events.map((event) => event.key).sort();
const RUNS = { numRuns: 200 };

describe('case evaluation properties', () => {
  it('never throws, writes only SuiteCRM-safe text, and a deadline never precedes the report', () => {
    fc.assert(
      fc.property(
        historyArb,
        accountArb,
        entriesArb,
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        (history, account, entries, after) => {
          const built = build(history);
          const now = built.reportedAt + after * MINUTE;
          const result = run(caseAt(built, now), account, entries, now);
          for (const text of [
            result.fields.sla_explanation_c,
            result.fields.sla_severity_note_c,
            result.fields.sla_data_problem_c,
          ]) {
            if (text !== null) expect(isSafeText(text), text).toBe(true);
          }
          expect(result.fields.sla_severity_note_c?.length ?? 0).toBeLessThanOrEqual(255);
          const reported = built.reportedAt - (built.reportedAt % MINUTE);
          if (result.fields.sla_response_due_c !== null)
            expect(result.fields.sla_response_due_c).toBeGreaterThanOrEqual(reported);
          if (result.fields.sla_resolution_due_c !== null)
            expect(result.fields.sla_resolution_due_c).toBeGreaterThanOrEqual(reported);
          if (result.nextTransitionAt !== null) expect(result.nextTransitionAt).toBeGreaterThan(now);
          for (const event of result.events) expect(event.at).toBeLessThanOrEqual(now);
        },
      ),
      RUNS,
    );
  });

  it('recomputing from the output changes nothing, and nothing changes before the next transition', () => {
    fc.assert(
      fc.property(
        historyArb,
        accountArb,
        entriesArb,
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (history, account, entries, after, fraction) => {
          const built = build(history);
          const record = caseAt(built);
          const now = Math.max(built.reportedAt, built.createdAt) + after * MINUTE;
          const first = run(record, account, entries, now);
          const again = run(record, account, entries, now, first.pinned);
          expect(again).toEqual(first);
          // Any instant before the next transition gives the very same fields: the sync never
          // finds a difference to write between transitions.
          const horizon = first.nextTransitionAt ?? now + 30 * 24 * 60 * MINUTE;
          const later = now + Math.floor((horizon - now) * fraction);
          const between = run(record, account, entries, later, first.pinned);
          expect(between.fields).toEqual(first.fields);
          expect(between.nextTransitionAt).toEqual(first.nextTransitionAt);
        },
      ),
      RUNS,
    );
  });

  it('the event timeline does not depend on how often it was computed', () => {
    fc.assert(
      fc.property(
        historyArb,
        accountArb,
        entriesArb,
        fc.array(fc.integer({ min: 0, max: 15 * 24 * 60 }), { minLength: 1, maxLength: 6 }),
        (history, account, entries, offsets) => {
          const built = build(history);
          const start = Math.max(built.reportedAt, built.createdAt);
          const instants = [...new Set(offsets)]
            .sort((a, b) => a - b)
            .map((offset) => start + offset * MINUTE);
          const last = instants[instants.length - 1] as number;
          // Computed at every instant, with only the history known by then...
          const seen = new Set<string>();
          let pinned: CaseEvaluation['pinned'] = null;
          for (const instant of instants) {
            const result = run(caseAt(built, instant), account, entries, instant, pinned);
            pinned = result.pinned;
            for (const event of result.events) seen.add(event.key);
          }
          // ...or once at the end: the same events.
          const once = run(caseAt(built, last), account, entries, last);
          expect([...seen].sort()).toEqual(keys(once.events));
          // With the same inputs, an earlier computation sees exactly the events up to its time.
          for (const instant of instants) {
            const early = run(caseAt(built, last), account, entries, instant);
            expect(keys(early.events)).toEqual(keys(once.events.filter((event) => event.at <= instant)));
          }
        },
      ),
      RUNS,
    );
  });
});
