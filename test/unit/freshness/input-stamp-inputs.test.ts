import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseAttributes } from '../../../bridge/src/catalogue/index.js';
import { STAMP_TEXT_INPUTS } from '../../../bridge/src/standin/write/case-save-rules.js';
import { MODULES } from '../../../bridge/src/sync/sync-modules.js';

/**
 * Rule R6 stamps a case when a save changes what the bridge computes its SLA from. The list of
 * those inputs is written twice, in the PHP hook and in the stand-in's model of it; both must be
 * the Cases attributes the bridge's case record is built from (`MODULES.Cases.toRecord`), minus
 * the ones left out on purpose.
 */
const LEFT_OUT: Record<string, string> = {
  sla_reported_at_c: 'compared to the minute, not as text (the bridge reads datetimes to the minute)',
  date_entered: 'no save changes it; the bean holds it without seconds, which would look like a change',
  sla_change_log_c: 'changes only when a tracked field changes, and those are inputs',
  sla_downgraded_at_c: 'the hook stamps it only when downgrade-to changes, which is an input',
  sla_input_stamp_c: 'the stamp itself',
};

function phpTextInputs(): string[] {
  const source = readFileSync('suitecrm-module/custom/include/SupportSla/SupportSla_InputStamp.php', 'utf8');
  const block = /const TEXT_INPUTS = array\(([^)]*)\);/.exec(source)?.[1] ?? '';
  return [...block.matchAll(/'([a-z_]+)'/g)].map((match) => match[1] as string);
}

/** Every attribute `toRecord` reads, found by handing it a record that notes each read. */
function attributesTheRecordReads(): string[] {
  const read = new Set<string>();
  const values = new Proxy({} as CaseAttributes, {
    get(_target, key) {
      if (typeof key === 'string') read.add(key);
      return null;
    },
  });
  MODULES.Cases.toRecord('case-1', values);
  return [...read];
}

describe('the SLA inputs rule R6 compares', () => {
  it('are the same in the PHP hook and in the stand-in', () => {
    expect(phpTextInputs()).toEqual([...STAMP_TEXT_INPUTS]);
  });

  it('are every attribute the bridge builds a case record from, except those left out on purpose', () => {
    const read = attributesTheRecordReads();
    expect(read.length).toBeGreaterThan(8);
    expect(read.filter((field) => !(field in LEFT_OUT)).sort()).toEqual([...STAMP_TEXT_INPUTS].sort());
    for (const field of Object.keys(LEFT_OUT)) expect(read, field).toContain(field);
  });
});
