import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '../../bridge/src/catalogue/catalogue.js';
import { type StandInProcess, startStandInProcess } from '../../bridge/src/demo/standin-process.js';
import { CpuModel, requestKind } from '../../bridge/src/standin/faults/cpu-model.js';
import { LAB_CLIENT } from '../../bridge/src/standin/index.js';
import { openStore } from '../../bridge/src/store/index.js';
import { fmt } from './measure.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The sync at scale, the bridge and the V8 stand-in each in its own process: the real
 * `sla-bridge sync` CLI, timed by GNU time (wall, user + system CPU, peak RSS of the bridge
 * process alone), with the stand-in's request counters telling how many API calls it made.
 */
const TIME = '/usr/bin/time';
/**
 * The bridge runs as production runs it: with the V8 flags of the shipped systemd unit. Without
 * a heap cap V8 grows its heap lazily on a large machine, so peak RSS would measure V8's
 * appetite rather than what the bridge holds.
 */
const UNIT_NODE_FLAGS = (() => {
  const unit = readFileSync(join(ROOT, 'scripts/systemd/sla-bridge.service'), 'utf8');
  const exec = unit.split('\n').find((line) => line.startsWith('ExecStart='));
  return (exec ?? '').split(' ').filter((word) => word.startsWith('--max-'));
})();

interface Measured {
  wallS: number;
  cpuS: number;
  maxRssMb: number;
  report: {
    read: Record<string, { read: number }>;
    computed: Record<string, { evaluated: number; written: number; fieldsWritten: number; events: number }>;
    records: Array<{ module: string; id: string }>;
    failures: unknown[];
  };
}

function cli(env: Record<string, string>, args: string[]): Measured {
  const run = spawnSync(
    TIME,
    [
      '-f',
      'BENCH %e %U %S %M',
      process.execPath,
      ...UNIT_NODE_FLAGS,
      join(ROOT, 'bridge/bin/sla-bridge.js'),
      ...args,
    ],
    {
      env: { PATH: process.env.PATH ?? '', ...env },
      maxBuffer: 1 << 30,
      encoding: 'utf8',
    },
  );
  const line = run.stderr.split('\n').find((l) => l.startsWith('BENCH '));
  if (run.status !== 0 || !line)
    throw new Error(`sla-bridge ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const [, wall, user, system, rssKb] = line.split(' ');
  return {
    wallS: Number(wall),
    cpuS: Number(user) + Number(system),
    maxRssMb: Number(rssKb) / 1024,
    report: JSON.parse(run.stdout) as Measured['report'],
  };
}

const ownedFields = (module: string) =>
  CATALOGUE.fields.filter((f) => f.module === module && f.writer === 'bridge').map((f) => f.name);
const sum = (pick: (m: string) => number) =>
  ['Accounts', 'SLA_TimeEntries', 'Cases'].reduce((total, m) => total + pick(m), 0);
// The stand-in counts each request under `METHOD route` and `METHOD route Module`: count the latter.
const perModule = (route: string) => route.split(' ').length === 3;
/** Requests per module whose `METHOD route` starts with `prefix`. */
const perModuleCalls = (byRoute: Record<string, number>, prefix: string) =>
  Object.fromEntries(
    Object.entries(byRoute).filter(([route]) => route.startsWith(prefix) && perModule(route)),
  );
const total = (counts: Record<string, number>) => Object.values(counts).reduce((t, n) => t + n, 0);
const listCalls = (byRoute: Record<string, number>) => perModuleCalls(byRoute, 'GET list');
const lists = (byRoute: Record<string, number>) => total(listCalls(byRoute));
const patches = (byRoute: Record<string, number>) => total(perModuleCalls(byRoute, 'PATCH'));

async function scenario(
  standIn: StandInProcess,
  label: string,
  log: (line: string) => void,
  pageSize: number,
) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sync-'));
  const env = {
    SUITECRM_URL: standIn.url,
    SUITECRM_API_PATH: '/Api',
    SUITECRM_CLIENT_ID: LAB_CLIENT.clientId,
    SUITECRM_CLIENT_SECRET: LAB_CLIENT.clientSecret,
    SUITECRM_PAGE_SIZE: String(pageSize),
    BRIDGE_STORE_URL: join(dir, 'bridge.sqlite'),
    LOG_LEVEL: 'warn',
  };
  try {
    cli(env, ['migrate', '--json']);
    cli(env, ['tracking-start', '--set', '2020-01-01', '--json']);
    const records = Object.values(standIn.counts).reduce((a, b) => a + b, 0);
    const pagesNeeded = Object.values(standIn.counts).reduce((t, n) => t + Math.floor(n / pageSize) + 1, 0);

    await standIn.resetCounters();
    const first = cli(env, ['sync', '--json']);
    const firstCounters = (await standIn.counters()).byRoute;
    const written = sum((m) => first.report.computed[m]?.written ?? 0);
    log(
      `  ${label}: ${fmt(records)} records (${Object.entries(standIn.counts)
        .map(([m, n]) => `${m} ${fmt(n)}`)
        .join(', ')}); stand-in seeded in ${fmt(standIn.seedMs / 1000, 1)} s`,
    );
    log(
      `    first full sync   wall ${fmt(first.wallS, 1)} s; bridge CPU ${fmt(first.cpuS, 1)} s = ${fmt((first.cpuS * 1000) / records, 3)} ms/record (target < 0.2); peak RSS ${fmt(first.maxRssMb)} MB (target < 250; node ${UNIT_NODE_FLAGS.join(' ')}, as the systemd unit runs it)`,
    );
    log(
      `                      API list calls ${fmt(lists(firstCounters))} for ${fmt(pagesNeeded)} pages needed (${fmt(lists(firstCounters) / pagesNeeded, 2)}x); PATCHes ${fmt(patches(firstCounters))} = records whose fields differ ${fmt(written)}`,
    );

    await standIn.resetCounters();
    const second = cli(env, ['sync', '--json']);
    const secondCounters = (await standIn.counters()).byRoute;
    log(
      `    second sync       wall ${fmt(second.wallS, 1)} s; re-read ${fmt(sum((m) => second.report.read[m]?.read ?? 0))} records (its own writes) in ${fmt(lists(secondCounters))} list calls; writes ${fmt(patches(secondCounters))} (convergence: 0 expected)`,
    );

    // The daemon ticks every minute. The read cursor keeps a one-minute overlap (a save SuiteCRM
    // stamped before a minute closed may commit after it) and counts whole minutes, so the
    // bridge's own writes are listed again by the ticks of the next two minutes or so. A tick
    // with nothing changed is one whose overlap holds no write: tick until the reads are empty.
    const minute = () => new Promise((resolve) => setTimeout(resolve, 61_000));
    let steady: Measured | undefined;
    let steadyCounters: Record<string, number> = {};
    for (let tick = 1; tick <= 4 && !steady; tick++) {
      await minute();
      await standIn.resetCounters();
      const idle = cli(env, ['sync', '--json']);
      const counters = (await standIn.counters()).byRoute;
      const reRead = sum((m) => idle.report.read[m]?.read ?? 0);
      log(
        `    idle tick ${tick}      wall ${fmt(idle.wallS, 2)} s (CPU ${fmt(idle.cpuS, 2)} s, mostly start-up); list calls ${JSON.stringify(listCalls(counters))}; re-read ${fmt(reRead)} records; writes ${fmt(patches(counters))}`,
      );
      if (reRead === 0) [steady, steadyCounters] = [idle, counters];
    }
    if (!steady)
      throw new Error('no idle tick came to rest within four minutes: the read cursor does not advance');
    log(
      `    steady tick       ${fmt(steady.wallS, 2)} s wall; ${fmt(lists(steadyCounters))} list calls for 3 modules; ${fmt(patches(steadyCounters))} writes`,
    );

    // 100 staff edits: severity changes on 100 open cases.
    const edited = await pickOpenCases(env.BRIDGE_STORE_URL, 100);
    for (const id of edited)
      await standIn.staffEdit('Cases', id, { sla_severity_c: '3', sla_cause_c: 'product' });
    await standIn.resetCounters();
    const afterEdits = cli(env, ['sync', '--json']);
    const editCounters = (await standIn.counters()).byRoute;
    const writtenIds = new Set(afterEdits.report.records.map((r) => r.id));
    const outside = [...writtenIds].filter((id) => !edited.includes(id)).length;
    log(
      `    after 100 edits   wall ${fmt(afterEdits.wallS, 2)} s; writes ${fmt(patches(editCounters))} (records outside the edited ones: ${outside}); list calls ${fmt(lists(editCounters))}`,
    );
    return { first, second, steady, afterEdits, records, firstCounters };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function pickOpenCases(storeUrl: string, count: number): Promise<string[]> {
  const store = await openStore(storeUrl);
  try {
    const ids: string[] = [];
    let afterId: string | null = null;
    while (ids.length < count) {
      const page = await store.read((r) => r.inputs.page('Cases', { afterId, limit: 1000 }));
      if (page.length === 0) break;
      for (const snapshot of page) if (snapshot.open && ids.length < count) ids.push(snapshot.recordId);
      afterId = page[page.length - 1]?.recordId ?? null;
    }
    return ids;
  } finally {
    await store.close();
  }
}

/** The CPU a run's requests cost the modelled SuiteCRM (faults/cpu-model.ts), in seconds. */
function modelledSuiteCrmSeconds(byRoute: Record<string, number>, pageSize: number): number {
  const model = new CpuModel({ cores: 2 });
  let ms = 0;
  for (const [route, n] of Object.entries(byRoute)) {
    const [, name = '', module] = route.split(' ');
    if (module === undefined && name !== 'token') continue;
    const fields = ownedFields(module ?? 'Cases');
    const cost = model.cost(requestKind(name), module, { fields, pageSize });
    ms += n * cost.cpuMs;
  }
  return ms / 1000;
}

export async function benchSync(
  log: (line: string) => void,
  options: { accounts: number; latency: boolean },
): Promise<void> {
  if (!existsSync(TIME)) {
    log(`sync benchmarks skipped: ${TIME} (Debian package "time") is needed to measure the bridge process`);
    return;
  }
  // A running clock, from now: SuiteCRM's minutes must move on, or its cursor never passes the
  // bridge's own writes (they would all land in one frozen minute).
  const standIn = await startStandInProcess({
    now: Date.now(),
    seed: 42,
    accounts: options.accounts,
    clock: 'running',
    ...(options.latency ? { cpu: { cores: 2 } } : {}),
  });
  try {
    log(
      `Sync ${options.latency ? 'against a CPU-bound SuiteCRM (stand-in: 2 cores, per-kind costs measured on a real 7.14.6; write concurrency 2)' : 'without added latency'}`,
    );
    const result = await scenario(standIn, `${fmt(options.accounts)} accounts`, log, 100);
    if (options.latency) {
      // SuiteCRM's time as the model costs it: what the first sync's requests kept its cores busy.
      const suitecrmS = modelledSuiteCrmSeconds(result.firstCounters, 100);
      log(
        `    SuiteCRM CPU in the first sync ~${fmt(suitecrmS)} s as modelled (2 cores: at least ${fmt(suitecrmS / 2)} s wall); bridge CPU ${fmt(result.first.cpuS, 1)} s = ${fmt((100 * result.first.cpuS) / suitecrmS, 2)}% of it`,
      );
      // Linear in the records written: scale by 100,000 cases over the cases this run had.
      const factor = 100_000 / (standIn.counts.Cases ?? options.accounts * 10);
      log(
        `    extrapolated to 100,000 cases (x${fmt(factor)}): first sync ~${fmt((result.first.wallS * factor) / 60)} min wall if every record is written; a steady tick stays ~${fmt(result.steady.wallS, 1)} s (its list calls do not grow with the data)`,
      );
    }
  } finally {
    await standIn.stop();
  }
}
