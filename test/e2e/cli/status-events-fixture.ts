import { slaEvent } from '../../../bridge/src/domain/events/sla-event.js';
import { defaultPolicy } from '../../../bridge/src/domain/index.js';
import type { LedgerEventInput } from '../../../bridge/src/store/index.js';
import type { StoreTestEnv } from '../../support/store-backends.js';

/**
 * The store `sla-bridge status` and `sla-bridge events` are run against: records, runs, cursors,
 * problems, transitions and ledger events, written through the store's repositories the way the
 * sync writes them.
 */
export const POLICY = defaultPolicy();
export const CASE_1042 = 'c0000000-0000-4000-8000-000000001042';
export const CASE_1043 = 'c0000000-0000-4000-8000-000000001043';
export const CASE_2001 = 'c0000000-0000-4000-8000-000000002001';
export const CASE_2002 = 'c0000000-0000-4000-8000-000000002002';
export const ACCOUNT_A = 'a0000000-0000-4000-8000-00000000000a';
export const ACCOUNT_B = 'a0000000-0000-4000-8000-00000000000b';
export const ENTRY = 'e0000000-0000-4000-8000-000000000001';

const at = (iso: string) => Date.parse(iso);

function ledger(
  module: 'Cases' | 'Accounts',
  recordId: string,
  type: Parameters<typeof slaEvent>[0]['type'],
  iso: string,
  cause: string,
  clock: 'response' | 'resolution' | null = null,
): LedgerEventInput {
  return slaEvent({ module, recordId, type, clock, at: at(iso), policyVersion: POLICY.version, cause });
}

const EVENTS: LedgerEventInput[] = [
  ledger('Cases', CASE_1042, 'reported', '2026-07-01T08:00:00Z', 'reported by email'),
  ledger('Cases', CASE_1042, 'at_risk', '2026-07-01T10:00:00Z', '75% of 4 h used', 'response'),
  {
    ...ledger(
      'Cases',
      CASE_1042,
      'breached',
      '2026-07-01T12:01:00Z',
      'due 12:00, not acknowledged',
      'response',
    ),
    details: { dueAt: '2026-07-01T12:00:00Z' },
  },
  ledger('Cases', CASE_1043, 'reported', '2026-12-01T09:00:00Z', 'reported on the portal'),
  ledger('Cases', CASE_1043, 'acknowledged', '2026-12-01T09:30:00Z', 'acknowledged by sally'),
  ledger('Accounts', ACCOUNT_A, 'renewal_due', '2026-11-01T00:00:00Z', 'term ends 2026-12-31'),
  ledger('Cases', CASE_2001, 'reported', '2026-06-30T23:30:00Z', 'reported by phone'),
  ledger('Cases', CASE_2002, 'reported', '2026-06-30T22:30:00Z', 'reported by phone, late evening'),
  ledger('Accounts', ACCOUNT_B, 'renewed', '2027-01-01T00:00:00Z', 'term 2 starts'),
];

/** Fills the store as a sync would; returns its `now`, whole seconds (the commands print instants to the second). */
export async function fillLikeSync(env: StoreTestEnv): Promise<number> {
  const now = Math.floor(Date.now() / 1000) * 1000;
  await env.write(async (repositories) => {
    await repositories.policies.remember(POLICY.version, POLICY.document);
    await repositories.inputs.upsertMany([
      {
        module: 'Accounts',
        recordId: ACCOUNT_A,
        accountId: null,
        dateModified: now,
        data: { id: ACCOUNT_A },
      },
      ...[
        [CASE_1042, '1042', ACCOUNT_A],
        [CASE_1043, '1043', ACCOUNT_A],
        [CASE_2001, '2001', ACCOUNT_B],
        [CASE_2002, '2002', ACCOUNT_B],
      ].map(([id, number, account]) => ({
        module: 'Cases',
        recordId: id as string,
        accountId: account as string,
        open: true,
        number: number as string,
        dateModified: now,
        data: { id },
      })),
    ]);
    const sync = await repositories.jobRuns.start('sync', { startedAt: now - 600_000 });
    await repositories.jobRuns.finish(sync, {
      outcome: 'succeeded',
      counts: { read: 120, written: 3 },
      endedAt: now - 596_000,
    });
    const goodTick = await repositories.jobRuns.start('tick', { startedAt: now - 180_000 });
    await repositories.jobRuns.finish(goodTick, {
      outcome: 'succeeded',
      counts: { due: 0 },
      endedAt: now - 179_000,
    });
    const badTick = await repositories.jobRuns.start('tick', { startedAt: now - 120_000 });
    await repositories.jobRuns.finish(badTick, {
      outcome: 'failed',
      error: 'unavailable: cannot reach SuiteCRM\nfor GET /Api/V8/module/Cases',
      endedAt: now - 119_000,
    });
    await repositories.jobRuns.start('reconcile', { startedAt: now - 60_000 });
    await repositories.cursors.save('Accounts', { at: now - 7_200_000, lastId: null });
    await repositories.cursors.save('Cases', { at: now - 90_000, lastId: CASE_1043 });
    await repositories.problems.report([
      { module: 'Cases', recordId: CASE_1042, reason: 'not computed: severity missing' },
      { module: 'Cases', recordId: CASE_1043, reason: 'not computed: severity missing' },
      { module: 'Cases', recordId: CASE_2001, reason: 'not computed: severity missing' },
      {
        module: 'Cases',
        recordId: CASE_2002,
        reason: 'not computed: the change log has an unreadable entry',
      },
      { module: 'SLA_TimeEntries', recordId: ENTRY, reason: 'not computed: hours are not a number' },
    ]);
    await repositories.untracked.mark([
      { caseId: 'c0000000-0000-4000-8000-000000000001', reason: 'created_before_install' },
      { caseId: 'c0000000-0000-4000-8000-000000000002', reason: 'created_before_install' },
      { caseId: 'c0000000-0000-4000-8000-000000000003', reason: 'before_tracking_start' },
    ]);
    await repositories.transitions.setMany([
      {
        module: 'Cases',
        recordId: CASE_1042,
        dueAt: at('2020-01-02T09:00:00Z'),
        reason: 'response.breached',
      },
      {
        module: 'Cases',
        recordId: CASE_2001,
        dueAt: at('2020-01-01T09:00:00Z'),
        reason: 'response.at_risk',
      },
      { module: 'Accounts', recordId: ACCOUNT_A, dueAt: at('2099-07-01T00:00:00Z'), reason: 'term_end' },
      {
        module: 'Cases',
        recordId: CASE_1043,
        dueAt: at('2099-01-04T09:31:00Z'),
        reason: 'resolution.breached',
      },
    ]);
    await repositories.events.insertMany(EVENTS);
  });
  return now;
}
