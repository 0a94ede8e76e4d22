import type { JournalEntry } from '../../../bridge/src/standin/control/write-journal.js';
import type { CounterSnapshot, FaultSpec } from '../../../bridge/src/standin/index.js';
import { RETRY_POLICIES } from '../../../bridge/src/suitecrm/index.js';
import { bridgeState, type SyncHarness, startSyncHarness } from '../../../test/support/sync-harness.js';
import { fmt } from '../measure.js';

/**
 * What every fault scenario shares: the seeded world's constants, what one world's run is, and
 * the in-process world (stand-in, engine and store) with its passes, faults and read-back.
 */
export const T0 = Date.parse('2026-11-25T12:00:00Z');
export const at = (minutes: number) => T0 + minutes * 60_000;
export const SEED = 42;
export const PAGE = 100;
export const TRACKING_START = '2020-01-01';
/** The faulted world's client deadline where answers are held back (the reference keeps 10 s). */
export const SHORT_TIMEOUT_MS = 2_000;
export type State = Awaited<ReturnType<typeof bridgeState>>;
export type Log = (line: string) => void;

/** What one world did: requests by `METHOD route`, wall time of its passes, its end state. */
export interface Run {
  requests: Record<string, number>;
  wallMs: number;
  state: State;
  journal: JournalEntry[];
}

export interface Scenario {
  label: string;
  faults: string;
  passes: string;
  faulted: Run;
  reference: Run;
  /** The scenario's own expectations (retries absorbed, ticks failed, ...) and whether each held. */
  expect: Array<[string, boolean]>;
}

export const byRoute = (counters: CounterSnapshot) =>
  Object.fromEntries(Object.entries(counters.byRoute).filter(([key]) => key.split(' ').length === 2));
export const requestsOf = (h: SyncHarness) => byRoute(h.standIn.control.counters());
export const signed = (n: number) => (n >= 0 ? `+${fmt(n)}` : `-${fmt(-n)}`);
export const seconds = (ms: number) => `${fmt(ms / 1000, 1)} s`;

/** The stand-in, engine and store in this process, as the tests' harness has them; waits move the virtual clock. */
export function lab(accounts: number, options: { timeoutMs?: number; storeUrl?: string } = {}) {
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
export async function passes(h: SyncHarness, instants: readonly number[]) {
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
export async function settle(h: SyncHarness, wallMs: number): Promise<Run> {
  h.standIn.control.clearFaults();
  const requests = requestsOf(h);
  const journal = h.standIn.control.writes();
  return { requests, wallMs, journal, state: await bridgeState(h) };
}

/** Faults injected, and how many of them requests met. */
export function inject(
  h: SyncHarness,
  faults: readonly FaultSpec[],
): () => { injected: number; met: number } {
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
export function spread(specs: readonly FaultSpec[], match: FaultSpec['match'], span: number, count: number) {
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
