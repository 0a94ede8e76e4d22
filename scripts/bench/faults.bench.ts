import { setTimeout as sleep } from 'node:timers/promises';
import { Daemon, type JobOutcome } from '../../bridge/src/jobs/daemon.js';
import { TICK_JOB } from '../../bridge/src/jobs/tick.job.js';
import { configureLogging } from '../../bridge/src/logging/logger.js';
import type { JournalEntry } from '../../bridge/src/standin/control/write-journal.js';
import type { CounterSnapshot, FaultSpec } from '../../bridge/src/standin/index.js';
import { RETRY_POLICIES } from '../../bridge/src/suitecrm/index.js';
import * as cli from '../../test/support/cli-world.js';
import { afterEachBatch, beforeEachPatch } from '../../test/support/client-hooks.js';
import { counterDelta, writesBeyondBridgeFields } from '../../test/support/fault-checks.js';
import { type ScratchStore, scratchStore } from '../../test/support/scratch-store.js';
import { MARIADB, needMariaDb } from '../../test/support/services.js';
import {
  bridgeState,
  openCases,
  type SyncHarness,
  startSyncHarness,
} from '../../test/support/sync-harness.js';
import { TcpProxy } from '../../test/support/tcp-proxy.js';
import { fmt } from './measure.js';

/**
 * The fault scenarios of test/e2e/faults (docs/operations.md#faults-what-is-tested) at
 * bench scale, with the faults many and spread through the run rather than one. Each scenario
 * runs a reference world that nothing disturbs and a faulted world, seeded identically, through
 * the same passes at the same virtual instants, and ends with the tests' three checks: the
 * bridge's fields in SuiteCRM equal the reference's, the event ledger is the same (no event
 * missing or repeated), and no PATCH carried a field the bridge does not own. A failed check (or
 * a scenario's own expectation) prints FAIL, and `benchFaults` returns false.
 */
const T0 = Date.parse('2026-11-25T12:00:00Z');
const at = (minutes: number) => T0 + minutes * 60_000;
const SEED = 42;
const PAGE = 100;
const TRACKING_START = '2020-01-01';
/** The faulted world's client deadline where answers are held back (the reference keeps 10 s). */
const SHORT_TIMEOUT_MS = 2_000;
type State = Awaited<ReturnType<typeof bridgeState>>;
type Log = (line: string) => void;

/** What one world did: requests by `METHOD route`, wall time of its passes, its end state. */
interface Run {
  requests: Record<string, number>;
  wallMs: number;
  state: State;
  journal: JournalEntry[];
}

interface Scenario {
  label: string;
  faults: string;
  passes: string;
  faulted: Run;
  reference: Run;
  /** The scenario's own expectations (retries absorbed, ticks failed, ...) and whether each held. */
  expect: Array<[string, boolean]>;
}

const byRoute = (counters: CounterSnapshot) =>
  Object.fromEntries(Object.entries(counters.byRoute).filter(([key]) => key.split(' ').length === 2));
const requestsOf = (h: SyncHarness) => byRoute(h.standIn.control.counters());
const signed = (n: number) => (n >= 0 ? `+${fmt(n)}` : `-${fmt(-n)}`);
const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`;

// ---------------------------------------------------------------- the checks and the line

function differingRecords(actual: State, expected: State): string[] {
  const keys = new Set([...Object.keys(actual.fields), ...Object.keys(expected.fields)]);
  return [...keys].filter(
    (key) => JSON.stringify(actual.fields[key]) !== JSON.stringify(expected.fields[key]),
  );
}

/** Events missing from `actual` plus events it holds more often than `expected` does. */
function ledgerDifference(actual: readonly string[], expected: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const key of expected) left.set(key, (left.get(key) ?? 0) + 1);
  const extra: string[] = [];
  for (const key of actual) {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else extra.push(`repeated or unexpected ${key}`);
  }
  const missing = [...left].flatMap(([key, n]) => Array.from({ length: n }, () => `missing ${key}`));
  return [...missing, ...extra];
}

function report(log: Log, s: Scenario): boolean {
  const fields = differingRecords(s.faulted.state, s.reference.state);
  const ledger = ledgerDifference(s.faulted.state.events, s.reference.state.events);
  const foreign = writesBeyondBridgeFields(s.faulted.journal);
  const unmet = s.expect.filter(([, held]) => !held).map(([what]) => what);
  const ok = fields.length === 0 && ledger.length === 0 && foreign.length === 0 && unmet.length === 0;
  const delta = counterDelta(s.faulted.requests, s.reference.requests);
  const extra = Object.values(delta).reduce((total, n) => total + n, 0);
  const routes = Object.entries(delta)
    .map(([route, n]) => `${route} ${signed(n)}`)
    .join(', ');
  const patches = s.faulted.journal.filter((entry) => entry.method === 'PATCH').length;
  const also = s.expect.map(([what, held]) => `${what}: ${held ? 'yes' : 'NO'}`).join('; ');
  log(
    `${ok ? '  ok  ' : '  FAIL'} ${s.label} | ${s.faults} | ${s.passes} | ${signed(extra)} requests vs the reference (${routes || 'none'}) | wall ${seconds(s.faulted.wallMs)} (reference ${seconds(s.reference.wallMs)}) | records whose bridge fields differ ${fields.length} of ${fmt(Object.keys(s.reference.state.fields).length)}; events missing or repeated ${ledger.length} of ${fmt(s.reference.state.events.length)}; PATCHes with non-bridge fields ${foreign.length} of ${fmt(patches)}${also ? ` | ${also}` : ''}`,
  );
  if (!ok) {
    for (const key of fields.slice(0, 5)) {
      log(`  FAIL   ${key}: ${JSON.stringify(s.faulted.state.fields[key])}`);
      log(`         reference: ${JSON.stringify(s.reference.state.fields[key])}`);
    }
    for (const line of [...ledger.slice(0, 5), ...foreign.slice(0, 5)]) log(`  FAIL   ${line}`);
  }
  return ok;
}

// ---------------------------------------------------------------- in-process worlds

/** The stand-in, engine and store in this process, as the tests' harness has them; waits move the virtual clock. */
function lab(accounts: number, options: { timeoutMs?: number; storeUrl?: string } = {}) {
  return startSyncHarness({
    now: new Date(T0).toISOString(),
    trackingStart: TRACKING_START,
    standIn: { seed: SEED, scale: { accounts }, journalWrites: true },
    pageSize: PAGE,
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.storeUrl === undefined ? {} : { storeUrl: options.storeUrl }),
    // Rapid backoff, but a Retry-After honoured as in production: the waits move the stand-in's clock.
    retry: { ...RETRY_POLICIES.rapid, retryAfterCapMs: RETRY_POLICIES.standard.retryAfterCapMs },
    waits: 'advance-clock',
  });
}

/** Engine passes at the given instants; a pass that fails is noted and the next one goes on. */
async function passes(h: SyncHarness, instants: readonly number[]) {
  const failed: string[] = [];
  let firstPass: Record<string, number> = {};
  const started = performance.now();
  for (const [i, instant] of instants.entries()) {
    h.standIn.control.setNow(instant);
    try {
      const report = await h.engine.run(h.lease);
      if (report.failures.length > 0) failed.push(`pass ${i + 1}: ${report.failures.length} records failed`);
    } catch (error) {
      failed.push(`pass ${i + 1}: ${(error as { code?: string }).code ?? (error as Error).message}`);
    }
    if (i === 0) firstPass = requestsOf(h);
  }
  return { failed, firstPass, wallMs: performance.now() - started };
}

/** The world's requests, journal and end state, read back once its faults are gone. */
async function settle(h: SyncHarness, wallMs: number): Promise<Run> {
  h.standIn.control.clearFaults();
  const requests = requestsOf(h);
  const journal = h.standIn.control.writes();
  return { requests, wallMs, journal, state: await bridgeState(h) };
}

/** Faults injected, and how many of them requests met. */
function inject(h: SyncHarness, faults: readonly FaultSpec[]): () => { injected: number; met: number } {
  for (const fault of faults) h.standIn.control.injectFault(fault);
  const injected = faults.reduce((total, fault) => total + (fault.times ?? 1), 0);
  return () => ({
    injected,
    met: injected - h.standIn.control.faults().reduce((total, fault) => total + fault.remaining, 0),
  });
}

/**
 * `count` hits of each fault, spread evenly through the first 90% of `span` matching requests
 * (one in `every`), each fault offset from the others so that they do not fall together.
 */
function spread(specs: readonly FaultSpec[], match: FaultSpec['match'], span: number, count: number) {
  const every = Math.max(specs.length + 1, Math.floor((span * 0.9) / count));
  const faults = specs.map((spec, k) => ({
    ...spec,
    ...(match ? { match } : {}),
    every,
    times: count,
    skip: Math.floor((every * (k + 1)) / (specs.length + 1)),
  }));
  return { faults, every, count };
}

interface TwoPassReference {
  run: Run;
  listPages: number;
  patches: number;
  records: Record<string, number>;
}

/** Passes at T0 and T0 + 10 minutes (room for the Retry-After waits of the faulted pass). */
const TWO_PASSES = [at(0), at(10)];

async function twoPassReference(accounts: number): Promise<TwoPassReference> {
  const h = await lab(accounts);
  try {
    const records = h.standIn.store.counts();
    const result = await passes(h, TWO_PASSES);
    if (result.failed.length > 0) throw new Error(`the reference failed: ${result.failed.join(', ')}`);
    return {
      run: await settle(h, result.wallMs),
      listPages: result.firstPass['GET list'] ?? 0,
      patches: result.firstPass['PATCH update'] ?? 0,
      records,
    };
  } finally {
    await h.close();
  }
}

/** The faulted world of a two-pass scenario: `setUp` injects, `describe` says what was met. */
async function twoPassScenario(
  accounts: number,
  reference: TwoPassReference,
  scenario: {
    label: string;
    timeoutMs?: number;
    setUp(h: SyncHarness): () => { faults: string; expect: Array<[string, boolean]> };
  },
): Promise<Scenario> {
  const h = await lab(accounts, scenario.timeoutMs === undefined ? {} : { timeoutMs: scenario.timeoutMs });
  try {
    const outcome = scenario.setUp(h);
    const result = await passes(h, TWO_PASSES);
    const { faults, expect } = outcome();
    return {
      label: scenario.label,
      faults,
      passes: `2 passes (T0, T0+10 min)${result.failed.length > 0 ? `, failed: ${result.failed.join(', ')}` : ''}`,
      faulted: await settle(h, result.wallMs),
      reference: reference.run,
      expect: [['every pass completed', result.failed.length === 0], ...expect],
    };
  } finally {
    await h.close();
  }
}

// ---------------------------------------------------------------- (a) (b) (c): faults the client absorbs

const SPREAD_KINDS: ReadonlyArray<[string, FaultSpec]> = [
  ['500', { kind: 'error' }],
  ['503', { kind: 'error', status: 503 }],
  ['dropped mid-body', { kind: 'drop' }],
  ['dropped before an answer', { kind: 'drop', at: 'start' }],
  ['JSON cut short', { kind: 'truncate' }],
  [
    `slower than the ${SHORT_TIMEOUT_MS / 1000} s timeout`,
    { kind: 'slow', delayMs: SHORT_TIMEOUT_MS + 1_500 },
  ],
];

const perKind = (span: number, per: number) => Math.max(2, Math.round(span / per));

function retriedErrors(accounts: number, reference: TwoPassReference): Promise<Scenario> {
  const specs = SPREAD_KINDS.map(([, spec]) => spec);
  const lists = spread(specs, { route: 'list' }, reference.listPages, perKind(reference.listPages, 70));
  const patches = spread(specs, { method: 'PATCH' }, reference.patches, perKind(reference.patches, 1_000));
  return twoPassScenario(accounts, reference, {
    label: '(a) HTTP errors, drops, cut JSON, slow answers',
    timeoutMs: SHORT_TIMEOUT_MS,
    setUp: (h) => {
      const met = inject(h, [...lists.faults, ...patches.faults]);
      return () => {
        const { injected, met: hit } = met();
        return {
          faults: `${SPREAD_KINDS.map(([name]) => name).join(', ')}: each ${lists.count}x on list pages (1 in ${lists.every}) and ${patches.count}x on PATCHes (1 in ${fmt(patches.every)}); ${hit} met of ${injected}`,
          expect: [['all faults met', hit === injected]],
        };
      };
    },
  });
}

function rateLimited(accounts: number, reference: TwoPassReference): Promise<Scenario> {
  const lists = spread(
    [{ kind: 'rate-limit', retryAfterSeconds: 7 }],
    { route: 'list' },
    reference.listPages,
    perKind(reference.listPages, 40),
  );
  const patches = spread(
    [{ kind: 'rate-limit', retryAfterSeconds: 3 }],
    { method: 'PATCH' },
    reference.patches,
    perKind(reference.patches, 700),
  );
  return twoPassScenario(accounts, reference, {
    label: '(b) 429 with Retry-After',
    setUp: (h) => {
      const met = inject(h, [...lists.faults, ...patches.faults]);
      return () => {
        const { injected, met: hit } = met();
        const waits = h.sleeps.filter((ms) => ms >= 1_000);
        const asSent = waits.filter((ms) => ms === 7_000 || ms === 3_000).length;
        const virtual = waits.reduce((total, ms) => total + ms, 0);
        return {
          faults: `429 Retry-After 7 s on ${lists.count} list pages (1 in ${lists.every}), Retry-After 3 s on ${patches.count} PATCHes (1 in ${fmt(patches.every)}); ${hit} met of ${injected}; waited ${waits.length}x, ${seconds(virtual)} of virtual time`,
          expect: [
            ['all faults met', hit === injected],
            ['each Retry-After waited as sent', waits.length === hit && asSent === hit],
          ],
        };
      };
    },
  });
}

function tokenTrouble(accounts: number, reference: TwoPassReference): Promise<Scenario> {
  const lists = spread(
    [{ kind: 'expire-token' }],
    { route: 'list' },
    reference.listPages,
    perKind(reference.listPages, 50),
  );
  const patches = spread(
    [{ kind: 'expire-token' }],
    { method: 'PATCH' },
    reference.patches,
    perKind(reference.patches, 1_500),
  );
  const revokeEvery = Math.max(1, Math.floor(reference.patches / 8));
  return twoPassScenario(accounts, reference, {
    label: '(c) tokens expired and revoked mid-run',
    setUp: (h) => {
      const met = inject(h, [...lists.faults, ...patches.faults]);
      let revoked = 0;
      beforeEachPatch(h.client, (n) => {
        if (n % revokeEvery !== 0) return;
        h.standIn.control.revokeTokens();
        revoked++;
      });
      return () => {
        const { injected, met: hit } = met();
        const tokens = h.standIn.control.counters().tokensIssued;
        return {
          faults: `token expired server-side on ${lists.count} list pages (1 in ${lists.every}) and ${patches.count} PATCHes (1 in ${fmt(patches.every)}), ${hit} met of ${injected}; every token revoked ${revoked}x (once in ${fmt(revokeEvery)} PATCHes); ${tokens} tokens issued`,
          expect: [
            ['all faults met', hit === injected],
            ['a new token for each', tokens >= 1 + revoked && tokens <= 1 + revoked + hit],
          ],
        };
      };
    },
  });
}

// ---------------------------------------------------------------- (d) (e): daemon ticks through an outage

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

async function suiteCrmDown(accounts: number): Promise<Scenario> {
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

async function storeDown(accounts: number, log: Log): Promise<Scenario | undefined> {
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

// ---------------------------------------------------------------- (f): SIGKILL of a real process

/** Starts `sla-bridge sync` at `now` and kills it with SIGKILL once it has sent `after` PATCHes. */
async function killMidPatches(w: cli.CliWorld, now: number, after: number) {
  const base = await cli.patchesReceived(w);
  const child = await cli.spawnBridgeAt(w, now, ['sync', '--json']);
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_, signal) => resolve(signal)),
  );
  const deadline = Date.now() + 20 * 60_000;
  while (child.exitCode === null && Date.now() < deadline && (await cli.patchesReceived(w)) - base < after) {
    await sleep(50);
  }
  child.kill('SIGKILL');
  const signal = await exited;
  return { killed: signal === 'SIGKILL', patches: (await cli.patchesReceived(w)) - base };
}

async function cliRun(w: cli.CliWorld, wallMs: number): Promise<Run> {
  const requests = byRoute(await w.standIn.counters());
  const journal = await w.standIn.writes();
  return { requests, wallMs, journal, state: await cli.cliWorldState(w) };
}

async function sigkill(accounts: number): Promise<Scenario> {
  const options = {
    standIn: ['--seed', String(SEED), '--accounts', String(accounts)],
    now: at(0),
    pageSize: PAGE,
    trackingStart: TRACKING_START,
  };
  const worlds: cli.CliWorld[] = [];
  try {
    const reference = await cli.startCliWorld(options);
    worlds.push(reference);
    let started = performance.now();
    const statuses: Array<number | null> = [];
    let firstPatches = 0;
    for (const minute of [0, 3, 6, 7]) {
      statuses.push((await cli.bridgeAt(reference, at(minute), ['sync', '--json'])).status);
      if (minute === 0) firstPatches = await cli.patchesReceived(reference);
    }
    const expected = await cliRun(reference, performance.now() - started);

    const killed = await cli.startCliWorld(options);
    worlds.push(killed);
    const after = Math.floor(firstPatches / 4);
    started = performance.now();
    const first = await killMidPatches(killed, at(0), after);
    const refused = await cli.bridgeAt(killed, at(1), ['sync', '--json']);
    const second = await killMidPatches(killed, at(3), after);
    const resumed = [];
    for (const minute of [6, 7])
      resumed.push((await cli.bridgeAt(killed, at(minute), ['sync', '--json'])).status);
    const run = await cliRun(killed, performance.now() - started);
    const abandoned = (
      await cli.withStore(killed, (store) => store.read((r) => r.jobRuns.last({ job: 'sync', limit: 10 })))
    ).filter((job) => job.outcome === 'abandoned').length;
    return {
      label: '(f) SIGKILL mid-PATCHes, real processes',
      faults: `sla-bridge sync killed with SIGKILL twice, after ${fmt(first.patches)} and ${fmt(second.patches)} PATCHes (the first full sync sends ${fmt(firstPatches)})`,
      passes: `5 runs: T0 killed, T0+1m refused (exit ${refused.status}), T0+3m killed, T0+6m and T0+7m (exit ${resumed.join(', ')}); reference: syncs at T0, T0+3m, T0+6m, T0+7m (exit ${statuses.join(', ')})`,
      faulted: run,
      reference: expected,
      expect: [
        ['killed mid-PATCHes both times', first.killed && second.killed && second.patches < firstPatches],
        ['refused while the dead lease held', refused.status === 4],
        ['the runs after exited 0', [...resumed, ...statuses].every((status) => status === 0)],
        ['both killed runs marked abandoned', abandoned === 2],
      ],
    };
  } finally {
    for (const w of worlds) await w.standIn.stop();
  }
}

// ---------------------------------------------------------------- (g): people editing while the sync reads

interface Edit {
  id: string;
  attributes: Record<string, string>;
}

const CAPPED = { sla_environment_c: 'lab', sla_cause_c: 'product', sla_severity_c: '1' };

function apply(h: SyncHarness, edits: readonly Edit[]): void {
  for (const edit of edits) h.standIn.control.staffEdit('Cases', edit.id, edit.attributes);
}

async function staffDuringSync(accounts: number): Promise<Scenario> {
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

// ---------------------------------------------------------------- all of them

export async function benchFaults(log: Log, options: { accounts: number }): Promise<boolean> {
  const { accounts } = options;
  configureLogging({ level: 'silent', format: 'auto' });
  const results: boolean[] = [];
  const scenario = async (label: string, run: () => Promise<Scenario | undefined>) => {
    try {
      const measured = await run();
      if (measured) results.push(report(log, measured));
    } catch (error) {
      log(`  FAIL ${label}: ${(error as Error).stack ?? String(error)}`);
      results.push(false);
    }
  };
  try {
    const reference = await twoPassReference(accounts);
    const records = Object.values(reference.records).reduce((total, n) => total + n, 0);
    log(
      `Faults at bench scale: ${fmt(accounts)} accounts, ${fmt(records)} records (${Object.entries(
        reference.records,
      )
        .map(([module, n]) => `${module} ${fmt(n)}`)
        .join(
          ', ',
        )}), page size ${PAGE}, tracking start ${TRACKING_START}; each faulted world against a reference seeded identically, same passes at the same virtual instants`,
    );
    log(
      `  reference for (a)-(c): 2 passes (T0, T0+10 min), the first reading ${fmt(reference.listPages)} list pages and sending ${fmt(reference.patches)} PATCHes; wall ${seconds(reference.run.wallMs)}`,
    );
    await scenario('(a)', () => retriedErrors(accounts, reference));
    await scenario('(b)', () => rateLimited(accounts, reference));
    await scenario('(c)', () => tokenTrouble(accounts, reference));
    await scenario('(d)', () => suiteCrmDown(accounts));
    await scenario('(e)', () => storeDown(accounts, log));
    await scenario('(f)', () => sigkill(accounts));
    await scenario('(g)', () => staffDuringSync(accounts));
  } catch (error) {
    log(`  FAIL the reference run: ${(error as Error).stack ?? String(error)}`);
    results.push(false);
  } finally {
    configureLogging({ level: 'info', format: 'auto' });
  }
  const failed = results.filter((ok) => !ok).length;
  if (failed > 0) log(`FAIL: ${failed} of ${results.length} fault scenarios failed (the FAIL lines above)`);
  else
    log(
      `  all ${results.length} scenarios: bridge fields and event ledger equal to the reference, no PATCH beyond the bridge's fields`,
    );
  return failed === 0;
}
