import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '../../bridge/src/catalogue/catalogue.js';
import { startStandInProcess } from '../../bridge/src/demo/standin-process.js';
import { LAB_CLIENT } from '../../bridge/src/standin/index.js';
import { fmt, labAccessToken } from './measure.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * What a first sync costs a CPU-bound SuiteCRM, lever by lever (docs/cost.md). Each scenario
 * seeds a fresh stand-in in its CPU-bound mode (2 cores, the per-kind costs measured on a real
 * SuiteCRM 7.14.6), runs the real `sla-bridge sync` CLI against it, and meanwhile plays a member
 * of staff: a GET of one case every 250 ms, timed. The stand-in only sleeps for its modelled
 * costs, so the figures hold on a loaded machine; compare the ratios to the first scenario.
 */

/** The Cases fields the catalogue audited before issue 17: the four the bridge writes on top of today's. */
const AUDITED_BEFORE: Record<string, readonly string[]> = {
  Cases: ['sla_effective_severity_c', 'sla_coverage_c', 'sla_response_status_c', 'sla_resolution_status_c'],
};

interface Scenario {
  label: string;
  concurrency: number;
  writeRate?: number;
  aod: boolean;
  /** Audit as the catalogue did before issue 17 (true) or as it does now. */
  auditedBefore: boolean;
  /** Time entries' names read in one query (the package's SupportSla_RelatedNames): an estimate. */
  timeEntryNames?: 'one-query';
  /** The model's unattributed share of each request on a core too (CpuModelSpec.rest). */
  restOnCore?: boolean;
}

export const SCENARIOS: readonly Scenario[] = [
  { label: 'before: concurrency 4, old audit set, AOD on', concurrency: 4, aod: true, auditedBefore: true },
  { label: 'concurrency 2 (the new default)', concurrency: 2, aod: true, auditedBefore: true },
  { label: 'concurrency 1', concurrency: 1, aod: true, auditedBefore: true },
  { label: 'concurrency 2, audit set trimmed', concurrency: 2, aod: true, auditedBefore: false },
  { label: 'concurrency 2, trimmed, AOD off', concurrency: 2, aod: false, auditedBefore: false },
  {
    label: 'concurrency 2, trimmed, AOD on, SUITECRM_WRITE_RATE=4',
    concurrency: 2,
    writeRate: 4,
    aod: true,
    auditedBefore: false,
  },
  {
    label: 'concurrency 2, trimmed, AOD on, entry names in one query (estimate)',
    concurrency: 2,
    aod: true,
    auditedBefore: false,
    timeEntryNames: 'one-query',
  },
  // The real server gained no throughput at 4: the same two with the whole of each cost on a core.
  {
    label: 'rest on core: concurrency 4, trimmed, AOD on',
    concurrency: 4,
    aod: true,
    auditedBefore: false,
    restOnCore: true,
  },
  {
    label: 'rest on core: concurrency 2, trimmed, AOD on',
    concurrency: 2,
    aod: true,
    auditedBefore: false,
    restOnCore: true,
  },
];

function auditedArg(before: boolean): string {
  const modules = new Map<string, Set<string>>();
  // Every module named, so an empty set audits nothing rather than falling back to the catalogue.
  for (const module of Object.keys(CATALOGUE.modules)) modules.set(module, new Set());
  for (const field of CATALOGUE.fields) if (field.audited) modules.get(field.module)?.add(field.name);
  if (before) {
    for (const [module, names] of Object.entries(AUDITED_BEFORE))
      for (const name of names) modules.get(module)?.add(name);
  }
  return [...modules].map(([module, names]) => `${module}=${[...names].join(',')}`).join(';');
}

function cli(env: Record<string, string>, args: string[]): Promise<{ wallMs: number; stdout: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bridge/bin/sla-bridge.js'), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ wallMs: performance.now() - started, stdout });
      else reject(new Error(`sla-bridge ${args.join(' ')} failed (${code}): ${stderr.slice(-1500)}`));
    });
  });
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

interface Measured {
  wallS: number;
  patches: number;
  probeMedianMs: number;
  probeP95Ms: number;
  probes: number;
}

async function runScenario(scenario: Scenario, accounts: number): Promise<Measured> {
  const standIn = await startStandInProcess({
    now: Date.now(),
    seed: 42,
    accounts,
    clock: 'running',
    cpu: {
      cores: 2,
      aod: scenario.aod,
      audited: auditedArg(scenario.auditedBefore),
      ...(scenario.timeEntryNames ? { timeEntryNames: scenario.timeEntryNames } : {}),
      ...(scenario.restOnCore ? { rest: 'on-core' as const } : {}),
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-cost-'));
  try {
    const env = {
      SUITECRM_URL: standIn.url,
      SUITECRM_API_PATH: '/Api',
      SUITECRM_CLIENT_ID: LAB_CLIENT.clientId,
      SUITECRM_CLIENT_SECRET: LAB_CLIENT.clientSecret,
      SUITECRM_CONCURRENCY: String(scenario.concurrency),
      SUITECRM_WRITE_RATE: String(scenario.writeRate ?? 0),
      BRIDGE_STORE_URL: join(dir, 'bridge.sqlite'),
      LOG_LEVEL: 'warn',
    };
    await cli(env, ['migrate', '--json']);
    await cli(env, ['tracking-start', '--set', '2020-01-01', '--json']);
    const token = await labAccessToken(standIn.apiUrl);
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/vnd.api+json' };
    const first = await fetch(`${standIn.apiUrl}/V8/module/Cases?page[size]=1&fields[Cases]=name`, {
      headers,
    });
    const caseId = ((await first.json()) as { data: Array<{ id: string }> }).data[0]?.id;
    if (!caseId) throw new Error('the stand-in has no case to probe');
    await standIn.resetCounters();

    const probes: number[] = [];
    let syncing = true;
    const probe = (async () => {
      while (syncing) {
        const start = performance.now();
        const answer = await fetch(`${standIn.apiUrl}/V8/module/Cases/${caseId}`, { headers });
        await answer.arrayBuffer();
        if (!answer.ok) throw new Error(`staff probe answered ${answer.status}`);
        if (syncing) probes.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const sync = await cli(env, ['sync', '--json']).finally(() => {
      syncing = false;
    });
    await probe;
    const byRoute = (await standIn.counters()).byRoute;
    const patches = Object.entries(byRoute)
      .filter(([route]) => route.startsWith('PATCH') && route.split(' ').length === 3)
      .reduce((total, [, n]) => total + n, 0);
    JSON.parse(sync.stdout);
    return {
      wallS: sync.wallMs / 1000,
      patches,
      probeMedianMs: quantile(probes, 0.5),
      probeP95Ms: quantile(probes, 0.95),
      probes: probes.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await standIn.stop();
  }
}

export async function benchCost(log: (line: string) => void, options: { accounts: number }): Promise<void> {
  log(
    `Cost to a CPU-bound SuiteCRM (stand-in: 2 cores, measured per-kind costs), first sync of ${fmt(options.accounts)} accounts (${fmt(options.accounts * 10)} cases, ${fmt(options.accounts * 30)} time entries); staff probe: GET one case every 250 ms (20 ms on an idle SuiteCRM)`,
  );
  let base: Measured | undefined;
  for (const scenario of SCENARIOS) {
    const m = await runScenario(scenario, options.accounts);
    base ??= m;
    log(
      `  ${scenario.label.padEnd(56)} wall ${fmt(m.wallS, 1)} s (x${fmt(m.wallS / base.wallS, 2)}); PATCHes ${fmt(m.patches)}; staff GET median ${fmt(m.probeMedianMs)} ms (x${fmt(m.probeMedianMs / base.probeMedianMs, 2)}), p95 ${fmt(m.probeP95Ms)} ms, ${m.probes} probes`,
    );
  }
}
