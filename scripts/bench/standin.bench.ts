import { startStandIn } from '../../bridge/src/standin/index.js';
import { runListQuery } from '../../bridge/src/standin/query/list-query.js';
import { Prng } from '../../bridge/src/standin/seed/prng.js';
import { labAccessToken } from './measure.js';

/**
 * Seeding time and memory of the V8 stand-in, and what one keyset page costs, at about 10,000
 * and about 410,000 records, with the 410k/10k ratio of the page costs (near 1 when a page
 * costs in proportion to its size, not to the table). Part of `npm run bench`; heap figures
 * need `--expose-gc` (without it they include garbage not yet collected).
 */
const NOW = '2026-11-25T12:00:00Z';
const SCALES = [
  { label: '10k', accounts: 244 },
  { label: '410k', accounts: 10_000 },
];

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number) * 1000) / 1000
  );
}

interface Figures {
  keysetQueryP50: number;
  keysetHttpP50: number;
}

async function measure(label: string, accounts: number, log: (line: string) => void): Promise<Figures> {
  const before = heapMb();
  const started = performance.now();
  const standIn = await startStandIn({ now: NOW, seed: 42, scale: { accounts }, clock: 'frozen' });
  const startMs = performance.now() - started;
  const heap = heapMb() - before;
  const counts = standIn.store.counts();
  const records = Object.values(counts).reduce((a, b) => a + b, 0);
  const table = standIn.store.table('Cases');
  const def = standIn.store.module('Cases');
  const id = def.byName.get('id');
  const modified = def.byName.get('date_modified');
  if (!id || !modified) throw new Error('no id field');
  const random = new Prng(7);
  const starts = Array.from(
    { length: 300 },
    () => table.byId.at(random.int(0, table.liveCount - 101))?.id as string,
  );

  // In-process: the query alone.
  const queryMs: number[] = [];
  let examined = 0;
  for (const after of starts) {
    const t = performance.now();
    const result = runListQuery(table, {
      conditions: [{ field: id, op: 'gt', value: after }],
      combinator: 'AND',
      deleted: false,
      sort: { field: id, descending: false },
      offset: 0,
      limit: 100,
    });
    queryMs.push(performance.now() - t);
    examined = Math.max(examined, result.examined);
  }

  // Over HTTP: one keyset page of 100 cases with sparse fields, as the bridge reads them.
  const bearer = `Bearer ${await labAccessToken(standIn.apiUrl)}`;
  const httpMs: number[] = [];
  for (const after of starts.slice(0, 150)) {
    const t = performance.now();
    const answer = await fetch(
      `${standIn.apiUrl}/V8/module/Cases?filter[id][gt]=${after}&sort=id&page[size]=100&page[number]=1&fields[Cases]=name,status,date_modified`,
      { headers: { authorization: bearer } },
    );
    await answer.arrayBuffer();
    httpMs.push(performance.now() - t);
  }

  // A cursor read by date_modified and the end of a busy minute by id.
  const cursorMs: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    runListQuery(table, {
      conditions: [{ field: modified, op: 'gte', value: '2026-11-01 00:00:00' }],
      combinator: 'AND',
      deleted: false,
      sort: { field: modified, descending: false },
      offset: 0,
      limit: 100,
    });
    cursorMs.push(performance.now() - t);
  }
  await standIn.close();
  log(
    `stand-in ${label}: ${JSON.stringify({
      scale: label,
      records,
      counts,
      seedAndIndexMs: Math.round(standIn.seedMs),
      startMs: Math.round(startMs),
      heapMb: Math.round(heap),
      keysetQueryMs: {
        p50: percentile(queryMs, 0.5),
        p95: percentile(queryMs, 0.95),
        maxRowsExamined: examined,
      },
      keysetHttpMs: { p50: percentile(httpMs, 0.5), p95: percentile(httpMs, 0.95) },
      cursorQueryMs: { p50: percentile(cursorMs, 0.5), p95: percentile(cursorMs, 0.95) },
    })}`,
  );
  return { keysetQueryP50: percentile(queryMs, 0.5), keysetHttpP50: percentile(httpMs, 0.5) };
}

export async function benchStandIn(log: (line: string) => void): Promise<void> {
  const figures: Figures[] = [];
  for (const { label, accounts } of SCALES) figures.push(await measure(label, accounts, log));
  const [small, large] = figures as [Figures, Figures];
  log(
    `stand-in keyset page cost, 410k/10k: query ${(large.keysetQueryP50 / small.keysetQueryP50).toFixed(2)}x, HTTP ${(large.keysetHttpP50 / small.keysetHttpP50).toFixed(2)}x`,
  );
}
