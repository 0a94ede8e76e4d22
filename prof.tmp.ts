import { startSyncHarness } from './test/support/sync-harness.js';

const h = await startSyncHarness({
  now: '2026-11-25T12:00:00Z',
  trackingStart: '2020-01-01',
  standIn: { seed: 42, scale: { accounts: 300 } },
  pageSize: 100,
});
const knex = (h.store as unknown as { knex: import('knex').Knex }).knex;
const started = new Map<string, [number, string]>();
const agg = new Map<string, { n: number; ms: number }>();
knex.on('query', (q: { __knexQueryUid: string; sql: string }) =>
  started.set(q.__knexQueryUid, [
    performance.now(),
    q.sql
      .replace(/\(\?(, \?)*\)/g, '(?..)')
      .replace(/values .*/, 'values ...')
      .slice(0, 110),
  ]),
);
knex.on('query-response', (_r: unknown, q: { __knexQueryUid: string }) => {
  const s = started.get(q.__knexQueryUid);
  if (!s) return;
  const a = agg.get(s[1]) ?? { n: 0, ms: 0 };
  a.n++;
  a.ms += performance.now() - s[0];
  agg.set(s[1], a);
});
const t = performance.now();
const c0 = process.cpuUsage();
const report = await h.engine.run(h.lease);
const cpu = process.cpuUsage(c0);
console.log(
  'total ms',
  Math.round(performance.now() - t),
  'cpu ms',
  Math.round((cpu.user + cpu.system) / 1000),
  'rss MB',
  Math.round(process.memoryUsage.rss() / 1e6),
  JSON.stringify(report.computed.Cases),
);
for (const [sql, a] of [...agg].sort((x, y) => y[1].ms - x[1].ms).slice(0, 8))
  console.log(Math.round(a.ms), a.n, sql);
await h.close();
