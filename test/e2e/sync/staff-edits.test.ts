import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SyncReport } from '../../../bridge/src/sync/sync-engine.js';
import { readBack, SUITECRM_MODES, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * A staff edit reaches exactly the records it affects on the next sync: the edited record and
 * its dependants, nothing else. The scenario's own account and cases are created as a person
 * would (web UI saves, so the case hook logs actor "person").
 */
describe.each(SUITECRM_MODES)('$name', ({ suitecrm }) => {
  let h: SyncHarness;
  let accountId: string;
  let newCaseId: string;
  let assignedCaseId: string;

  const written = (report: SyncReport) => new Set(report.records.map((r) => `${r.module}/${r.id}`));
  const sync = async () => {
    h.advance(60_000);
    return h.engine.run(h.lease);
  };

  beforeAll(async () => {
    h = await startSyncHarness({
      now: '2026-11-25T12:00:00Z',
      trackingStart: '2026-01-01',
      standIn: { seed: 5, scale: { accounts: 6 } },
      suitecrm,
    });
    accountId = h.standIn.control.staffCreate('Accounts', {
      name: 'Acme Widgets',
      sla_plan_c: 'professional',
      sla_contract_start_c: '2026-03-01',
    }).id;
    h.advance(60_000);
    newCaseId = h.standIn.control.staffCreate('Cases', {
      name: 'Checkout fails',
      account_id: accountId,
      status: 'Open_New',
      sla_severity_c: '2',
      sla_environment_c: 'production',
    }).id;
    assignedCaseId = h.standIn.control.staffCreate('Cases', {
      name: 'Report question',
      account_id: accountId,
      status: 'Open_Assigned',
      sla_severity_c: '4',
    }).id;
    await h.engine.run(h.lease);
    expect((await sync()).records).toEqual([]); // converged
  });
  afterAll(async () => h?.close());
  beforeEach(() => h.standIn.control.resetCounters());

  describe('staff edits reach exactly the records they affect', () => {
    it('a new case was computed on the first sync', async () => {
      const values = (await readBack(h, 'Cases')).get(newCaseId);
      expect(values?.sla_response_status_c).toBe('pending');
      expect(values?.sla_coverage_c).toBe('covered');
      expect(values?.sla_effective_severity_c).toBe('2');
      expect(values?.sla_response_due_c).toBeTypeOf('number');
    });

    it('acknowledging a case (New to Assigned, by a person) writes that case only', async () => {
      h.standIn.control.staffEdit('Cases', newCaseId, { status: 'Open_Assigned' });
      const report = await sync();
      expect(written(report)).toEqual(new Set([`Cases/${newCaseId}`]));
      const values = (await readBack(h, 'Cases')).get(newCaseId);
      expect(values?.sla_acknowledged_at_c).toBe(Date.parse('2026-11-25T12:02:00Z'));
      expect(values?.sla_response_status_c).toBe('met');
    });

    it('a severity change writes that case only', async () => {
      h.standIn.control.staffEdit('Cases', assignedCaseId, {
        sla_cause_c: 'customer_software',
        sla_severity_c: '3',
      });
      const report = await sync();
      expect(written(report)).toEqual(new Set([`Cases/${assignedCaseId}`]));
      expect((await readBack(h, 'Cases')).get(assignedCaseId)?.sla_effective_severity_c).toBe('3');
    });

    it('a new time entry writes the entry, its case and its account', async () => {
      const entry = h.standIn.control.staffCreate('SLA_TimeEntries', {
        name: 'Investigation',
        case_id: newCaseId,
        work_date: '2026-11-25',
        hours: '2.5',
        category: 'support',
      });
      const report = await sync();
      const ids = written(report);
      expect(ids.has(`SLA_TimeEntries/${entry.id}`)).toBe(true);
      expect(ids.has(`Cases/${newCaseId}`)).toBe(true);
      expect(ids.has(`Accounts/${accountId}`)).toBe(true);
      const caseIds = new Set([newCaseId, assignedCaseId]);
      for (const id of ids) {
        const [module, recordId] = id.split('/') as [string, string];
        if (module === 'Cases') expect(caseIds.has(recordId)).toBe(true);
        if (module === 'Accounts') expect(recordId).toBe(accountId);
        if (module === 'SLA_TimeEntries') expect(recordId).toBe(entry.id);
      }
      expect((await readBack(h, 'Accounts')).get(accountId)?.sla_hours_used_c).toBe(2.5);
      expect((await readBack(h, 'Cases')).get(newCaseId)?.sla_hours_logged_c).toBe(2.5);
      expect((await readBack(h, 'SLA_TimeEntries')).get(entry.id)).toMatchObject({
        account_id: accountId,
        term_start: '2026-03-01',
        counts_against_plan: true,
      });
    });

    it('a cancellation writes the account only', async () => {
      h.standIn.control.staffEdit('Accounts', accountId, {
        sla_will_not_renew_c: '1',
        sla_cancelled_on_c: '2026-11-20',
      });
      const report = await sync();
      expect(written(report)).toEqual(new Set([`Accounts/${accountId}`]));
      const account = (await readBack(h, 'Accounts')).get(accountId);
      expect(account?.sla_contract_state_c).toBe('ending');
      expect(account?.sla_next_renewal_c).toBeNull();
    });

    it('a plan change writes the account (cases keep the coverage decided for their report)', async () => {
      h.standIn.control.staffEdit('Accounts', accountId, { sla_plan_c: 'enterprise' });
      const report = await sync();
      expect(written(report)).toEqual(new Set([`Accounts/${accountId}`]));
      expect((await readBack(h, 'Accounts')).get(accountId)?.sla_hours_remaining_c).toBe(250 - 2.5);
      expect((await readBack(h, 'Accounts')).get(accountId)?.sla_reserved_hours_effective_c).toBe(250);
    });

    it("shows the override as the effective reserved hours, and the plan's again once it is blanked", async () => {
      h.standIn.control.staffEdit('Accounts', accountId, { sla_reserved_hours_c: '12.5' });
      await sync();
      const overridden = (await readBack(h, 'Accounts')).get(accountId);
      expect([overridden?.sla_reserved_hours_effective_c, overridden?.sla_hours_remaining_c]).toEqual([
        12.5, 10,
      ]);
      h.standIn.control.staffEdit('Accounts', accountId, { sla_reserved_hours_c: '' });
      await sync();
      expect((await readBack(h, 'Accounts')).get(accountId)?.sla_reserved_hours_effective_c).toBe(250);
    });

    it('a person cannot overwrite a bridge field: the hook puts it back (R2) and the next sync writes nothing', async () => {
      h.standIn.control.staffEdit('Cases', newCaseId, { sla_response_status_c: 'breached' });
      expect(h.standIn.control.record('Cases', newCaseId)?.sla_response_status_c).toBe('met');
      expect((await sync()).records).toEqual([]);
    });

    it('restores a bridge field an API client overwrote', async () => {
      h.standIn.control.staffEdit(
        'Cases',
        newCaseId,
        { sla_response_status_c: 'breached' },
        { actor: 'api', userId: 'seed_sally_id' },
      );
      const report = await sync();
      expect(written(report)).toEqual(new Set([`Cases/${newCaseId}`]));
      expect((await readBack(h, 'Cases')).get(newCaseId)?.sla_response_status_c).toBe('met');
    });

    it('writes nothing when nothing changed, with one list call per module', async () => {
      await sync(); // reads back its own last writes
      h.standIn.control.resetCounters();
      const report = await sync();
      expect(report.records).toEqual([]);
      const routes = h.standIn.control.counters().byRoute;
      expect(routes['GET list Accounts']).toBe(1);
      expect(routes['GET list Cases']).toBe(1);
      expect(routes['GET list SLA_TimeEntries']).toBe(1);
      expect(Object.keys(routes).filter((route) => !route.startsWith('GET list'))).toEqual([]);
    });
  });
});
