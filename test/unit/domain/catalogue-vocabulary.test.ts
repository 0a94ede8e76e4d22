import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMPTY_CASE_FIELDS } from '../../../bridge/src/domain/case/case-fields.js';
import {
  CONTRACT_STATES,
  COVERAGE_KEYS,
  evaluateAccount,
  evaluateTimeEntry,
  HOURS_STATES,
  RESOLUTION_STATUSES,
  RESPONSE_STATUSES,
} from '../../../bridge/src/domain/index.js';
import { defaultPolicy } from '../../../bridge/src/domain/policy/default-policy.js';
import { TIME_CATEGORIES } from '../../../bridge/src/domain/policy/policy.schema.js';
import {
  CAUSES,
  ENVIRONMENTS,
  REPORTABLE_VALUES,
  SEVERITIES,
} from '../../../bridge/src/domain/severity/severity.js';
import { account, timeEntry } from '../../support/domain-builders.js';

interface Catalogue {
  enums: Record<string, { options: Array<{ key: string }> }>;
  fields: Array<{ module: string; name: string; writer: string; options?: string }>;
}
const catalogue = JSON.parse(readFileSync('schemas/field-catalogue.json', 'utf8')) as Catalogue;
const keys = (list: string) =>
  (catalogue.enums[list]?.options ?? []).map((option) => option.key).filter((key) => key !== '');
const bridgeFields = (module: string) =>
  catalogue.fields
    .filter((field) => field.module === module && field.writer === 'bridge')
    .map((field) => field.name)
    .sort();

describe('the domain speaks the field catalogue', () => {
  it.each<[string, readonly string[]]>([
    ['sla_coverage_list', COVERAGE_KEYS],
    ['sla_response_status_list', RESPONSE_STATUSES],
    ['sla_resolution_status_list', RESOLUTION_STATUSES],
    ['sla_hours_state_list', HOURS_STATES],
    ['sla_contract_state_list', CONTRACT_STATES],
    ['sla_severity_list', SEVERITIES],
    ['sla_environment_list', ENVIRONMENTS],
    ['sla_cause_list', CAUSES],
    ['sla_reportable_list', REPORTABLE_VALUES],
    ['sla_time_category_list', TIME_CATEGORIES],
  ])('%s', (list, domainKeys) => {
    expect([...domainKeys].sort()).toEqual(keys(list).sort());
  });

  it('writes exactly the bridge-written fields of each module', () => {
    expect(Object.keys(EMPTY_CASE_FIELDS).sort()).toEqual(bridgeFields('Cases'));
    const accountFields = evaluateAccount({
      account: account(),
      timeEntries: [],
      policy: defaultPolicy(),
      context: { now: Date.parse('2023-06-05T12:00:00Z') },
    }).fields;
    expect(Object.keys(accountFields).sort()).toEqual(bridgeFields('Accounts'));
    const entryFields = evaluateTimeEntry({
      entry: timeEntry(),
      account: account(),
      policy: defaultPolicy(),
    }).fields;
    expect(Object.keys(entryFields).sort()).toEqual(bridgeFields('SLA_TimeEntries'));
  });
});
