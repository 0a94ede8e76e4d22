import { afterEach, describe, expect, it } from 'vitest';
import type { ModuleName } from '../../../bridge/src/standin/index.js';
import { afterEachBatch, beforeEachPatch } from '../../support/client-hooks.js';
import { appliedPatches, writesBeyondBridgeFields } from '../../support/fault-checks.js';
import {
  bridgeState,
  openCases,
  readBack,
  type SyncHarness,
  startSyncHarness,
} from '../../support/sync-harness.js';

/**
 * People editing records while a sync runs. The bridge can only write what it computed from
 * what it read, so a person's edit that lands between the bridge's read of a record and its
 * PATCH must (1) survive the PATCH, which carries only the bridge's own fields, and (2) be
 * reflected by the next pass. Each race is compared with a reference run on an identically
 * seeded stand-in where the same edits, at the same virtual instant, fall on the safe side of
 * the race: before the read for edits the read still meets, after the pass for the others.
 */
const T0 = '2026-11-25T12:00:00Z';
const T1 = Date.parse(T0) + 60_000;
const OPTIONS = {
  now: T0,
  trackingStart: '2020-01-01',
  standIn: { seed: 31, scale: { accounts: 8 }, journalWrites: true },
  pageSize: 10,
} as const;

interface Edit {
  module: ModuleName;
  id?: string;
  attributes: Record<string, unknown>;
}

const open: SyncHarness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});
const harness = async () => {
  const h = await startSyncHarness(OPTIONS);
  open.push(h);
  return h;
};
function apply(h: SyncHarness, edits: readonly Edit[]): void {
  for (const edit of edits) {
    if (edit.id) h.standIn.control.staffEdit(edit.module, edit.id, edit.attributes);
    else h.standIn.control.staffCreate(edit.module, edit.attributes);
  }
}
/** The staff's values, as SuiteCRM holds them now (raw rows: database values). */
const heldBy = (h: SyncHarness, edits: readonly Edit[]) =>
  edits
    .filter((edit) => edit.id)
    .map((edit) => {
      const row: Record<string, unknown> = h.standIn.control.record(edit.module, edit.id as string) ?? {};
      return Object.fromEntries(Object.keys(edit.attributes).map((field) => [field, row[field]]));
    });

describe('a person edits records between the bridge reading them and writing them', () => {
  it('the PATCH in flight keeps the edit, and the next pass reflects it', async () => {
    const h = await harness();
    const edits: Edit[] = [];
    const openIds = new Set(openCases(h).map((row) => row.id));
    let target: string | undefined;
    const restore = beforeEachPatch(h.client, (_, module, id) => {
      if (target === undefined && module === 'Cases' && openIds.has(id)) {
        // The case this PATCH is about, edited by a person just before the PATCH lands.
        target = id;
        const other = openCases(h).find((row) => row.id !== id && row.status === 'Open_New');
        const account = String(h.standIn.control.record('Cases', id)?.account_id ?? '');
        edits.push(
          {
            module: 'Cases',
            id,
            attributes: { sla_severity_c: '1', sla_environment_c: 'lab', sla_cause_c: 'product' },
          },
          ...(other
            ? [{ module: 'Cases' as const, id: other.id, attributes: { status: 'Open_Assigned' } }]
            : []),
          ...(account
            ? [{ module: 'Accounts' as const, id: account, attributes: { sla_reserved_hours_c: '3.00' } }]
            : []),
          {
            module: 'SLA_TimeEntries',
            attributes: {
              name: 'Call',
              case_id: id,
              work_date: '2026-11-25',
              hours: '2.5',
              category: 'support',
            },
          },
        );
        apply(h, edits);
      }
    });

    await h.engine.run(h.lease);
    restore();
    expect(target).toBeDefined();
    expect(edits.length).toBe(4);
    const afterRace = heldBy(h, edits);
    // (1) Every staff value survived the bridge's PATCHes, including the one sent for that very case.
    expect(afterRace).toEqual(edits.filter((e) => e.id).map((e) => e.attributes));
    expect(appliedPatches(h.standIn.control.writes()).some((entry) => entry.id === target)).toBe(true);
    expect(writesBeyondBridgeFields(h.standIn.control.writes())).toEqual([]);

    // (2) The next pass reflects the edit: Severity 1 on a lab system is capped to 2, with a note.
    h.standIn.control.setNow(T1);
    await h.engine.run(h.lease);
    const values = (await readBack(h, 'Cases')).get(target as string);
    expect(values?.sla_effective_severity_c).toBe('2');
    expect(values?.sla_severity_note_c).toMatch(/lab/i);
    expect(heldBy(h, edits)).toEqual(afterRace);
    expect(writesBeyondBridgeFields(h.standIn.control.writes())).toEqual([]);

    // The same edits at the same instant, made after the reference's first pass.
    const reference = await harness();
    await reference.engine.run(reference.lease);
    apply(reference, edits);
    reference.standIn.control.setNow(T1);
    await reference.engine.run(reference.lease);
    expect(await bridgeState(h)).toEqual(await bridgeState(reference));
    // And both have settled: a third pass writes nothing.
    h.standIn.control.setNow(T1 + 60_000);
    expect((await h.engine.run(h.lease)).records).toEqual([]);
  });
});

describe('a person edits records while the sync is reading them', () => {
  it('read pages and unread pages alike: the pass ends as if the edits came before it', async () => {
    const h = await harness();
    const byModified = openCases(h).sort((a, b) =>
      String(a.date_modified).localeCompare(String(b.date_modified)),
    );
    // The oldest are on the first page the sync reads, the newest on its last.
    const targets = [...byModified.slice(0, 3), ...byModified.slice(-3)].map((row) => row.id);
    const edits: Edit[] = targets.map((id, index) => ({
      module: 'Cases',
      id,
      attributes:
        index % 2 === 0
          ? { sla_environment_c: 'lab', sla_cause_c: 'product', sla_severity_c: '1' }
          : { status: 'Open_Pending Input' },
    }));
    let edited = false;
    const restore = afterEachBatch(h.client, (module) => {
      if (module === 'Cases' && !edited) {
        edited = true;
        apply(h, edits);
      }
    });
    const first = await h.engine.run(h.lease);
    restore();
    expect(edited).toBe(true);
    const keys = first.records.map((r) => `${r.module}/${r.id}`);
    expect(new Set(keys).size).toBe(keys.length); // each record written once

    const reference = await harness();
    apply(reference, edits);
    const referenceFirst = await reference.engine.run(reference.lease);
    expect(first.records.map((r) => `${r.module}/${r.id}`).sort()).toEqual(
      referenceFirst.records.map((r) => `${r.module}/${r.id}`).sort(),
    );
    expect(await bridgeState(h)).toEqual(await bridgeState(reference));

    for (const world of [h, reference]) {
      world.standIn.control.setNow(T1);
      expect((await world.engine.run(world.lease)).records).toEqual([]);
    }
    expect(await bridgeState(h)).toEqual(await bridgeState(reference));
    expect(heldBy(h, edits)).toEqual(edits.map((edit) => edit.attributes));
    expect(writesBeyondBridgeFields(h.standIn.control.writes())).toEqual([]);
  });
});

describe('a form loaded before the bridge wrote is saved', () => {
  /** A case read before a pass whose response status that pass changed: what a stale form holds. */
  async function staleFormCase() {
    const h = await harness();
    const before = await readBack(h, 'Cases');
    await h.engine.run(h.lease);
    const after = await readBack(h, 'Cases');
    const [id, stale] = [...before].find(([caseId, values]) => {
      const now = after.get(caseId);
      return now !== undefined && values.sla_response_status_c !== now.sla_response_status_c;
    }) ?? ['', undefined];
    expect(stale).toBeDefined();
    return { h, id, stale, after };
  }

  it('by a person: the hook puts the bridge fields back at once (R2), and the next pass writes nothing', async () => {
    const { h, id, stale, after } = await staleFormCase();
    h.standIn.control.staffEdit('Cases', id, {
      sla_product_version_c: '7.14.6',
      sla_response_status_c: stale?.sla_response_status_c ?? '',
      sla_response_due_c: '',
    });
    const held = (await readBack(h, 'Cases')).get(id);
    expect(held?.sla_response_status_c).toBe(after.get(id)?.sla_response_status_c);
    expect(held?.sla_response_due_c).toBe(after.get(id)?.sla_response_due_c);
    expect(held?.sla_product_version_c).toBe('7.14.6');
    h.standIn.control.setNow(T1);
    expect((await h.engine.run(h.lease)).records).toEqual([]);
  });

  it('by an API client: old values of the bridge fields written back are put right by the next pass', async () => {
    const { h, id, stale, after } = await staleFormCase();
    // The client held the values from before the bridge's write, and posts them with the edit.
    h.standIn.control.staffEdit(
      'Cases',
      id,
      {
        sla_product_version_c: '7.14.6',
        sla_response_status_c: stale?.sla_response_status_c ?? '',
        sla_response_due_c: '',
      },
      { actor: 'api', userId: 'seed_sally_id' },
    );
    h.standIn.control.setNow(T1);
    const second = await h.engine.run(h.lease);
    expect(second.records.map((r) => `${r.module}/${r.id}`)).toEqual([`Cases/${id}`]);
    const fixed = (await readBack(h, 'Cases')).get(id);
    expect(fixed?.sla_response_status_c).toBe(after.get(id)?.sla_response_status_c);
    expect(fixed?.sla_response_due_c).toBe(after.get(id)?.sla_response_due_c);
    expect(fixed?.sla_product_version_c).toBe('7.14.6');
    expect(writesBeyondBridgeFields(h.standIn.control.writes())).toEqual([]);
  });
});
