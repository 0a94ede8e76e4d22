import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FaultSpec } from '../../../bridge/src/standin/index.js';
import { RETRY_POLICIES } from '../../../bridge/src/suitecrm/index.js';
import type { SyncReport } from '../../../bridge/src/sync/sync-engine.js';
import { appliedPatches, counterDelta, writesBeyondBridgeFields } from '../../support/fault-checks.js';
import { bridgeState, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * SuiteCRM misbehaving under a sync: each scenario runs two passes (at T0 and T0 + 1 minute)
 * against a stand-in seeded exactly like the reference run's, which nothing disturbed. A fault
 * the client's retries absorb must leave no trace but the extra requests it cost; a fault that
 * outlasts the retries fails the pass, and the next pass must finish the work. Either way the
 * final SuiteCRM fields and the event ledger equal the reference's, and no PATCH carried a field
 * the bridge does not own.
 */
const T0 = '2026-11-25T12:00:00Z';
const T1 = Date.parse(T0) + 60_000;
const SEED = { seed: 13, scale: { accounts: 6 }, journalWrites: true } as const;
const PAGE = 20;
type State = Awaited<ReturnType<typeof bridgeState>>;

const open: SyncHarness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

/** Waits the client asks for each move SuiteCRM's clock on (time passes while it waits). */
async function harness(options: { timeoutMs?: number } = {}) {
  const h = await startSyncHarness({
    now: T0,
    trackingStart: '2026-01-01',
    standIn: SEED,
    pageSize: PAGE,
    ...options,
    // Rapid backoff, but a Retry-After honoured as in production: the waits move the stand-in's clock.
    retry: { ...RETRY_POLICIES.rapid, retryAfterCapMs: RETRY_POLICIES.standard.retryAfterCapMs },
    waits: 'advance-clock',
  });
  open.push(h);
  return h;
}

/** Counters by `METHOD route` only (which module a PATCH hit depends on evaluation order). */
const byRoute = (h: SyncHarness) =>
  Object.fromEntries(
    Object.entries(h.standIn.control.counters().byRoute).filter(([key]) => key.split(' ').length === 2),
  );

let reference: {
  first: State;
  final: State;
  firstReport: SyncReport;
  counters: Record<string, number>;
  tokens: number;
};

beforeAll(async () => {
  const h = await harness();
  const firstReport = await h.engine.run(h.lease);
  const first = await bridgeState(h);
  const counters = byRoute(h);
  const tokens = h.standIn.control.counters().tokensIssued;
  h.standIn.control.setNow(T1);
  const second = await h.engine.run(h.lease);
  expect(second.records).toEqual([]); // the reference converged
  expect(writesBeyondBridgeFields(h.standIn.control.writes())).toEqual([]);
  reference = { first, final: await bridgeState(h), firstReport, counters, tokens };
  expect(firstReport.records.length).toBeGreaterThan(40);
  expect(reference.first.events.length).toBeGreaterThan(20);
});

interface Absorbed {
  name: string;
  faults: FaultSpec[];
  /** Extra requests the faults cost, by `METHOD route`. */
  extra: Record<string, number>;
  timeoutMs?: number;
  /** Waits of a second or more the client must have made (Retry-After), sorted. */
  waits?: number[];
}

const absorbed: Absorbed[] = [
  {
    name: 'HTTP 500 twice on the third Cases list page',
    faults: [{ kind: 'error', match: { route: 'list', module: 'Cases' }, skip: 2, times: 2 }],
    extra: { 'GET list': 2 },
  },
  {
    name: 'HTTP 503 three times on the tenth PATCH',
    faults: [{ kind: 'error', status: 503, match: { method: 'PATCH' }, skip: 9, times: 3 }],
    extra: { 'PATCH update': 3 },
  },
  {
    name: 'the connection dropped mid-body on the second time-entry list page, twice',
    faults: [{ kind: 'drop', match: { route: 'list', module: 'SLA_TimeEntries' }, skip: 1, times: 2 }],
    extra: { 'GET list': 2 },
  },
  {
    name: 'the connection dropped mid-body on two PATCHes (the writes landed, the answers were lost)',
    faults: [{ kind: 'drop', match: { method: 'PATCH' }, skip: 9, times: 2 }],
    extra: { 'PATCH update': 2 },
  },
  {
    name: 'the connection dropped before a PATCH was read',
    faults: [{ kind: 'drop', at: 'start', match: { method: 'PATCH' }, skip: 30 }],
    extra: { 'PATCH update': 1 },
  },
  {
    name: '429 with Retry-After on a Cases list page and on two PATCHes',
    faults: [
      { kind: 'rate-limit', retryAfterSeconds: 7, match: { route: 'list', module: 'Cases' }, skip: 1 },
      { kind: 'rate-limit', retryAfterSeconds: 3, match: { method: 'PATCH' }, skip: 4, times: 2 },
    ],
    extra: { 'GET list': 1, 'PATCH update': 2 },
    waits: [3_000, 3_000, 7_000],
  },
  {
    name: 'answers slower than the 1.5 s timeout on a list page and on a PATCH',
    faults: [
      { kind: 'slow', delayMs: 6_000, match: { route: 'list', module: 'SLA_TimeEntries' }, skip: 3 },
      { kind: 'slow', delayMs: 6_000, match: { method: 'PATCH' }, skip: 3 },
    ],
    extra: { 'GET list': 1, 'PATCH update': 1 },
    timeoutMs: 1_500,
  },
  {
    name: 'truncated JSON on a list page and on a PATCH answer',
    faults: [
      { kind: 'truncate', match: { route: 'list', module: 'Cases' }, skip: 3 },
      { kind: 'truncate', match: { method: 'PATCH' }, skip: 20 },
    ],
    extra: { 'GET list': 1, 'PATCH update': 1 },
  },
];

describe('faults the retries absorb leave no trace but their extra requests', () => {
  for (const scenario of absorbed) {
    it(scenario.name, async () => {
      const h = await harness(scenario.timeoutMs === undefined ? {} : { timeoutMs: scenario.timeoutMs });
      for (const fault of scenario.faults) h.standIn.control.injectFault(fault);
      const report = await h.engine.run(h.lease);
      expect(h.standIn.control.faults()).toEqual([]); // every fault was met
      expect(report.failures).toEqual([]);
      expect(report.records).toEqual(reference.firstReport.records);
      expect(await bridgeState(h)).toEqual(reference.first);
      expect(counterDelta(byRoute(h), reference.counters)).toEqual({ ...scenario.extra });
      expect(h.standIn.control.counters().tokensIssued).toBe(reference.tokens);
      if (scenario.waits) {
        expect(h.sleeps.filter((ms) => ms >= 1_000).sort((a, b) => a - b)).toEqual(scenario.waits);
      }

      h.standIn.control.setNow(T1);
      expect((await h.engine.run(h.lease)).records).toEqual([]);
      expect(await bridgeState(h)).toEqual(reference.final);
      const journal = h.standIn.control.writes();
      expect(writesBeyondBridgeFields(journal)).toEqual([]);
      // A write whose answer was lost was simply sent again, with the same values.
      for (const lost of journal.filter((entry) => entry.fault !== null && entry.status !== null)) {
        const again = journal.slice(journal.indexOf(lost) + 1).find((entry) => entry.id === lost.id);
        expect(again?.attributes, `${lost.fault} ${lost.module}/${lost.id}`).toEqual(lost.attributes);
      }
    });
  }
});

interface Persistent {
  name: string;
  faults: FaultSpec[];
  code: string;
  timeoutMs?: number;
}

const persistent: Persistent[] = [
  {
    name: 'every connection for Cases list pages dropped from the third page on',
    faults: [{ kind: 'drop', match: { route: 'list', module: 'Cases' }, skip: 2, times: Infinity }],
    code: 'unavailable',
  },
  {
    name: 'every PATCH answered 500 from the sixteenth on',
    faults: [{ kind: 'error', match: { method: 'PATCH' }, skip: 15, times: Infinity }],
    code: 'unavailable',
  },
  {
    name: 'every PATCH slower than the 1 s timeout from the eighth on',
    faults: [{ kind: 'slow', delayMs: 4_000, match: { method: 'PATCH' }, skip: 7, times: Infinity }],
    code: 'timeout',
    timeoutMs: 1_000,
  },
];

describe('faults that outlast the retries fail the pass; the next pass finishes the work', () => {
  for (const scenario of persistent) {
    it(scenario.name, async () => {
      const h = await harness(scenario.timeoutMs === undefined ? {} : { timeoutMs: scenario.timeoutMs });
      for (const fault of scenario.faults) h.standIn.control.injectFault(fault);
      await expect(h.engine.run(h.lease)).rejects.toMatchObject({ code: scenario.code });
      const failedPatches = h.standIn.control.writes().filter((entry) => entry.fault !== null).length;
      h.standIn.control.clearFaults();

      h.standIn.control.setNow(T1);
      const report = await h.engine.run(h.lease);
      expect(report.failures).toEqual([]);
      expect(await bridgeState(h)).toEqual(reference.final);
      const journal = h.standIn.control.writes();
      expect(writesBeyondBridgeFields(journal)).toEqual([]);
      // Once SuiteCRM is found unreachable the pass stops writing: at most one round of
      // attempts for the writes already in flight, not one per record still queued.
      expect(failedPatches).toBeLessThanOrEqual(4 * 4);
      expect(appliedPatches(journal).length).toBeGreaterThan(0);
    });
  }
});
