import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseCodec } from '../../../bridge/src/catalogue/index.js';
import { generateRows } from '../../../bridge/src/standin/seed/generator.js';
import { bridgeAt, type CliWorld, startCliWorld } from '../../support/cli-world.js';

/**
 * Issue 13 §3, a clean go-live, as an operator runs it: a site with two years of cases and the
 * package installed two days ago (the stand-in's `--installed-at`: older cases have no package
 * fields and no change log, as cases_cstm has no row for them), the built CLI in processes of
 * its own. The cases from before the install are not tracked: the first sync writes nothing to
 * them, nothing is "not computed", and `sync --dry-run`, `status` and `doctor` say how many are
 * not tracked and why.
 */
const T0 = Date.parse('2026-11-25T12:00:00Z');
const INSTALLED_AT = T0 - 2 * 86_400_000;
const TRACKING_START = '2026-01-01';
const TRACKING_START_AT = Date.UTC(2026, 0, 1); // 00:00 London in winter
const SCALE = { accounts: 12, cases: 400 };
const at = (minutes: number) => T0 + minutes * 60_000;

const enteredAt = (row: Readonly<Record<string, string | null | undefined>>) =>
  Date.parse(`${String(row.date_entered).replace(' ', 'T')}Z`);
// The same rows the stand-in process generates from the same arguments.
const rows = generateRows({ seed: 5, now: T0, scale: SCALE, withPackage: true, installedAt: INSTALLED_AT });
const preInstall = rows.Cases.filter((row) => enteredAt(row) < INSTALLED_AT);
const postInstall = rows.Cases.filter((row) => enteredAt(row) >= INSTALLED_AT);
const beforeTrackingStart = preInstall.filter((row) => enteredAt(row) < TRACKING_START_AT);
/** An open case from before the install that staff edit after it (its log then starts with that edit). */
const edited = preInstall.find(
  (row) => row.status === 'Open_Assigned' && enteredAt(row) >= TRACKING_START_AT,
) as (typeof rows.Cases)[number];

let w: CliWorld;
let integrationCase: string;

beforeAll(async () => {
  w = await startCliWorld({
    standIn: [
      '--seed',
      '5',
      '--accounts',
      String(SCALE.accounts),
      '--cases',
      String(SCALE.cases),
      '--installed-at',
      new Date(INSTALLED_AT).toISOString(),
    ],
    now: T0,
    pageSize: 100,
    trackingStart: TRACKING_START,
  });
  // The first edit after the install of an older case, by a person in the web UI: the hook
  // logs it, from Open_Assigned.
  await w.standIn.control('POST', '/staff-edit', {
    module: 'Cases',
    id: edited.id,
    attributes: { status: 'Open_Pending Input' },
    userId: 'seed_sally_id',
    actor: 'person',
  });
  // A case a portal integration creates through the API after the install.
  const parse = (raw: Record<string, unknown>) => caseCodec.parse(raw);
  const created = await w.standIn.client().createRecord(
    'Cases',
    {
      name: 'Portal: reports export fails',
      status: 'Open_New',
      account_id: String(rows.Accounts[0]?.id),
      sla_severity_c: '3',
      sla_environment_c: 'production',
    },
    { parse },
  );
  integrationCase = created.id;
}, 120_000);

afterAll(async () => w?.standIn.stop());

const preInstallIds = new Set(preInstall.map((row) => row.id));

describe('go-live on a site with years of cases and a fresh install', () => {
  it('the seed is what the test needs: many older cases, some on each side of the tracking start', () => {
    expect(preInstall.length).toBeGreaterThan(350);
    expect(beforeTrackingStart.length).toBeGreaterThan(50);
    expect(preInstall.length - beforeTrackingStart.length).toBeGreaterThan(50);
    expect(postInstall.length).toBe(10);
    expect(edited).toBeDefined();
  });

  it('`sync --dry-run --json` counts the cases not tracked, per reason, and would write none of them', async () => {
    await w.standIn.control('DELETE', '/writes');
    const run = await bridgeAt(w, at(1), ['sync', '--dry-run', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.notTracked).toEqual({
      before_tracking_start: beforeTrackingStart.length,
      created_before_install: preInstall.length - beforeTrackingStart.length,
    });
    expect(report.computed.Cases.untracked).toBe(preInstall.length);
    expect(report.computed.Cases.evaluated).toBe(rows.Cases.length + 1);
    for (const module of ['Accounts', 'Cases', 'SLA_TimeEntries'])
      expect(report.computed[module].notComputed, module).toBe(0);
    const wouldWrite = report.records.filter((record: { module: string }) => record.module === 'Cases');
    expect(wouldWrite.map((record: { id: string }) => record.id).sort()).toEqual(
      [...postInstall.map((row) => row.id), integrationCase].sort(),
    );
    expect((await w.standIn.writes()).filter((entry) => entry.method === 'PATCH')).toEqual([]);
  });

  it('the first sync writes only accounts and cases created since the install', async () => {
    await w.standIn.control('DELETE', '/writes');
    const run = await bridgeAt(w, at(2), ['sync', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const patches = (await w.standIn.writes()).filter((entry) => entry.method === 'PATCH');
    const cases = patches.filter((entry) => entry.module === 'Cases').map((entry) => String(entry.id));
    expect(cases.filter((id) => preInstallIds.has(id))).toEqual([]);
    expect(cases.sort()).toEqual([...postInstall.map((row) => row.id), integrationCase].sort());
    expect(patches.filter((entry) => entry.module === 'Accounts')).toHaveLength(SCALE.accounts);
    const report = JSON.parse(run.stdout);
    expect(report.computed.Cases.notComputed).toBe(0);
    expect(report.notTracked.created_before_install).toBe(preInstall.length - beforeTrackingStart.length);
  });

  it('the older cases keep their blank SLA fields; the integration case is computed', async () => {
    const client = w.standIn.client();
    const parse = (raw: Record<string, unknown>) => caseCodec.parse(raw);
    const older = await client.getRecord('Cases', edited.id, { parse });
    expect(older.attributes.values.sla_response_status_c).toBeNull();
    expect(older.attributes.values.sla_data_problem_c).toBeNull();
    const portal = await client.getRecord('Cases', integrationCase, { parse });
    expect(portal.attributes.values.sla_data_problem_c).toBeNull();
    expect(portal.attributes.values.sla_response_status_c).not.toBeNull();
  });

  it('`status --json` shows zero not computed and the cases not tracked by reason', async () => {
    const run = await bridgeAt(w, at(3), ['status', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.notComputed.total).toBe(0);
    expect(report.notTracked).toEqual({
      total: preInstall.length,
      byReason: {
        before_tracking_start: beforeTrackingStart.length,
        created_before_install: preInstall.length - beforeTrackingStart.length,
      },
    });
    const text = await bridgeAt(w, at(3), ['status']);
    expect(text.stdout).toContain('Not computed: none\n');
    expect(text.stdout).toContain(
      `Not tracked (never written): ${preInstall.length} cases (${beforeTrackingStart.length} reported before the tracking start, ${preInstall.length - beforeTrackingStart.length} created before the package was installed)\n`,
    );
  });

  it('`doctor` passes its records check: no record "not computed"', async () => {
    const run = await bridgeAt(w, at(3), ['doctor', '--json']);
    const report = JSON.parse(run.stdout);
    const records = report.checks.find((check: { id: string }) => check.id === 'records');
    expect(records.status).toBe('pass');
    expect(records.summary).toContain('no record is marked "not computed"; not tracked: ');
    expect(records.details.notTracked.total).toBe(preInstall.length);
  });

  it('a later sync, after more edits to older cases, still writes none of them', async () => {
    await w.standIn.setNow(at(4));
    await w.standIn.control('POST', '/staff-edit', {
      module: 'Cases',
      id: edited.id,
      attributes: { status: 'Open_Assigned', sla_severity_c: '2' },
      userId: 'seed_sally_id',
      actor: 'person',
    });
    await w.standIn.control('DELETE', '/writes');
    const run = await bridgeAt(w, at(5), ['sync', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const patches = (await w.standIn.writes()).filter((entry) => entry.method === 'PATCH');
    expect(patches.filter((entry) => preInstallIds.has(String(entry.id)))).toEqual([]);
    expect(JSON.parse(run.stdout).computed.Cases).toMatchObject({
      evaluated: 1,
      untracked: 1,
      notComputed: 0,
    });
  });

  it('an upgrade from a version that wrote "not computed" on older cases blanks them once, then leaves them', async () => {
    // What bridge 1.0.0 wrote through the API to every case from before the install.
    const older = preInstall.find((row) => row.id !== edited.id && enteredAt(row) >= TRACKING_START_AT);
    const id = String(older?.id);
    await w.standIn.setNow(at(6));
    await w.standIn.client().updateRecord(
      'Cases',
      id,
      {
        sla_response_status_c: 'not_computed',
        sla_resolution_status_c: 'not_computed',
        sla_data_problem_c: 'not computed: the change log has no status history (the case is Open_Assigned)',
      },
      { parse: (raw: Record<string, unknown>) => caseCodec.parse(raw) },
    );
    await w.standIn.control('DELETE', '/writes');
    const run = await bridgeAt(w, at(7), ['sync', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const patches = (await w.standIn.writes()).filter((entry) => entry.method === 'PATCH');
    expect(patches.map((entry) => entry.id)).toEqual([id]);
    expect(patches[0]?.attributes).toMatchObject({
      sla_response_status_c: '',
      sla_resolution_status_c: '',
      sla_data_problem_c: '',
    });
    const report = JSON.parse(run.stdout);
    expect(report.notTracked.created_before_install).toBe(1);
    expect(report.computed.Cases.notComputed).toBe(0);

    await w.standIn.control('DELETE', '/writes');
    const again = await bridgeAt(w, at(8), ['sync', '--full', '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect((await w.standIn.writes()).filter((entry) => entry.method === 'PATCH')).toEqual([]);
    const status = JSON.parse((await bridgeAt(w, at(8), ['status', '--json'])).stdout);
    expect(status.notComputed.total).toBe(0);
    expect(status.notTracked.total).toBe(preInstall.length);
  });

  it('an older case bridge 1.0.0 wrote, then edited by a person: the one blanking PATCH echoes its SLA input stamp', async () => {
    const older = preInstall.filter(
      (row) => row.id !== edited.id && row.status === 'Open_Assigned' && enteredAt(row) >= TRACKING_START_AT,
    )[1];
    const id = String(older?.id);
    const parse = (raw: Record<string, unknown>) => caseCodec.parse(raw);
    await w.standIn.setNow(at(9));
    await w.standIn.client().updateRecord('Cases', id, { sla_response_status_c: 'not_computed' }, { parse });
    // Rule R6: the stored response status says the bridge wrote the case, so the change stamps it.
    await w.standIn.control('POST', '/staff-edit', {
      module: 'Cases',
      id,
      attributes: { status: 'Open_Pending Input' },
      userId: 'seed_sally_id',
      actor: 'person',
    });
    const stamp = (await w.standIn.client().getRecord('Cases', id, { parse })).attributes.values
      .sla_input_stamp_c;
    expect(stamp).toMatch(/#1$/);
    await w.standIn.control('DELETE', '/writes');
    const run = await bridgeAt(w, at(10), ['sync', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const patches = (await w.standIn.writes()).filter((entry) => entry.method === 'PATCH');
    expect(patches.map((entry) => entry.id)).toEqual([id]);
    expect(patches[0]?.attributes).toMatchObject({ sla_response_status_c: '', sla_input_seen_c: stamp });

    await w.standIn.control('DELETE', '/writes');
    const again = await bridgeAt(w, at(11), ['sync', '--full', '--json']);
    expect(again.status, again.stderr).toBe(0);
    expect((await w.standIn.writes()).filter((entry) => entry.method === 'PATCH')).toEqual([]);
  });
});
