import { openRuntime } from './bridge/src/cli/bridge-runtime.js';
import { SyncEngine } from './bridge/src/sync/sync-engine.js';
import { requireWriterLease } from './bridge/src/sync/writer-lease.js';

const rt = await openRuntime();
const knex = (rt.store as unknown as { knex: import('knex').Knex }).knex;
const started = new Map<string, [number, string]>();
const agg = new Map<string, { n: number; ms: number }>();
knex.on('query', (q: { __knexQueryUid: string; sql: string }) =>
  started.set(q.__knexQueryUid, [
    performance.now(),
    q.sql
      .replace(/\(\?(, \?)*\)/g, '(?..)')
      .replace(/values .*/, 'values ...')
      .replace(/select \? as .*/, 'select ...')
      .slice(0, 120),
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
const held = await requireWriterLease(rt.store);
const engine = new SyncEngine({ client: rt.client, store: rt.store, policy: rt.policy });
const t = performance.now();
const c = process.cpuUsage();
await engine.run(held.lease);
const cpu = process.cpuUsage(c);
console.log('total', Math.round(performance.now() - t), 'cpu', Math.round((cpu.user + cpu.system) / 1000));
let sum = 0;
for (const a of agg.values()) sum += a.ms;
console.log('sql total', Math.round(sum));
for (const [sql, a] of [...agg].sort((x, y) => y[1].ms - x[1].ms).slice(0, 8))
  console.log(Math.round(a.ms), a.n, sql);
await held.release();
await rt.close();
