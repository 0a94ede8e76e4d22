import { expect, it } from 'vitest';
import { describeStore } from '../../support/store-backends.js';

describeStore('read cursors', (env) => {
  it('has no cursor before the first save', async () => {
    expect(await env.store.read((readers) => readers.cursors.get('Accounts'))).toBeNull();
  });

  it('saves, moves and lists positions, instant and last id exactly', async () => {
    const first = { at: Date.UTC(2026, 2, 29, 0, 59, 0), lastId: null };
    const second = { at: Date.UTC(2026, 2, 29, 1, 0, 0), lastId: 'f3a1c2d4-0000-4000-8000-000000000042' };
    await env.write((repositories) => repositories.cursors.save('Accounts', first));
    expect(await env.store.read((readers) => readers.cursors.get('Accounts'))).toEqual({
      name: 'Accounts',
      ...first,
      updatedAt: env.clock.value,
    });
    env.clock.advance(1000);
    await env.write(async (repositories) => {
      await repositories.cursors.save('Accounts', second);
      await repositories.cursors.save('Cases', first);
    });
    const all = await env.store.read((readers) => readers.cursors.list());
    expect(all.map(({ name, at, lastId }) => ({ name, at, lastId }))).toEqual([
      { name: 'Accounts', ...second },
      { name: 'Cases', ...first },
    ]);
    expect(all[0]?.updatedAt).toBe(env.clock.value);
  });

  it('keeps the old position when the transaction that would move it fails', async () => {
    const before = await env.store.read((readers) => readers.cursors.get('Accounts'));
    const failure = new Error('a write to SuiteCRM failed');
    await expect(
      env.write(async (repositories) => {
        await repositories.cursors.save('Accounts', { at: Date.UTC(2030, 0, 1), lastId: null });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await env.store.read((readers) => readers.cursors.get('Accounts'))).toEqual(before);
  });

  it('resets a cursor (the next read is a full scan)', async () => {
    expect(await env.write((repositories) => repositories.cursors.reset('Cases'))).toBe(true);
    expect(await env.write((repositories) => repositories.cursors.reset('Cases'))).toBe(false);
    expect(await env.store.read((readers) => readers.cursors.get('Cases'))).toBeNull();
  });

  it('refuses an instant that is not whole milliseconds', async () => {
    await expect(
      env.write((repositories) => repositories.cursors.save('Cases', { at: 1.5, lastId: null })),
    ).rejects.toThrow(TypeError);
  });
});
