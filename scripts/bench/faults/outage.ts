import { Daemon, type JobOutcome } from '../../../bridge/src/jobs/daemon.js';
import { TICK_JOB } from '../../../bridge/src/jobs/tick.job.js';
import { beforeEachPatch } from '../../../test/support/client-hooks.js';
import { type ScratchStore, scratchStore } from '../../../test/support/scratch-store.js';
import { MARIADB, needMariaDb } from '../../../test/support/services.js';
import { openCases, type SyncHarness } from '../../../test/support/sync-harness.js';
import { TcpProxy } from '../../../test/support/tcp-proxy.js';
import { fmt } from '../measure.js';
import { at, type Log, lab, type Run, requestsOf, type Scenario, settle } from './world.js';

/** Scenarios (d) (e): daemon ticks through an outage of SuiteCRM or of the store. */
/** People at work between ticks, the same in every world: severities, acknowledgements, time logged, closures. */
function staffRound(h: SyncHarness, round: number, count: number): void {
  const cases = openCases(h);
  for (let i = 0; i < count && cases.length > 0; i++) {
    const id = (cases[((round * count + i) * 7_919) % cases.length] as { id: string }).id;
    if (i % 4 === 0) h.standIn.control.staffEdit('Cases', id, { sla_severity_c: round % 2 ? '2' : '3' });
    if (i % 4 === 1) h.standIn.control.staffEdit('Cases', id, { status: 'Open_Assigned' });
    if (i % 4 === 2)
      h.standIn.control.staffCreate('SLA_TimeEntries', {
        name: 'Call',
        case_id: id,
        work_date: '2026-11-25',
        hours: '0.75',
        category: 'support',
      });
    if (i % 4 === 3) h.standIn.control.staffEdit('Cases', id, { status: 'Closed_Closed' });
  }
}

interface Ticked {
  run: Run;
  outcomes: JobOutcome[];
  /** PATCHes of the first tick. */
  firstTickPatches: number;
}

/**
 * The daemon's tick job at minutes 0, 1, 2, ... with a round of staff work half a minute before
 * each tick after the first; `before(n)` sets up tick n (faults, a cut).
 */
async function tickThrough(
  h: SyncHarness,
  ticks: number,
  edits: number,
  before: (n: number, daemon: Daemon) => void | Promise<void>,
): Promise<Ticked> {
  await h.store.leases.release(h.lease);
  const daemon = new Daemon(
    { engine: h.engine, store: h.store, clock: h.now },
    { timeZone: 'Europe/London' },
  );
  const outcomes: JobOutcome[] = [];
  let wallMs = 0;
  let firstTickPatches = 0;
  for (let n = 0; n < ticks; n++) {
    if (n > 0) {
      h.standIn.control.setNow(at(n - 0.5));
      staffRound(h, n, edits);
    }
    h.standIn.control.setNow(at(n));
    h.standIn.control.clearFaults();
    await before(n, daemon);
    const started = performance.now();
    outcomes.push(await daemon.runJob(TICK_JOB, at(n)));
    wallMs += performance.now() - started;
    if (n === 0) firstTickPatches = requestsOf(h)['PATCH update'] ?? 0;
  }
  await daemon.stop();
  return { run: await settle(h, wallMs), outcomes, firstTickPatches };
}

const outcomeList = (outcomes: readonly JobOutcome[]) => outcomes.join(' ');

/** The same ticks and staff work with nothing disturbed. */
async function tickedReference(accounts: number, ticks: number, edits: number, storeUrl?: string) {
  const reference = await lab(accounts, storeUrl === undefined ? {} : { storeUrl });
  try {
    return await tickThrough(reference, ticks, edits, () => {});
  } finally {
    await reference.close();
  }
}

export async function suiteCrmDown(accounts: number): Promise<Scenario> {
  const ticks = 6;
  const edits = Math.max(8, accounts / 10);
  const expected = await tickedReference(accounts, ticks, edits);
  const cutAt = Math.floor(expected.firstTickPatches / 3);
  const h = await lab(accounts);
  try {
    const down = await tickThrough(h, ticks, edits, (n) => {
      if (n === 0)
        h.standIn.control.injectFault({
          kind: 'error',
          status: 503,
          match: { method: 'PATCH' },
          skip: cutAt,
          times: Number.POSITIVE_INFINITY,
        });
      if (n === 1)
        h.standIn.control.injectFault({ kind: 'error', status: 503, times: Number.POSITIVE_INFINITY });
      if (n === 2 || n === 3)
        h.standIn.control.injectFault({ kind: 'drop', at: 'start', times: Number.POSITIVE_INFINITY });
    });
    const wanted = ['failed', 'failed', 'failed', 'failed', 'ran', 'ran'];
    return {
      label: '(d) SuiteCRM down for four ticks',
      faults: `503 on every PATCH from PATCH ${fmt(cutAt + 1)} of the first tick's ${fmt(expected.firstTickPatches)}, 503 on every request for the next tick, every connection cut before an answer for two more; ${fmt(edits * (ticks - 1))} staff edits between ticks`,
      passes: `${ticks} daemon ticks a minute apart: ${outcomeList(down.outcomes)} (reference ${outcomeList(expected.outcomes)})`,
      faulted: down.run,
      reference: expected.run,
      expect: [
        [
          'ticks in the outage failed, the first after caught up',
          outcomeList(down.outcomes) === wanted.join(' '),
        ],
        ['reference ticks all ran', expected.outcomes.every((o) => o === 'ran')],
      ],
    };
  } finally {
    await h.close();
  }
}

export async function storeDown(accounts: number, log: Log): Promise<Scenario | undefined> {
  let check: { skip: boolean; reason: string };
  try {
    check = await needMariaDb();
  } catch (error) {
    check = { skip: true, reason: (error as Error).message };
  }
  if (check.skip) {
    log(`  skip (e) the store unreachable: ${check.reason}`);
    return undefined;
  }
  const ticks = 5;
  const edits = Math.max(8, accounts / 10);
  const scratches: ScratchStore[] = [];
  const proxy = new TcpProxy({ host: MARIADB.host, port: MARIADB.port });
  try {
    const referenceStore = await scratchStore('mariadb');
    scratches.push(referenceStore);
    const expected = await tickedReference(accounts, ticks, edits, referenceStore.url);
    const cutAt = Math.floor(expected.firstTickPatches / 3);
    const cutStore = await scratchStore('mariadb');
    scratches.push(cutStore);
    const url = cutStore.url.replace(`:${MARIADB.port}/`, `:${await proxy.start()}/`);
    const h = await lab(accounts, { storeUrl: url });
    let failure: string | undefined;
    try {
      let cutting: Promise<void> | undefined;
      const restore = beforeEachPatch(h.client, (n) => {
        if (n === cutAt) cutting = proxy.cut();
      });
      const cut = await tickThrough(h, ticks, edits, async (n, daemon) => {
        if (n === 1) restore();
        if (n === 2) {
          failure = daemon.lastFailure?.code;
          await cutting;
          await proxy.start();
        }
      });
      return {
        label: '(e) the store unreachable',
        faults: `the MariaDB store cut off (TCP relay: connections reset, new ones refused) at PATCH ${fmt(cutAt)} of the first tick's ${fmt(expected.firstTickPatches)}, for two ticks; ${fmt(edits * (ticks - 1))} staff edits between ticks`,
        passes: `${ticks} daemon ticks a minute apart: ${outcomeList(cut.outcomes)} (reference ${outcomeList(expected.outcomes)})`,
        faulted: cut.run,
        reference: expected.run,
        expect: [
          [
            'the two ticks failed, the next caught up',
            outcomeList(cut.outcomes) === 'failed failed ran ran ran',
          ],
          ['failure code store_unavailable', failure === 'store_unavailable'],
        ],
      };
    } finally {
      await h.close();
    }
  } finally {
    await proxy.cut();
    for (const scratch of scratches) await scratch.drop();
  }
}
