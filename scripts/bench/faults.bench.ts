import { configureLogging } from '../../bridge/src/logging/logger.js';
import { rateLimited, retriedErrors, tokenTrouble, twoPassReference } from './faults/absorbed.js';
import { storeDown, suiteCrmDown } from './faults/outage.js';
import { report } from './faults/report.js';
import { sigkill } from './faults/sigkill.js';
import { staffDuringSync } from './faults/staff-edits.js';
import { type Log, PAGE, type Scenario, seconds, TRACKING_START } from './faults/world.js';
import { fmt } from './measure.js';

/**
 * The fault scenarios of test/e2e/faults (docs/operations.md#faults-what-is-tested) at
 * bench scale, with the faults many and spread through the run rather than one. Each scenario
 * runs a reference world that nothing disturbs and a faulted world, seeded identically, through
 * the same passes at the same virtual instants, and ends with the tests' three checks: the
 * bridge's fields in SuiteCRM equal the reference's, the event ledger is the same (no event
 * missing or repeated), and no PATCH carried a field the bridge does not own. A failed check (or
 * a scenario's own expectation) prints FAIL, and `benchFaults` returns false.
 */
export async function benchFaults(log: Log, options: { accounts: number }): Promise<boolean> {
  const { accounts } = options;
  configureLogging({ level: 'silent', format: 'auto' });
  const results: boolean[] = [];
  const scenario = async (label: string, run: () => Promise<Scenario | undefined>) => {
    try {
      const measured = await run();
      if (measured) results.push(report(log, measured));
    } catch (error) {
      log(`  FAIL ${label}: ${(error as Error).stack ?? String(error)}`);
      results.push(false);
    }
  };
  try {
    const reference = await twoPassReference(accounts);
    const records = Object.values(reference.records).reduce((total, n) => total + n, 0);
    log(
      `Faults at bench scale: ${fmt(accounts)} accounts, ${fmt(records)} records (${Object.entries(
        reference.records,
      )
        .map(([module, n]) => `${module} ${fmt(n)}`)
        .join(
          ', ',
        )}), page size ${PAGE}, tracking start ${TRACKING_START}; each faulted world against a reference seeded identically, same passes at the same virtual instants`,
    );
    log(
      `  reference for (a)-(c): 2 passes (T0, T0+10 min), the first reading ${fmt(reference.listPages)} list pages and sending ${fmt(reference.patches)} PATCHes; wall ${seconds(reference.run.wallMs)}`,
    );
    await scenario('(a)', () => retriedErrors(accounts, reference));
    await scenario('(b)', () => rateLimited(accounts, reference));
    await scenario('(c)', () => tokenTrouble(accounts, reference));
    await scenario('(d)', () => suiteCrmDown(accounts));
    await scenario('(e)', () => storeDown(accounts, log));
    await scenario('(f)', () => sigkill(accounts));
    await scenario('(g)', () => staffDuringSync(accounts));
  } catch (error) {
    log(`  FAIL the reference run: ${(error as Error).stack ?? String(error)}`);
    results.push(false);
  } finally {
    configureLogging({ level: 'info', format: 'auto' });
  }
  const failed = results.filter((ok) => !ok).length;
  if (failed > 0) log(`FAIL: ${failed} of ${results.length} fault scenarios failed (the FAIL lines above)`);
  else
    log(
      `  all ${results.length} scenarios: bridge fields and event ledger equal to the reference, no PATCH beyond the bridge's fields`,
    );
  return failed === 0;
}
