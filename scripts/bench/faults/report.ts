import { counterDelta, writesBeyondBridgeFields } from '../../../test/support/fault-checks.js';
import { fmt } from '../measure.js';
import type { Log, Scenario, State } from './world.js';
import { seconds, signed } from './world.js';

/** The tests' three checks on a faulted world against its reference, and the line that reports them. */
function differingRecords(actual: State, expected: State): string[] {
  const keys = new Set([...Object.keys(actual.fields), ...Object.keys(expected.fields)]);
  return [...keys].filter(
    (key) => JSON.stringify(actual.fields[key]) !== JSON.stringify(expected.fields[key]),
  );
}

/** Events missing from `actual` plus events it holds more often than `expected` does. */
function ledgerDifference(actual: readonly string[], expected: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const key of expected) left.set(key, (left.get(key) ?? 0) + 1);
  const extra: string[] = [];
  for (const key of actual) {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else extra.push(`repeated or unexpected ${key}`);
  }
  const missing = [...left].flatMap(([key, n]) => Array.from({ length: n }, () => `missing ${key}`));
  return [...missing, ...extra];
}

export function report(log: Log, s: Scenario): boolean {
  const fields = differingRecords(s.faulted.state, s.reference.state);
  const ledger = ledgerDifference(s.faulted.state.events, s.reference.state.events);
  const foreign = writesBeyondBridgeFields(s.faulted.journal);
  const unmet = s.expect.filter(([, held]) => !held).map(([what]) => what);
  const ok = fields.length === 0 && ledger.length === 0 && foreign.length === 0 && unmet.length === 0;
  const delta = counterDelta(s.faulted.requests, s.reference.requests);
  const extra = Object.values(delta).reduce((total, n) => total + n, 0);
  const routes = Object.entries(delta)
    .map(([route, n]) => `${route} ${signed(n)}`)
    .join(', ');
  const patches = s.faulted.journal.filter((entry) => entry.method === 'PATCH').length;
  const also = s.expect.map(([what, held]) => `${what}: ${held ? 'yes' : 'NO'}`).join('; ');
  log(
    `${ok ? '  ok  ' : '  FAIL'} ${s.label} | ${s.faults} | ${s.passes} | ${signed(extra)} requests vs the reference (${routes || 'none'}) | wall ${seconds(s.faulted.wallMs)} (reference ${seconds(s.reference.wallMs)}) | records whose bridge fields differ ${fields.length} of ${fmt(Object.keys(s.reference.state.fields).length)}; events missing or repeated ${ledger.length} of ${fmt(s.reference.state.events.length)}; PATCHes with non-bridge fields ${foreign.length} of ${fmt(patches)}${also ? ` | ${also}` : ''}`,
  );
  if (!ok) {
    for (const key of fields.slice(0, 5)) {
      log(`  FAIL   ${key}: ${JSON.stringify(s.faulted.state.fields[key])}`);
      log(`         reference: ${JSON.stringify(s.reference.state.fields[key])}`);
    }
    for (const line of [...ledger.slice(0, 5), ...foreign.slice(0, 5)]) log(`  FAIL   ${line}`);
  }
  return ok;
}
