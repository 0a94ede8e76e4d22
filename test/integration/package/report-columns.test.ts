import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE, coreFieldsOf, fieldsOf, moduleOf } from '../../../bridge/src/catalogue/catalogue.js';
import type { ModuleName } from '../../../bridge/src/catalogue/catalogue-schema.js';
import { relateFieldName } from '../../../scripts/gen/suitecrm-php.gen.js';
import { runPhp } from '../../support/php.js';
import { needPhp } from '../../support/services.js';

/**
 * The column order of the ready-made reports, checked against how SuiteCRM 8.x builds a report's
 * SELECT. Modelled on SuiteCRM-Core public/legacy/modules/AOR_Reports/AOR_Report.php,
 * build_report_query_select(): it reads `$data = $field_module->field_defs[$field->field] ?? []`
 * BEFORE it sets `$field_module = $module` for the column (SuiteCRM 7.14.6's
 * modules/AOR_Reports/AOR_Report.php reads it after). So on 8.x:
 * - the first column has no vardef: a custom field is selected from the base table instead of
 *   `_cstm`, a relate field is not resolved, a date format is dropped (8.8.0: "Query Failed");
 * - a later column's vardef comes from the module the previous column ended on, which a relate
 *   column can move to the related module (its link join sets `$field_module`).
 * The rule: the first column, and any column right after a relate column, is a field stored in
 * the report module's own table, used without a date format.
 */
const php = needPhp();

type Kind = 'stored' | 'custom' | 'relate';

function kindOf(module: ModuleName, field: string): Kind | undefined {
  const relates = new Set(['assigned_user_name', 'created_by_name', 'modified_by_name']);
  for (const relationship of CATALOGUE.relationships.filter((r) => r.rhsModule === module)) {
    relates.add(relateFieldName(relationship));
  }
  if (relates.has(field)) return 'relate';
  if (field === 'id' || coreFieldsOf(module).some((f) => f.name === field)) return 'stored';
  if (fieldsOf(module).some((f) => f.name === field)) {
    return moduleOf(module).customFieldSuffix === '_c' ? 'custom' : 'stored';
  }
  return undefined;
}

interface Column {
  field: string;
  format: string;
  module_path: string[];
}

/** Where a column breaks the rule, or undefined. */
function breaksRule(module: ModuleName, columns: Column[]): string | undefined {
  for (const [index, column] of columns.entries()) {
    const kind = kindOf(module, column.field);
    if (kind === undefined) return `${column.field} is not a field of ${module}`;
    if (column.module_path.join('/') !== '') return `${column.field} is on another module's path`;
    const previous = index === 0 ? undefined : columns[index - 1];
    const needsNoVardef =
      index === 0 || (previous !== undefined && kindOf(module, previous.field) === 'relate');
    if (!needsNoVardef) continue;
    const where = index === 0 ? 'the first column' : `right after the relate column ${previous?.field}`;
    if (kind !== 'stored') return `${column.field} (${kind}) is ${where}`;
    if (column.format !== '') return `${column.field} has a format and is ${where}`;
  }
  return undefined;
}

describe('the rule the report columns follow', () => {
  const col = (field: string, format = ''): Column => ({ field, format, module_path: [''] });

  it('rejects the orders that returned nothing on SuiteCRM 8.8.0', () => {
    expect(
      breaksRule('SLA_TimeEntries', [col('assigned_user_name'), col('work_date', 'Y-m'), col('hours')]),
    ).toMatch(/assigned_user_name \(relate\) is the first column/);
    expect(breaksRule('Cases', [col('sla_reported_at_c', 'Y-m'), col('id')])).toMatch(
      /\(custom\) is the first/,
    );
    expect(
      breaksRule('SLA_TimeEntries', [
        col('hours'),
        col('sla_timeentries_accounts_name'),
        col('work_date', 'Y-m'),
      ]),
    ).toMatch(/work_date has a format and is right after the relate column sla_timeentries_accounts_name/);
    expect(breaksRule('SLA_TimeEntries', [col('work_date', 'Y-m')])).toMatch(/has a format/);
    expect(breaksRule('Cases', [col('no_such_field')])).toMatch(/not a field/);
  });

  it('accepts a stored first column followed by custom, relate and formatted columns', () => {
    expect(
      breaksRule('Cases', [col('id'), col('sla_reported_at_c', 'Y-m'), col('sla_response_status_c')]),
    ).toBe(undefined);
    expect(
      breaksRule('SLA_TimeEntries', [col('hours'), col('sla_timeentries_accounts_name'), col('hours')]),
    ).toBe(undefined);
  });
});

describe.skipIf(php.skip)('the ready-made reports on SuiteCRM 8.x', () => {
  const reports: Array<{
    values: Record<string, unknown>;
    children: Array<{ records: Array<{ values: Column }> }>;
  }> = [];
  beforeAll(() => {
    for (const language of ['en_us', 'es_ES']) {
      const run = runPhp(['test/php/dump-ready-made.php', language]);
      expect(run.stderr).toBe('');
      reports.push(...JSON.parse(run.stdout).filter((r: { module: string }) => r.module === 'AOR_Reports'));
    }
  });

  it('all six, in both languages, follow the rule', () => {
    expect(reports).toHaveLength(12);
    for (const report of reports) {
      const columns = (report.children[0]?.records ?? []).map((r) => r.values);
      expect(columns.length).toBeGreaterThan(1);
      expect(breaksRule(report.values.report_module as ModuleName, columns), String(report.values.name)).toBe(
        undefined,
      );
    }
  });
});
