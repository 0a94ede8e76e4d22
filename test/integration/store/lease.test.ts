import { expect, it } from 'vitest';
import { isBridgeError } from '../../../bridge/src/errors/bridge-error.js';
import type { Lease, Store } from '../../../bridge/src/store/index.js';
import { describeStore, TestClock } from '../../support/store-backends.js';

const TTL = 30_000;
const LEASE = 'sync-writer';

async function takeOrFail(store: Store, holder: string): Promise<Lease> {
  const attempt = await store.leases.acquire(holder, TTL, LEASE);
  if (!attempt.acquired) throw new Error(`${holder} could not take the lease (held by ${attempt.holder})`);
  return attempt.lease;
}

describeStore('the writer lease', (env) => {
  // Two instances on one database, each with its own clock (as on two hosts).
  const clockA = new TestClock(Date.UTC(2026, 0, 20, 9, 0, 0));
  const clockB = new TestClock(Date.UTC(2026, 0, 20, 9, 0, 0));
  let a: Store;
  let b: Store;
  let leaseA: Lease;
  let leaseB: Lease;

  it('is taken by the first instance; the second is told who holds it and until when', async () => {
    a = await env.open({ clock: clockA.now });
    b = await env.open({ clock: clockB.now });
    expect(await a.leases.state(LEASE)).toBeNull();
    leaseA = await takeOrFail(a, 'instance-a');
    expect(leaseA).toEqual({
      name: LEASE,
      holder: 'instance-a',
      token: 1,
      acquiredAt: clockA.value,
      expiresAt: clockA.value + TTL,
    });
    clockB.advance(TTL - 1);
    expect(await b.leases.acquire('instance-b', TTL, LEASE)).toEqual({
      acquired: false,
      holder: 'instance-a',
      expiresAt: leaseA.expiresAt,
    });
  });

  it('lets its holder write and renew', async () => {
    await a.write(leaseA, (repositories) => repositories.cursors.save('lease-test', { at: 1, lastId: null }));
    clockA.advance(20_000);
    const renewed = await a.leases.renew(leaseA, TTL);
    expect(renewed).toEqual({ ...leaseA, expiresAt: clockA.value + TTL });
    leaseA = renewed;
    clockB.advance(20_000);
    const attempt = await b.leases.acquire('instance-b', TTL, LEASE);
    expect(attempt.acquired).toBe(false);
  });

  it('verifies, before a PATCH to SuiteCRM, that the token is current and enough time is left', async () => {
    expect(await a.leases.verify(leaseA, 5_000)).toBe(leaseA.expiresAt - clockA.value);
    const tight = await a.leases.verify(leaseA, TTL + 1).catch((caught: unknown) => caught);
    expect(isBridgeError(tight) && tight.code).toBe('store_conflict');
    expect((tight as Error).message).toMatch(/renew it first/);
  });

  it('passes to the other instance once expired, with the next fencing token', async () => {
    clockB.value = leaseA.expiresAt;
    leaseB = await takeOrFail(b, 'instance-b');
    expect(leaseB.token).toBe(leaseA.token + 1);
    expect(await a.leases.state(LEASE)).toMatchObject({ holder: 'instance-b', token: leaseB.token });
  });

  it('fails every write with the stale token with store_conflict, and writes nothing', async () => {
    const error = await a
      .write(leaseA, (repositories) => repositories.cursors.save('lease-test', { at: 2, lastId: null }))
      .catch((caught: unknown) => caught);
    expect(isBridgeError(error) && error.code).toBe('store_conflict');
    expect((error as Error).message).toContain('instance-b');
    expect(await a.read((readers) => readers.cursors.get('lease-test'))).toMatchObject({ at: 1 });
    await expect(a.leases.verify(leaseA, 0)).rejects.toMatchObject({ code: 'store_conflict' });
    const renewal = await a.leases.renew(leaseA, TTL).catch((caught: unknown) => caught);
    expect(isBridgeError(renewal) && renewal.code).toBe('store_conflict');
    expect(await a.leases.release(leaseA)).toBe(false);
    await b.write(leaseB, (repositories) => repositories.cursors.save('lease-test', { at: 3, lastId: null }));
    expect(await a.read((readers) => readers.cursors.get('lease-test'))).toMatchObject({ at: 3 });
  });

  it('is free again once released, and a new holder gets a higher token', async () => {
    expect(await b.leases.release(leaseB)).toBe(true);
    expect(await b.leases.state(LEASE)).toMatchObject({ holder: null, token: leaseB.token });
    const again = await takeOrFail(a, 'instance-a');
    expect(again.token).toBe(leaseB.token + 1);
    const stale = await b.write(leaseB, async () => 'never runs').catch((caught: unknown) => caught);
    expect(isBridgeError(stale) && stale.code).toBe('store_conflict');
    leaseA = again;
  });

  it('re-acquiring by the same holder (a restarted process) fences off the old token', async () => {
    const restarted = await takeOrFail(a, 'instance-a');
    expect(restarted.token).toBe(leaseA.token + 1);
    await expect(a.write(leaseA, async () => undefined)).rejects.toMatchObject({ code: 'store_conflict' });
    await a.leases.release(restarted);
  });

  if (env.backend === 'mariadb')
    it('goes to exactly one of several instances racing for it', async () => {
      const racers = await Promise.all([1, 2, 3, 4].map(() => env.open({ clock: () => Date.now() })));
      const attempts = await Promise.all(
        racers.map((store, index) => store.leases.acquire(`racer-${index}`, TTL, 'race')),
      );
      const winners = attempts.filter((attempt) => attempt.acquired);
      expect(winners).toHaveLength(1);
      const holder = winners[0]?.acquired ? winners[0].lease.holder : '';
      for (const attempt of attempts) if (!attempt.acquired) expect(attempt.holder).toBe(holder);
    });

  if (env.backend === 'mariadb')
    it('a takeover waits for a write in flight, and that write commits under the old token', async () => {
      const writer = await env.open({ clock: clockA.now });
      const taker = await env.open({ clock: () => clockA.value + 10 * TTL });
      const held = await takeOrFail(writer, 'slow-writer');
      let releaseWrite: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        releaseWrite = resolve;
      });
      let markStarted: () => void = () => undefined;
      const started = new Promise<void>((resolve) => {
        markStarted = resolve;
      });
      const write = writer.write(held, async (repositories) => {
        markStarted();
        await gate;
        await repositories.cursors.save('in-flight', { at: 42, lastId: null });
      });
      await started;
      let takeoverDone = false;
      const takeover = taker.leases.acquire('taker', TTL, LEASE).then((attempt) => {
        takeoverDone = true;
        return attempt;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const doneBeforeCommit = takeoverDone;
      releaseWrite();
      await write;
      const attempt = await takeover;
      expect(doneBeforeCommit).toBe(false);
      expect(attempt.acquired).toBe(true);
      expect(await taker.read((readers) => readers.cursors.get('in-flight'))).toMatchObject({ at: 42 });
      await expect(writer.write(held, async () => undefined)).rejects.toMatchObject({
        code: 'store_conflict',
      });
    });
});
