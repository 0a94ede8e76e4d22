import { describe, expect, it } from 'vitest';
import { CHANGE_LOG_ACTORS, CHANGE_LOG_FIELDS } from '../../../bridge/src/catalogue/change-log-entry.js';
import { generateRows } from '../../../bridge/src/standin/seed/generator.js';
import policy from '../../../schemas/default-policy.json' with { type: 'json' };

const NOW = Date.parse('2026-11-25T12:00:00Z');

describe('the generated seed data', () => {
  const rows = generateRows({ seed: 9, now: NOW, scale: { accounts: 60 }, withPackage: true });

  it('is deterministic for a seed, scale and clock, and follows the 1 : 10 : 30 ratio by default', () => {
    const again = generateRows({ seed: 9, now: NOW, scale: { accounts: 60 }, withPackage: true });
    expect(again).toEqual(rows);
    expect(rows.Accounts).toHaveLength(60);
    expect(rows.Cases).toHaveLength(600);
    expect(rows.SLA_TimeEntries).toHaveLength(1800);
    const other = generateRows({ seed: 10, now: NOW, scale: { accounts: 60 }, withPackage: true });
    expect(other.Accounts[0]?.id).not.toBe(rows.Accounts[0]?.id);
  });

  it('with an install instant: older cases have no package fields and no change log, the rest is unchanged', () => {
    const installedAt = NOW - 30 * 86_400_000;
    const fresh = generateRows({
      seed: 9,
      now: NOW,
      scale: { accounts: 60 },
      withPackage: true,
      installedAt,
    });
    expect(fresh.Accounts).toEqual(rows.Accounts);
    const enteredAt = (row: Readonly<Record<string, string | null | undefined>>) =>
      Date.parse(`${String(row.date_entered).replace(' ', 'T')}Z`);
    // No time entry before the install (the module is the package's); the later ones unchanged.
    expect(fresh.SLA_TimeEntries).toEqual(
      rows.SLA_TimeEntries.filter((row) => enteredAt(row) >= installedAt),
    );
    expect(fresh.SLA_TimeEntries.length).toBe(140);
    let older = 0;
    fresh.Cases.forEach((row, index) => {
      const original = rows.Cases[index] as Record<string, unknown>;
      if (enteredAt(row) >= installedAt) {
        expect(row).toEqual(original);
        return;
      }
      older++;
      for (const [field, value] of Object.entries(row)) {
        expect(value, field).toBe(field.startsWith('sla_') ? null : original[field]);
      }
    });
    expect(older).toBeGreaterThan(500);
    expect(older).toBeLessThan(fresh.Cases.length);
  });

  it("puts accounts on the default policy's plans, free support or none, with contract dates", () => {
    const plans = new Set(rows.Accounts.map((row) => row.sla_plan_c ?? ''));
    for (const plan of policy.plans) expect(plans).toContain(plan.id);
    expect(plans).toContain('free');
    expect(plans).toContain('');
    for (const row of rows.Accounts) {
      const dedicated = policy.plans.some((plan) => plan.id === row.sla_plan_c);
      expect(row.sla_contract_start_c != null).toBe(dedicated);
      if (row.sla_will_not_renew_c === '1') expect(row.sla_cancelled_on_c).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('gives every case a change log the package hook could have written, ending in its current status', () => {
    const entry = new RegExp(
      `^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\\|(${CHANGE_LOG_FIELDS.join('|')})\\|[^|;]*\\|[^|;]*\\|[^|;]*\\|(${CHANGE_LOG_ACTORS.join('|')})$`,
    );
    for (const row of rows.Cases) {
      const entries = (row.sla_change_log_c as string).split(';');
      for (const text of entries) expect(text).toMatch(entry);
      const statuses = entries.filter((text) => text.split('|')[1] === 'status');
      expect(statuses[0]?.split('|')[2]).toBe('');
      expect(statuses.at(-1)?.split('|')[3]).toBe(row.status);
      expect(String(row.date_modified) >= String(row.date_entered)).toBe(true);
      expect(String(row.date_modified) < '2026-11-25 12:00:00').toBe(true);
    }
    expect(new Set(rows.Cases.map((row) => row.status))).toEqual(
      new Set([
        'Open_New',
        'Open_Assigned',
        'Open_Pending Input',
        'Closed_Closed',
        'Closed_Rejected',
        'Closed_Duplicate',
      ]),
    );
  });

  it("books time entries on cases, with the case's account, quarter hours and the four categories", () => {
    const cases = new Map(rows.Cases.map((row) => [row.id, row]));
    for (const row of rows.SLA_TimeEntries) {
      const aCase = cases.get(row.case_id as string);
      expect(aCase).toBeDefined();
      expect(row.account_id).toBe(aCase?.account_id);
      expect(Number(row.hours) * 4).toBe(Math.round(Number(row.hours) * 4));
      expect(String(row.work_date) >= String(aCase?.date_entered).slice(0, 10)).toBe(true);
    }
    expect(new Set(rows.SLA_TimeEntries.map((row) => row.category))).toEqual(
      new Set(['support', 'consulting', 'development', 'migration']),
    );
  });

  it('holds minutes with many changes (a mass update), so readers must finish a minute by id', () => {
    const perMinute = new Map<string, number>();
    for (const row of [...rows.Accounts, ...rows.Cases, ...rows.SLA_TimeEntries]) {
      const minute = (row.date_modified as string).slice(0, 16);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    expect(Math.max(...perMinute.values())).toBeGreaterThan(10);
  });
});
