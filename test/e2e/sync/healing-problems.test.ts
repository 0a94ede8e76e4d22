import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeText } from '../../../bridge/src/cli/explain.command.js';
import { defaultPolicy } from '../../../bridge/src/domain/index.js';
import { explainCase, type PendingWrite, pendingWrite } from '../../../bridge/src/sync/explain-case.js';
import type { SyncReport } from '../../../bridge/src/sync/sync-engine.js';
import { readBack, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * Finding 2 (SuiteCRM 7.14.6): the edit view's quarter-hour widget moved a fresh case's Reported
 * at to 13:00 at 12:57; the bridge wrote "not computed: reported at is in the future" and never
 * looked at the case again, while `explain` promised "the next sync writes it". Here the sync
 * re-evaluates such a case at the reported-at minute, and `explain` says when a value is really
 * written, checked against what the next passes then do.
 */
let h: SyncHarness;
let accountId: string;
let caseId: string;

const sync = async (ms = 60_000): Promise<SyncReport> => {
  h.advance(ms);
  return h.engine.run(h.lease);
};
const wrote = (report: SyncReport, id: string) => report.records.some((record) => record.id === id);
const explain = () => explainCase(h.store, defaultPolicy(), caseId, h.now());

beforeAll(async () => {
  h = await startSyncHarness({
    now: '2026-12-07T12:53:00Z',
    trackingStart: '2026-01-01',
    standIn: { seed: 3, scale: { accounts: 2 } },
  });
  accountId = h.standIn.control.staffCreate('Accounts', {
    name: 'AB Drivers Limited',
    sla_plan_c: 'professional',
    sla_contract_start_c: '2026-03-01',
  }).id;
  caseId = h.standIn.control.staffCreate('Cases', {
    name: 'Scheduler stopped on the lab copy',
    account_id: accountId,
    status: 'Open_New',
    sla_severity_c: '1',
    sla_environment_c: 'lab',
    // What the edit view stored after rounding 12:53 up to the quarter hour.
    sla_reported_at_c: '2026-12-07 13:00:00',
  }).id;
  await sync(3 * 60_000); // 12:56
});
afterAll(async () => h?.close());

describe('a case "not computed" because Reported at is in the future', () => {
  it('is marked with the reason in words and has its next transition at the reported-at minute', async () => {
    const values = (await readBack(h, 'Cases')).get(caseId);
    expect(values?.sla_data_problem_c).toMatch(/^not computed: Reported at \(Mon 7 Dec 2026 13:00 /);
    expect(values?.sla_response_status_c).toBe('not_computed');
    const transition = (await h.store.read((r) => r.transitions.getMany('Cases', [caseId]))).get(caseId);
    expect(transition?.dueAt).toBe(Date.parse('2026-12-07T13:00:00Z'));
    // Nothing to write yet: explain promises nothing.
    expect((await explain()).pendingWrite).toBeNull();
  });

  it('once the minute has come, explain says the next sync writes it, and the next sync does', async () => {
    h.advance(5 * 60_000); // 13:01, no edit in SuiteCRM
    const before = await explain();
    expect(before.computed.problem).toBeNull();
    expect(before.pendingWrite).toEqual({ when: 'next_sync' });
    const report = await sync(0);
    expect(wrote(report, caseId)).toBe(true);
    const values = (await readBack(h, 'Cases')).get(caseId);
    expect(values?.sla_data_problem_c).toBeNull();
    expect(values?.sla_coverage_c).toBe('covered');
    expect(values?.sla_effective_severity_c).toBe('2'); // Severity 1 on Lab is capped to 2
    expect(values?.sla_response_due_c).toBeTypeOf('number');
  });
});

describe('explain never promises a write no pass makes', () => {
  it('a value SuiteCRM holds but no pass will look at before its next transition: explain says so, and the next sync indeed leaves it', async () => {
    // The store's copy of what SuiteCRM holds disagrees with what the bridge computes (as after
    // an upgrade that words the explanation differently), with no transition due.
    const held = await h.store.read((r) => r.suiteCrmFields.get('Cases', caseId));
    const stale = { ...(held?.fields ?? {}), sla_explanation_c: 'an older wording' };
    await h.store.writeUnfenced((r) =>
      r.suiteCrmFields.saveMany([{ module: 'Cases', recordId: caseId, fields: stale }]),
    );
    const transition = (await h.store.read((r) => r.transitions.getMany('Cases', [caseId]))).get(caseId);
    // The response clock's at-risk instant, hours away.
    expect(transition?.dueAt).toBeGreaterThan(h.now() + 3_600_000);
    const said = await explain();
    expect(said.pendingWrite).toEqual({ when: 'at', at: transition?.dueAt });
    expect(writeText(said.pendingWrite as PendingWrite)).toMatch(/^not before .* \(its next transition\)/);
    // The next incremental pass does not write the case: the old "the next sync writes it" was false.
    expect(wrote(await sync(60_000), caseId)).toBe(false);
  });
});

describe('pendingWrite follows the sync: transition due, later, none, or never written', () => {
  const now = Date.parse('2026-12-07T13:00:00Z');
  it.each([
    [{ writable: true, differs: false, nextTransitionAt: null }, null],
    [{ writable: false, differs: true, nextTransitionAt: null }, { when: 'never' }],
    [{ writable: true, differs: true, nextTransitionAt: now }, { when: 'next_sync' }],
    [
      { writable: true, differs: true, nextTransitionAt: now + 60_000 },
      { when: 'at', at: now + 60_000 },
    ],
    [{ writable: true, differs: true, nextTransitionAt: null }, { when: 'unscheduled' }],
  ])('%j → %j', (input, expected) => {
    expect(pendingWrite({ ...input, now })).toEqual(expected);
  });

  it('the unscheduled case names the passes that do write it', () => {
    expect(writeText({ when: 'unscheduled' })).toContain('sla-bridge sync --full');
  });
});
