import { benchCalendar } from './calendar.bench.js';
import { benchStandIn } from './standin.bench.js';

/**
 * `npm run bench`: every benchmark of the product, one after the other, printing figures and
 * the ratios that make them meaningful on a noisy shared machine. Run after `npm run build`
 * (the CLI benchmarks use the built binary).
 */
const log = (line: string) => process.stdout.write(`${line}\n`);
log(`node ${process.version}, ${new Date().toISOString()}`);
benchCalendar(log);
await benchStandIn(log);
