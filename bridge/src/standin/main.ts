import { parseArgs } from 'node:util';
import type { LatencySpec } from './http/server.js';
import { startStandIn } from './stand-in.js';

/**
 * Runs the stand-in in its own process and prints one JSON line on stdout once it listens:
 * {"url":"http://127.0.0.1:PORT","apiUrl":".../Api","control":".../__standin","pid":...,
 * "counts":{...},"seedMs":...}. Ready for child_process.spawn/fork: read the first line,
 * stop it with SIGTERM (a forked child also gets {type:"ready",...} over IPC).
 *
 *   node build/bridge/src/standin/main.js --port 0 --seed 7 --accounts 10000 \
 *     [--cases N] [--time-entries N] [--now 2026-11-25T12:00:00Z] [--clock frozen|running] \
 *     [--latency 50-70] [--latency-mode real|virtual] [--suitecrm 7|8] [--api-base /Api] [--no-package]
 *     [--journal-writes] [--installed-at ISO]   (generated cases created before it predate the package: no change log)
 *     [--cpu-cores 2 [--cpu-aod on|off] [--cpu-audited 'Cases=field,field;Accounts=field'] [--cpu-te-names loaded|one-query] [--cpu-rest off-core|on-core]]
 *
 * `--cpu-cores` turns on the CPU-bound model (faults/cpu-model.ts); `--cpu-audited` replaces the
 * catalogue's audited flags in it (to measure a save as an older catalogue audited it);
 * `--cpu-te-names one-query` prices a time-entries page as the package now reads the entries'
 * names (an estimate; `loaded`, the default, is the measured cost).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: '1' },
      accounts: { type: 'string', default: '10' },
      cases: { type: 'string' },
      'time-entries': { type: 'string' },
      now: { type: 'string' },
      'installed-at': { type: 'string' },
      clock: { type: 'string', default: 'running' },
      latency: { type: 'string' },
      'latency-mode': { type: 'string', default: 'real' },
      suitecrm: { type: 'string', default: '7' },
      'cpu-cores': { type: 'string' },
      'cpu-aod': { type: 'string', default: 'on' },
      'cpu-audited': { type: 'string' },
      'cpu-te-names': { type: 'string', default: 'loaded' },
      'cpu-rest': { type: 'string', default: 'off-core' },
      'api-base': { type: 'string' },
      'no-package': { type: 'boolean', default: false },
      'journal-writes': { type: 'boolean', default: false },
    },
  });
  const number = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0)
      throw new Error(`--${name} must be a number >= 0, not ${value}`);
    return parsed;
  };
  let latency: LatencySpec | undefined;
  if (values.latency) {
    const [min, max = min] = values.latency.split('-');
    latency = {
      minMs: number('latency', min) ?? 0,
      maxMs: number('latency', max) ?? 0,
      mode: values['latency-mode'] === 'virtual' ? 'virtual' : 'real',
    };
  }
  const major = (value: string | undefined): 7 | 8 => {
    if (value === '7' || value === '8') return Number(value) as 7 | 8;
    throw new Error(`--suitecrm must be 7 or 8, not ${value}`);
  };
  const installedAt = (value: string): number => {
    const parsed = Date.parse(value);
    if (!Number.isFinite(parsed)) throw new Error(`--installed-at must be an ISO instant, not ${value}`);
    return parsed;
  };
  const teNames = values['cpu-te-names'];
  if (teNames !== 'loaded' && teNames !== 'one-query')
    throw new Error(`--cpu-te-names must be loaded or one-query, not ${String(teNames)}`);
  const timeEntryNames: 'loaded' | 'one-query' = teNames;
  const rest = values['cpu-rest'];
  if (rest !== 'off-core' && rest !== 'on-core')
    throw new Error(`--cpu-rest must be off-core or on-core, not ${String(rest)}`);
  const cores = number('cpu-cores', values['cpu-cores']);
  const cpu =
    cores === undefined
      ? undefined
      : {
          cores,
          aod: values['cpu-aod'] !== 'off',
          timeEntryNames,
          rest: rest as 'off-core' | 'on-core',
          ...(values['cpu-audited'] === undefined ? {} : { audited: parseAudited(values['cpu-audited']) }),
        };
  const cases = number('cases', values.cases);
  const timeEntries = number('time-entries', values['time-entries']);
  const standIn = await startStandIn({
    host: values.host,
    port: number('port', values.port) ?? 0,
    seed: number('seed', values.seed) ?? 1,
    scale: {
      accounts: number('accounts', values.accounts) ?? 10,
      ...(cases === undefined ? {} : { cases }),
      ...(timeEntries === undefined ? {} : { timeEntries }),
    },
    ...(values.now ? { now: values.now } : {}),
    ...(values['installed-at'] ? { installedAt: installedAt(values['installed-at']) } : {}),
    clock: values.clock === 'frozen' ? 'frozen' : 'running',
    ...(latency ? { latency } : {}),
    suitecrm: major(values.suitecrm),
    ...(cpu ? { cpu } : {}),
    ...(values['api-base'] ? { apiBase: values['api-base'] } : {}),
    withPackage: !values['no-package'],
    journalWrites: values['journal-writes'],
  });
  const ready = {
    url: standIn.url,
    apiUrl: standIn.apiUrl,
    control: `${standIn.url}/__standin`,
    pid: process.pid,
    counts: standIn.store.counts(),
    seedMs: Math.round(standIn.seedMs),
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
  process.send?.({ type: 'ready', ...ready });
  const stop = () => {
    void standIn.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
}

/** `Cases=a,b;Accounts=c` → {Cases: [a, b], Accounts: [c]}; an empty list audits nothing. */
function parseAudited(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of text.split(';').filter((p) => p.trim() !== '')) {
    const [module, fields = ''] = part.split('=');
    if (!module) throw new Error(`--cpu-audited: ${part} is not Module=field,field`);
    out[module.trim()] = fields
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== '');
  }
  return out;
}

main().catch((error: unknown) => {
  process.stderr.write(`stand-in: ${(error as Error).message}\n`);
  process.exit(1);
});
