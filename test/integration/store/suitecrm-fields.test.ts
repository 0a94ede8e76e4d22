import { expect, it } from 'vitest';
import { describeStore } from '../../support/store-backends.js';

describeStore('what SuiteCRM holds for the bridge fields', (env) => {
  it('saves normalised fields with a hash that ignores key order', async () => {
    await env.write((repositories) =>
      repositories.suiteCrmFields.saveMany([
        {
          module: 'Cases',
          recordId: 'c1',
          fields: { sla_status_c: 'at_risk', sla_response_due_c: '2026-01-12 10:30:00', sla_hours_c: '1.50' },
        },
        { module: 'Accounts', recordId: 'a1', fields: { hours_used_c: '12.25', renewal_state_c: null } },
      ]),
    );
    const held = await env.store.read((readers) => readers.suiteCrmFields.getMany('Cases', ['c1', 'c2']));
    expect([...held.keys()]).toEqual(['c1']);
    const c1 = held.get('c1');
    expect(c1?.fields).toEqual({
      sla_status_c: 'at_risk',
      sla_response_due_c: '2026-01-12 10:30:00',
      sla_hours_c: '1.50',
    });
    await env.write((repositories) =>
      repositories.suiteCrmFields.saveMany([
        {
          module: 'Cases',
          recordId: 'c1',
          fields: { sla_hours_c: '1.50', sla_response_due_c: '2026-01-12 10:30:00', sla_status_c: 'at_risk' },
        },
      ]),
    );
    expect((await env.store.read((readers) => readers.suiteCrmFields.get('Cases', 'c1')))?.contentHash).toBe(
      c1?.contentHash,
    );
    expect((await env.store.read((readers) => readers.suiteCrmFields.get('Accounts', 'a1')))?.fields).toEqual(
      {
        hours_used_c: '12.25',
        renewal_state_c: null,
      },
    );
  });

  it('replaces a record after a PATCH and forgets deleted records', async () => {
    env.clock.advance(5000);
    await env.write((repositories) =>
      repositories.suiteCrmFields.saveMany([
        { module: 'Cases', recordId: 'c1', fields: { sla_status_c: 'breached' } },
      ]),
    );
    expect(await env.store.read((readers) => readers.suiteCrmFields.get('Cases', 'c1'))).toMatchObject({
      fields: { sla_status_c: 'breached' },
      updatedAt: env.clock.value,
    });
    expect(await env.write((repositories) => repositories.suiteCrmFields.delete('Cases', ['c1', 'c2']))).toBe(
      1,
    );
    expect(await env.store.read((readers) => readers.suiteCrmFields.get('Cases', 'c1'))).toBeNull();
  });

  it('answers the content hashes alone, equal to the stored rows', async () => {
    await env.write((repositories) =>
      repositories.suiteCrmFields.saveMany([{ module: 'Cases', recordId: 'hash-1', fields: { b: 2, a: 1 } }]),
    );
    const hashes = await env.store.read((readers) =>
      readers.suiteCrmFields.hashes('Cases', ['hash-1', 'none']),
    );
    const stored = await env.store.read((readers) => readers.suiteCrmFields.get('Cases', 'hash-1'));
    expect([...hashes.entries()]).toEqual([['hash-1', stored?.contentHash]]);
  });
});
