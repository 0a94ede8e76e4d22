import { expect, it } from 'vitest';
import type { ContractTermInput } from '../../../bridge/src/store/index.js';
import { describeStore } from '../../support/store-backends.js';

const term = (
  accountId: string,
  termIndex: number,
  startDate: string,
  endDate: string,
  outcome: ContractTermInput['outcome'] = null,
): ContractTermInput => ({ accountId, termIndex, startDate, endDate, outcome });

describeStore('contract term history', (env) => {
  it('records terms and reads them per account in term order', async () => {
    const written = await env.write((repositories) =>
      repositories.contractTerms.record([
        term('a1', 1, '2025-02-28', '2026-02-28'),
        term('a1', 0, '2024-02-29', '2025-02-28', 'renewed'),
        term('a2', 0, '2025-06-01', '2026-06-01'),
      ]),
    );
    expect(written).toHaveLength(3);
    expect(await env.store.read((readers) => readers.contractTerms.forAccount('a1'))).toEqual([
      { ...term('a1', 0, '2024-02-29', '2025-02-28', 'renewed'), recordedAt: env.clock.value },
      { ...term('a1', 1, '2025-02-28', '2026-02-28'), recordedAt: env.clock.value },
    ]);
  });

  it('records an outcome once known, leaves identical terms alone', async () => {
    env.clock.advance(86_400_000);
    const written = await env.write((repositories) =>
      repositories.contractTerms.record([
        term('a1', 0, '2024-02-29', '2025-02-28', 'renewed'),
        term('a1', 1, '2025-02-28', '2026-02-28', 'lapsed'),
        term('a2', 0, '2025-06-01', '2026-06-01', 'ended_early'),
      ]),
    );
    expect(written.map((item) => [item.accountId, item.termIndex, item.outcome])).toEqual([
      ['a1', 1, 'lapsed'],
      ['a2', 0, 'ended_early'],
    ]);
    const terms = await env.store.read((readers) => readers.contractTerms.forAccounts(['a1', 'a2', 'a3']));
    expect([...terms.keys()].sort()).toEqual(['a1', 'a2']);
    expect(terms.get('a1')?.map((item) => item.recordedAt)).toEqual([
      env.clock.value - 86_400_000,
      env.clock.value,
    ]);
  });

  it('drops later terms when a contract start is corrected', async () => {
    expect(await env.write((repositories) => repositories.contractTerms.deleteFrom('a1', 1))).toBe(1);
    expect(await env.store.read((readers) => readers.contractTerms.forAccount('a1'))).toHaveLength(1);
  });

  it('refuses malformed terms', async () => {
    for (const bad of [
      term('a3', 0, '2025-13-01', '2026-01-01'),
      term('a3', 0, '2025-06-01', '2025-06-01'),
      term('a3', -1, '2025-06-01', '2026-06-01'),
      { ...term('a3', 0, '2025-06-01', '2026-06-01'), outcome: 'cancelled' as never },
    ]) {
      await expect(env.write((repositories) => repositories.contractTerms.record([bad]))).rejects.toThrow(
        TypeError,
      );
    }
  });
});
