import type { FaultSpec } from '../../../bridge/src/standin/index.js';
import { beforeEachPatch } from '../../../test/support/client-hooks.js';
import type { SyncHarness } from '../../../test/support/sync-harness.js';
import { fmt } from '../measure.js';
import {
  at,
  inject,
  lab,
  passes,
  type Run,
  type Scenario,
  SHORT_TIMEOUT_MS,
  seconds,
  settle,
  spread,
} from './world.js';

/** Scenarios (a) (b) (c): faults the client absorbs within two engine passes. */
export interface TwoPassReference {
  run: Run;
  listPages: number;
  patches: number;
  records: Record<string, number>;
}

/** Passes at T0 and T0 + 10 minutes (room for the Retry-After waits of the faulted pass). */
const TWO_PASSES = [at(0), at(10)];

export async function twoPassReference(accounts: number): Promise<TwoPassReference> {
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

export function retriedErrors(accounts: number, reference: TwoPassReference): Promise<Scenario> {
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

export function rateLimited(accounts: number, reference: TwoPassReference): Promise<Scenario> {
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

export function tokenTrouble(accounts: number, reference: TwoPassReference): Promise<Scenario> {
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
