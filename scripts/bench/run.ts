import { benchCalendar } from './calendar.bench.js';
import { benchClient } from './client.bench.js';
import { benchCost } from './cost.bench.js';
import { benchFaults } from './faults.bench.js';
import { benchFreshness } from './freshness.bench.js';
import { benchHook } from './hook.bench.js';
import { benchStandIn } from './standin.bench.js';
import { benchSync } from './sync.bench.js';

/**
 * `npm run bench`: every benchmark of the product, one after the other, printing figures and
 * the ratios that make them meaningful on a noisy shared machine. Run after `npm run build`
 * (the CLI benchmarks use the built binary). `--quick` runs the sync and fault benchmarks at a
 * tenth of their scale; `--only calendar|standin|client|sync|latency|cost|hook|freshness|faults` runs one of them. The
 * fault scenarios exit non-zero when any of their checks fails.
 */
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args[args.indexOf('--only') + 1];
const want = (name: string) => !args.includes('--only') || only === name;
const log = (line: string) => process.stdout.write(`${line}\n`);
log(`node ${process.version}, ${new Date().toISOString()}${quick ? ', quick (1/10 scale)' : ''}`);
if (want('calendar')) benchCalendar(log);
if (want('standin')) await benchStandIn(log);
if (want('client')) await benchClient(log);
if (want('sync')) await benchSync(log, { accounts: quick ? 1_000 : 10_000, latency: false });
if (want('latency')) await benchSync(log, { accounts: quick ? 100 : 1_000, latency: true });
if (want('hook')) benchHook(log, { iterations: quick ? 2_000 : 20_000 });
if (want('cost')) await benchCost(log, { accounts: quick ? 5 : 20 });
if (want('freshness')) await benchFreshness(log, { accounts: quick ? 20 : 200, saves: quick ? 10 : 40 });
if (want('faults') && !(await benchFaults(log, { accounts: quick ? 100 : 1_000 }))) process.exitCode = 1;
