import { expect, it } from 'vitest';
import { describeStore } from '../../support/store-backends.js';

describeStore('job runs', (env) => {
  it('records a run from start to end with its counts', async () => {
    const startedAt = env.clock.value;
    const id = await env.write((repositories) => repositories.jobRuns.start('sync', { holder: 'host:1:ab' }));
    expect(await env.store.read((readers) => readers.jobRuns.get(id))).toEqual({
      id,
      job: 'sync',
      holder: 'host:1:ab',
      startedAt,
      endedAt: null,
      outcome: 'running',
      counts: null,
      error: null,
    });
    env.clock.advance(12_345);
    await env.write((repositories) =>
      repositories.jobRuns.finish(id, { outcome: 'succeeded', counts: { read: 120, written: 7, events: 3 } }),
    );
    expect(await env.store.read((readers) => readers.jobRuns.get(id))).toMatchObject({
      endedAt: startedAt + 12_345,
      outcome: 'succeeded',
      counts: { read: 120, written: 7, events: 3 },
    });
  });

  it('answers the last runs, of one job or of each job', async () => {
    env.clock.advance(60_000);
    const failed = await env.write((repositories) => repositories.jobRuns.start('sync'));
    await env.write((repositories) =>
      repositories.jobRuns.finish(failed, { outcome: 'failed', error: 'unavailable: SuiteCRM answered 503' }),
    );
    env.clock.advance(60_000);
    const tick = await env.write((repositories) => repositories.jobRuns.start('tick'));
    await env.write((repositories) => repositories.jobRuns.finish(tick, { outcome: 'skipped' }));
    expect(
      (await env.store.read((readers) => readers.jobRuns.last())).map((run) => [run.job, run.outcome]),
    ).toEqual([
      ['tick', 'skipped'],
      ['sync', 'failed'],
      ['sync', 'succeeded'],
    ]);
    expect(
      (await env.store.read((readers) => readers.jobRuns.last({ job: 'sync', limit: 1 }))).map(
        (run) => run.error,
      ),
    ).toEqual(['unavailable: SuiteCRM answered 503']);
    expect(
      (await env.store.read((readers) => readers.jobRuns.lastOfEachJob())).map((run) => [
        run.job,
        run.outcome,
      ]),
    ).toEqual([
      ['sync', 'failed'],
      ['tick', 'skipped'],
    ]);
    expect(
      (await env.store.read((readers) => readers.jobRuns.lastOfEachJob({ outcome: 'succeeded' }))).map(
        (run) => run.job,
      ),
    ).toEqual(['sync']);
  });

  it('marks runs a dead process left running as abandoned', async () => {
    const dead = await env.write((repositories) => repositories.jobRuns.start('reconcile'));
    env.clock.advance(1000);
    expect(await env.write((repositories) => repositories.jobRuns.markAbandoned('reconcile'))).toBe(1);
    expect(await env.store.read((readers) => readers.jobRuns.get(dead))).toMatchObject({
      outcome: 'abandoned',
      endedAt: env.clock.value,
      error: 'the process running it ended before it finished',
    });
    expect(await env.write((repositories) => repositories.jobRuns.markAbandoned('reconcile'))).toBe(0);
  });

  it('refuses to finish a run that does not exist', async () => {
    await expect(
      env.write((repositories) => repositories.jobRuns.finish(999_999, { outcome: 'succeeded' })),
    ).rejects.toThrow(/no job run/);
  });
});
