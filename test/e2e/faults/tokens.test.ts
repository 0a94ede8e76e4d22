import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { beforeEachPatch } from '../../support/client-hooks.js';
import { counterDelta, writesBeyondBridgeFields } from '../../support/fault-checks.js';
import { bridgeState, type SyncHarness, startSyncHarness } from '../../support/sync-harness.js';

/**
 * The access token failing in the middle of a sync: expired server-side (SuiteCRM answers 401
 * "revoked" to a token it issued an hour ago), every token revoked by an admin, the token
 * endpoint down while the client signs in again, and the client's credentials refused. The
 * client signs in once more and goes on; the result equals an undisturbed run's.
 */
const T0 = '2026-11-25T12:00:00Z';
const T1 = Date.parse(T0) + 60_000;
const OPTIONS = {
  now: T0,
  trackingStart: '2026-01-01',
  standIn: { seed: 17, scale: { accounts: 6 }, journalWrites: true },
  pageSize: 20,
} as const;
type State = Awaited<ReturnType<typeof bridgeState>>;

const open: SyncHarness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});
const harness = async () => {
  const h = await startSyncHarness(OPTIONS);
  open.push(h);
  return h;
};
const byRoute = (h: SyncHarness) =>
  Object.fromEntries(
    Object.entries(h.standIn.control.counters().byRoute).filter(([key]) => key.split(' ').length === 2),
  );

/** Calls `fn` just before the `n`th PATCH the bridge sends. */
function beforePatch(h: SyncHarness, n: number, fn: () => void): () => number {
  let count = 0;
  beforeEachPatch(h.client, (i) => {
    count = i;
    if (i === n) fn();
  });
  return () => count;
}

let reference: { first: State; final: State; counters: Record<string, number>; tokens: number };
beforeAll(async () => {
  const h = await harness();
  await h.engine.run(h.lease);
  const first = await bridgeState(h);
  const counters = byRoute(h);
  const tokens = h.standIn.control.counters().tokensIssued;
  h.standIn.control.setNow(T1);
  await h.engine.run(h.lease);
  reference = { first, final: await bridgeState(h), counters, tokens };
  expect(tokens).toBe(1);
});

async function finishAndCompare(h: SyncHarness): Promise<void> {
  h.standIn.control.setNow(T1);
  const report = await h.engine.run(h.lease);
  expect(report.failures).toEqual([]);
  expect(await bridgeState(h)).toEqual(reference.final);
  expect(writesBeyondBridgeFields(h.standIn.control.writes())).toEqual([]);
}

describe('a token that stops working mid-run', () => {
  it('expired server-side on a list page and on a PATCH: one new token each, nothing else changes', async () => {
    const h = await harness();
    h.standIn.control.injectFault({
      kind: 'expire-token',
      match: { route: 'list', module: 'Cases' },
      skip: 2,
    });
    h.standIn.control.injectFault({ kind: 'expire-token', match: { method: 'PATCH' }, skip: 11 });
    const report = await h.engine.run(h.lease);
    expect(h.standIn.control.faults()).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(await bridgeState(h)).toEqual(reference.first);
    expect(h.standIn.control.counters().tokensIssued).toBe(reference.tokens + 2);
    // Each 401 costs its request once more, and one token request. The expired token was also
    // on the other PATCHes in flight (up to the client's 4): they too are sent once more.
    const { 'PATCH update': patchesAgain, ...rest } = counterDelta(byRoute(h), reference.counters);
    expect(rest).toEqual({ 'GET list': 1, 'POST token': 2 });
    expect(patchesAgain).toBeGreaterThanOrEqual(1);
    expect(patchesAgain).toBeLessThanOrEqual(4);
    await finishAndCompare(h);
  });

  it('every token revoked by an admin while PATCHes are in flight: one new token for all of them', async () => {
    const h = await harness();
    const patches = beforePatch(h, 10, () => h.standIn.control.revokeTokens());
    const report = await h.engine.run(h.lease);
    expect(patches()).toBeGreaterThan(10);
    expect(report.failures).toEqual([]);
    expect(await bridgeState(h)).toEqual(reference.first);
    expect(h.standIn.control.counters().tokensIssued).toBe(reference.tokens + 1);
    await finishAndCompare(h);
  });

  it('the token endpoint answering 503 while the client signs in again: retried, the pass completes', async () => {
    const h = await harness();
    h.standIn.control.injectFault({ kind: 'expire-token', match: { method: 'PATCH' }, skip: 5 });
    h.standIn.control.injectFault({
      kind: 'error',
      status: 503,
      match: { route: 'token' },
      skip: 1,
      times: 2,
    });
    const report = await h.engine.run(h.lease);
    expect(h.standIn.control.faults()).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(await bridgeState(h)).toEqual(reference.first);
    expect(h.standIn.control.counters().tokensIssued).toBe(reference.tokens + 1);
    await finishAndCompare(h);
  });

  it('the credentials refused when the client signs in again: the pass stops with auth_failed and loses nothing', async () => {
    const h = await harness();
    beforePatch(h, 8, () => {
      h.standIn.control.revokeTokens();
      h.standIn.control.injectFault({
        kind: 'error',
        status: 401,
        match: { route: 'token' },
        times: Number.POSITIVE_INFINITY,
      });
    });
    await expect(h.engine.run(h.lease)).rejects.toMatchObject({ code: 'auth_failed' });
    // Once the token request is refused, no write is sent with a dead token.
    const refused = h.standIn.control.writes().filter((entry) => entry.status === 401);
    expect(refused.length).toBeLessThanOrEqual(4);
    h.standIn.control.clearFaults();
    await finishAndCompare(h);
  });
});
