import { afterEachBatch, beforeEachPatch } from '../../../test/support/client-hooks.js';
import { openCases, type SyncHarness } from '../../../test/support/sync-harness.js';
import { fmt } from '../measure.js';
import { at, lab, PAGE, passes, type Scenario, settle } from './world.js';

/** Scenario (g): people editing while the sync reads. */
interface Edit {
  id: string;
  attributes: Record<string, string>;
}

const CAPPED = { sla_environment_c: 'lab', sla_cause_c: 'product', sla_severity_c: '1' };

function apply(h: SyncHarness, edits: readonly Edit[]): void {
  for (const edit of edits) h.standIn.control.staffEdit('Cases', edit.id, edit.attributes);
}

export async function staffDuringSync(accounts: number): Promise<Scenario> {
  const h = await lab(accounts);
  const reference = await lab(accounts);
  try {
    // Edits made while the sync reads, in ten rounds through the read of the cases, on open cases
    // spread over the date_modified order it reads them in: some already read, some not yet.
    const byModified = openCases(h).sort((a, b) =>
      String(a.date_modified).localeCompare(String(b.date_modified)),
    );
    const readEdits = Math.max(20, Math.floor(accounts / 4));
    const duringRead: Edit[] = Array.from({ length: readEdits }, (_, i) => ({
      id: (byModified[Math.floor((i * byModified.length) / readEdits)] as { id: string }).id,
      attributes: i % 2 === 0 ? CAPPED : { status: 'Open_Pending Input' },
    }));
    const casePages = Math.ceil((h.standIn.store.counts().Cases ?? 0) / PAGE);
    const rounds = 10;
    const stopReading = afterEachBatch(h.client, (module, n) => {
      if (module !== 'Cases') return;
      for (let k = 0; k < rounds; k++) {
        if (n === Math.max(1, Math.floor(((k + 1) * casePages) / (rounds + 1))))
          apply(
            h,
            duringRead.filter((_, i) => i % rounds === k),
          );
      }
    });
    // Edits landing between the sync's read of a case and its PATCH of that very case.
    const raceEvery = Math.max(
      1,
      Math.floor((h.standIn.store.counts().Cases ?? 0) / Math.max(10, accounts / 10)),
    );
    const beforeItsPatch: Edit[] = [];
    let casePatches = 0;
    const stopPatching = beforeEachPatch(h.client, (_, module, id) => {
      if (module !== 'Cases' || ++casePatches % raceEvery !== 0) return;
      const edit = { id, attributes: { ...CAPPED, sla_product_version_c: `7.14.${casePatches}` } };
      beforeItsPatch.push(edit);
      apply(h, [edit]);
    });
    const first = await passes(h, [at(0)]);
    stopReading();
    stopPatching();
    const second = await passes(h, [at(1)]);
    const faulted = await settle(h, first.wallMs + second.wallMs);

    // The reference: the edits the read met made before the pass, the others after it.
    apply(reference, duringRead);
    const referenceFirst = await passes(reference, [at(0)]);
    apply(reference, beforeItsPatch);
    const referenceSecond = await passes(reference, [at(1)]);
    const expected = await settle(reference, referenceFirst.wallMs + referenceSecond.wallMs);

    // Every staff value is still there (the last one made, per field).
    const held = new Map<string, string>();
    for (const edit of [...duringRead, ...beforeItsPatch])
      for (const [field, value] of Object.entries(edit.attributes)) held.set(`${edit.id}\t${field}`, value);
    const lost = [...held].filter(([key, value]) => {
      const [id, field] = key.split('\t') as [string, string];
      return h.standIn.control.record('Cases', id)?.[field] !== value;
    }).length;
    const failed = [...first.failed, ...second.failed, ...referenceFirst.failed, ...referenceSecond.failed];
    return {
      label: '(g) people editing while the sync reads',
      faults: `${fmt(duringRead.length)} case edits made during the read (10 rounds through it, read and unread cases alike), ${fmt(beforeItsPatch.length)} between a case's read and its PATCH (1 Cases PATCH in ${fmt(raceEvery)})`,
      passes: `2 passes (T0, T0+1 min); reference: the edits the read met made before the first pass, the others after it`,
      faulted,
      reference: expected,
      expect: [
        ['every pass completed', failed.length === 0],
        [`staff values kept (${fmt(held.size)} fields)`, lost === 0],
      ],
    };
  } finally {
    await h.close();
    await reference.close();
  }
}
