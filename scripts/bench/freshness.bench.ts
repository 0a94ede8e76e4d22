import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envSchema } from '../../bridge/src/config/env-config.schema.js';
import { defaultPolicy } from '../../bridge/src/domain/index.js';
import { Daemon, SWEEP_EVERY_MS } from '../../bridge/src/jobs/daemon.js';
import { TICK_JOB } from '../../bridge/src/jobs/tick.job.js';
import { CpuModel, requestKind } from '../../bridge/src/standin/faults/cpu-model.js';
import { LAB_CLIENT, type StandIn, startStandIn } from '../../bridge/src/standin/index.js';
import { openStore, type Store } from '../../bridge/src/store/index.js';
import {
  createSuiteCrmClient,
  RETRY_POLICIES,
  type SuiteCrmClient,
  systemClock,
} from '../../bridge/src/suitecrm/index.js';
import { SyncEngine } from '../../bridge/src/sync/sync-engine.js';

/**
 * Freshness (docs/freshness.md), in real time: the daemon following the change marker at its
 * default interval (BRIDGE_FOLLOW_INTERVAL_S) against the stand-in in its CPU-bound mode (2
 * cores, the per-kind costs measured on a real SuiteCRM 7.14.6), while a person saves at random
 * moments: new cases, status changes, time entries, contract changes. Each delay is from the
 * save to the arrival at SuiteCRM of the bridge's PATCH of the record it affects (the stand-in's
 * write journal). Then the idle cost: requests per minute of an idle site, and SuiteCRM CPU by
 * the model's per-kind costs and, as an upper bound, at 75 ms a request (a first sync's average
 * on the real SuiteCRM), against the one-minute ticks without following. Bridge and stand-in
 * share this process.
 */
const FOLLOW_MS = envSchema.shape.BRIDGE_FOLLOW_INTERVAL_S.parse(undefined) * 1000;
const SUITECRM_MS_PER_REQUEST = 75;
const MODEL = new CpuModel({ cores: 2 });

/** SuiteCRM CPU, in ms, of the requests counted by route ("GET get SLA_ChangeMarkers", …), by the model. */
function modelledCpuMs(byRoute: Record<string, number>): number {
  let ms = 0;
  for (const [route, n] of Object.entries(byRoute)) {
    const [, name = '', module] = route.split(' ');
    // "GET get" alone is the total over modules of "GET get <module>": count each request once.
    if (module === undefined && name !== 'token') continue;
    ms += n * MODEL.cost(requestKind(name), module, { pageSize: 100 }).cpuMs;
  }
  return ms;
}
const log10 = (n: number) => n.toFixed(1);

interface World {
  standIn: StandIn;
  store: Store;
  client: SuiteCrmClient;
  engine: SyncEngine;
  close(): Promise<void>;
}

async function world(accounts: number): Promise<World> {
  const standIn = await startStandIn({
    seed: 42,
    scale: { accounts },
    clock: 'running',
    cpu: { cores: 2 },
    journalWrites: true,
  });
  const dir = mkdtempSync(join(tmpdir(), 'fresh-bench-'));
  const store = await openStore(join(dir, 'bridge.sqlite'), { create: true });
  await store.migrate();
  const trackingStart = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
  await store.writeUnfenced((r) => r.trackingStart.set(trackingStart, 'bench'));
  const client = createSuiteCrmClient({
    baseUrl: standIn.url,
    apiPath: '/Api',
    auth: { grant: 'client_credentials', ...LAB_CLIENT },
    timeoutMs: 30_000,
    pageSize: 100,
    retry: RETRY_POLICIES.standard,
    clock: systemClock,
  });
  const engine = new SyncEngine({ client, store, policy: defaultPolicy(), pageSize: 100 });
  return {
    standIn,
    store,
    client,
    engine,
    close: async () => {
      client.close();
      await store.close();
      await standIn.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

type Kind = 'new case' | 'status change' | 'time entry' | 'contract change';

/** One person's save; returns the id whose PATCH by the bridge ends the delay. */
function save(w: World, kind: Kind, accountId: string, caseIds: string[], n: number): string {
  const control = w.standIn.control;
  switch (kind) {
    case 'new case': {
      const id = control.staffCreate('Cases', {
        name: `Bench case ${n}`,
        account_id: accountId,
        status: 'Open_New',
        sla_severity_c: '2',
        sla_environment_c: 'production',
        sla_cause_c: 'product',
      }).id;
      caseIds.push(id);
      return id;
    }
    case 'status change': {
      // Waiting on the customer pauses the clock: the case's statuses change.
      const id = caseIds.shift() as string;
      control.staffEdit('Cases', id, { status: 'Open_Pending Input' });
      return id;
    }
    case 'time entry':
      return control.staffCreate('SLA_TimeEntries', {
        name: `Bench work ${n}`,
        case_id: caseIds[caseIds.length - 1] as string,
        work_date: new Date().toISOString().slice(0, 10),
        hours: '0.5',
        category: 'support',
      }).id;
    case 'contract change': {
      control.staffEdit('Accounts', accountId, { sla_reserved_hours_c: String(20 + n) });
      return accountId;
    }
  }
}

export async function benchFreshness(
  log: (line: string) => void,
  options: { accounts: number; saves: number },
): Promise<void> {
  const w = await world(options.accounts);
  const daemon = new Daemon(
    { engine: w.engine, store: w.store, holder: 'bench' },
    { timeZone: 'Europe/London', followIntervalMs: FOLLOW_MS },
  );
  try {
    log(
      `Freshness: following the change marker every ${FOLLOW_MS / 1000} s (the default), CPU-bound stand-in (2 cores, measured per-kind costs), ${options.accounts} accounts`,
    );
    // The first sync and the pass after it, without following: that pass re-reads what the first
    // sync wrote (each module's cursor is from before its writes), once. Measured apart, so the
    // delays below are those of a site in its steady state.
    const warmup = new Daemon(
      { engine: w.engine, store: w.store, holder: 'bench-warmup' },
      { timeZone: 'Europe/London', followIntervalMs: 0 },
    );
    for (const label of ['first sync', 'the pass after it (re-reads its writes)']) {
      const started = Date.now();
      if ((await warmup.runJob(TICK_JOB)) !== 'ran') throw new Error(`${label} failed`);
      log(`  ${label}: ${log10((Date.now() - started) / 1000)} s`);
    }
    await warmup.stop();
    const accountId = w.standIn.control.staffCreate('Accounts', {
      name: 'Bench customer',
      sla_plan_c: 'professional',
      sla_contract_start_c: '2026-01-01',
    }).id;
    const caseIds: string[] = [];
    daemon.start();
    await sleep(2 * FOLLOW_MS);

    // Saves at random moments, so they fall at every phase of the interval.
    const kinds: Kind[] = ['new case', 'new case', 'status change', 'time entry', 'contract change'];
    const pending: { kind: Kind; id: string; at: number }[] = [];
    let random = 42;
    const next = () => {
      random = (random * 1_103_515_245 + 12_345) % 2_147_483_648;
      return random / 2_147_483_648;
    };
    w.standIn.control.clearWrites();
    for (let i = 0; i < options.saves; i++) {
      await sleep(1_000 + next() * 5_000);
      const kind = kinds[i % kinds.length] as Kind;
      // On the stand-in's clock, the one its write journal stamps the PATCHes with.
      const at = w.standIn.control.now();
      pending.push({ kind, id: save(w, kind, accountId, caseIds, i), at });
    }
    await sleep(FOLLOW_MS + 4_000);
    const writes = w.standIn.control.writes().filter((entry) => entry.method === 'PATCH');
    const delays: number[] = [];
    const byKind = new Map<Kind, number[]>();
    const missing: Kind[] = [];
    for (const item of pending) {
      const write = writes.find((entry) => entry.id === item.id && entry.at >= item.at);
      if (!write) {
        missing.push(item.kind);
        continue;
      }
      delays.push(write.at - item.at);
      // Slower than two intervals: named, so the next run can follow that record in the log.
      if (write.at - item.at > 2 * FOLLOW_MS)
        log(
          `  slow: ${item.kind} ${item.id} saved ${new Date(item.at).toISOString()}, first PATCH ${new Date(write.at).toISOString()}`,
        );
      byKind.set(item.kind, [...(byKind.get(item.kind) ?? []), write.at - item.at]);
    }
    delays.sort((a, b) => a - b);
    const s = (ms: number) => `${log10(ms / 1000)} s`;
    if (delays.length > 0) {
      log(
        `  save → bridge's PATCH, ${delays.length} saves: min ${s(delays[0] as number)}, median ${s(pct(delays, 50))}, p95 ${s(pct(delays, 95))}, max ${s(delays[delays.length - 1] as number)}`,
      );
    }
    for (const [kind, list] of byKind) {
      list.sort((a, b) => a - b);
      log(
        `    ${kind}: ${list.length} saves, median ${s(pct(list, 50))}, max ${s(list[list.length - 1] as number)}`,
      );
    }
    if (missing.length > 0)
      log(
        `  no PATCH of the saved record seen (nothing to write, or not within the wait): ${missing.join(', ')}`,
      );

    // Idle: nothing saved; count what the daemon asks of SuiteCRM.
    await sleep(FOLLOW_MS);
    w.standIn.control.resetCounters();
    const idleMs = 6 * FOLLOW_MS;
    await sleep(idleMs);
    const idle = w.standIn.control.counters();
    const perMinute = (idle.total * 60_000) / idleMs;
    await daemon.stop();

    // Today's ticks, for comparison: one minute tick without following on the same idle site.
    const ticks = new Daemon(
      { engine: w.engine, store: w.store, holder: 'bench-ticks' },
      { timeZone: 'UTC' },
    );
    w.standIn.control.resetCounters();
    await ticks.runJob(TICK_JOB);
    const tick = w.standIn.control.counters();
    const tickRequests = tick.total;
    // The sweep: a tick that reads every module (and the marker), every SWEEP_EVERY_MS.
    const sweepPerMinute = (tickRequests + 1) / (SWEEP_EVERY_MS / 60_000);
    await ticks.stop();
    const share = (msPerMinute: number) =>
      `${log10(msPerMinute / 1000)} s of CPU a minute, ${(msPerMinute / 600).toFixed(2)}% of one core`;
    const modelled = (modelledCpuMs(idle.byRoute) * 60_000) / idleMs;
    const sweepModelled =
      (modelledCpuMs(tick.byRoute) + MODEL.cost('get', 'SLA_ChangeMarkers', {}).cpuMs) /
      (SWEEP_EVERY_MS / 60_000);
    log(
      `  idle, following: ${log10(perMinute)} requests a minute measured over ${idleMs / 1000} s (${JSON.stringify(idle.byRoute)}), + ${sweepPerMinute.toFixed(2)} a minute for the ${SWEEP_EVERY_MS / 60_000}-minute sweep = ${share(modelled + sweepModelled)} by the model's per-kind costs; at most ${share((perMinute + sweepPerMinute) * SUITECRM_MS_PER_REQUEST)} at ${SUITECRM_MS_PER_REQUEST} ms a request`,
    );
    log(
      `  idle, one-minute ticks without following: ${tickRequests} requests a minute = ${share(modelledCpuMs(tick.byRoute))} by the model; ${share(tickRequests * SUITECRM_MS_PER_REQUEST)} at ${SUITECRM_MS_PER_REQUEST} ms a request`,
    );
  } finally {
    await daemon.stop();
    await w.close();
  }
}
