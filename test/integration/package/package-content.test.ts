import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOGUE,
  coreFieldsOf,
  enumKeys,
  fieldsOf,
  isMachineWritten,
  labelKey,
  moduleLabels,
} from '../../../bridge/src/catalogue/catalogue.js';
import type { ModuleName } from '../../../bridge/src/catalogue/catalogue-schema.js';
import { PACKAGE_DEFINITION } from '../../../scripts/gen/package-definition.js';
import { defaultPolicyPlans } from '../../../scripts/gen/sources.js';
import { relateFieldName } from '../../../scripts/gen/suitecrm-php.gen.js';
import { ROOT, runPhp } from '../../support/php.js';
import { needPhp } from '../../support/services.js';

/**
 * What the package's hand-written PHP names, checked against the field catalogue: the fields of
 * the ready-made reports, workflows and email templates, the time-entry module's views, the
 * layout panels, and the fields the Cases hook works on.
 */
const php = needPhp();
const plans = defaultPolicyPlans();

type Values = Record<string, unknown>;
interface RecordTree {
  module: string;
  id: string;
  values: Values;
  children: Array<{ module: string; parent_field: string; records: Array<{ id: string; values: Values }> }>;
}

/** Fields a module has in SuiteCRM that the package relies on: catalogue fields, core fields, template fields, relate fields. */
function knownFields(module: ModuleName): Map<string, string> {
  const fields = new Map<string, string>();
  for (const field of coreFieldsOf(module)) fields.set(field.name, field.type);
  for (const field of fieldsOf(module)) fields.set(field.name, field.type);
  for (const name of ['id', 'assigned_user_name', 'created_by_name', 'modified_by_name'])
    fields.set(name, 'relate');
  fields.set('id', 'id');
  for (const relationship of CATALOGUE.relationships.filter((r) => r.rhsModule === module)) {
    fields.set(relateFieldName(relationship), 'relate');
  }
  return fields;
}

function optionsOf(module: ModuleName, field: string): string[] | undefined {
  const options = fieldsOf(module).find((f) => f.name === field)?.options;
  return options === undefined ? undefined : enumKeys(options, plans);
}

function multi(value: unknown): string[] {
  expect(value).toMatch(/^\^[^^]+\^(,\^[^^]+\^)*$/);
  return (value as string).slice(1, -1).split('^,^');
}

describe.skipIf(php.skip)('the ready-made reports, workflows and templates', () => {
  let english: RecordTree[] = [];
  let spanish: RecordTree[] = [];
  beforeAll(() => {
    const en = runPhp(['test/php/dump-ready-made.php', 'en_us']);
    const es = runPhp(['test/php/dump-ready-made.php', 'es_ES']);
    expect(en.stderr + es.stderr).toBe('');
    english = JSON.parse(en.stdout) as RecordTree[];
    spanish = JSON.parse(es.stdout) as RecordTree[];
  });
  const ofModule = (module: string) => english.filter((record) => record.module === module);

  it('are six reports, their charts, three workflows and two templates with fixed, unique UUIDs', () => {
    expect(ofModule('AOR_Reports')).toHaveLength(6);
    expect(ofModule('AOR_Charts')).toHaveLength(6);
    expect(ofModule('AOW_WorkFlow')).toHaveLength(3);
    expect(ofModule('EmailTemplates')).toHaveLength(2);
    const ids = english.flatMap((r) => [r.id, ...r.children.flatMap((g) => g.records.map((c) => c.id))]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^51a5[0-9a-f]{4}-0000-4000-a000-[0-9]{12}$/);
    expect(spanish.flatMap((r) => [r.id, ...r.children.flatMap((g) => g.records.map((c) => c.id))])).toEqual(
      ids,
    );
  });

  it('have English and Spanish names', () => {
    for (const [index, record] of english.entries()) {
      expect(spanish[index]?.values.name, String(record.values.name)).not.toBe(record.values.name);
      // A chart's name is its caption above the chart, inside its report: no package prefix.
      if (record.module === 'AOR_Charts') continue;
      expect(String(record.values.name)).toMatch(/^SLA support: /);
      expect(String(spanish[index]?.values.name)).toMatch(/^Soporte SLA: /);
    }
  });

  it('reports: columns and conditions on real fields, in the forms AOR needs', () => {
    for (const report of ofModule('AOR_Reports')) {
      const module = report.values.report_module as ModuleName;
      const known = knownFields(module);
      const [columns, conditions, charts] = report.children;
      expect([columns?.module, conditions?.module, charts?.module]).toEqual([
        'AOR_Fields',
        'AOR_Conditions',
        'AOR_Charts',
      ]);
      const grouped = (columns?.records ?? []).some((c) => c.values.group_by === 1);
      (columns?.records ?? []).forEach((column, index) => {
        const v = column.values;
        const where = `${report.values.name}: ${String(v.field)}`;
        expect(known.has(v.field as string), where).toBe(true);
        expect(v.module_path, where).toEqual(['']);
        expect(v.field_order, where).toBe(index);
        expect(v.display, where).toBe(1);
        if (v.format !== '')
          expect(['date', 'datetime', 'datetimecombo'], where).toContain(known.get(v.field as string));
        if (v.field_function !== '') expect(v.group_by, where).toBe(0);
        // Sorting on a date in a grouped report sorts on the raw column: MySQL's ONLY_FULL_GROUP_BY rejects it.
        if (grouped && v.sort_by !== '')
          expect(['date', 'datetime', 'datetimecombo'], where).not.toContain(known.get(v.field as string));
      });
      for (const condition of conditions?.records ?? []) {
        const v = condition.values;
        const where = `${report.values.name}: condition on ${String(v.field)}`;
        expect(known.has(v.field as string), where).toBe(true);
        expect(v.module_path, where).toEqual(['']);
        expect(
          ['Equal_To', 'Not_Equal_To', 'Greater_Than_or_Equal_To', 'Less_Than_or_Equal_To'],
          where,
        ).toContain(v.operator);
        const options = optionsOf(module, v.field as string);
        if (v.value_type === 'Multi') for (const key of multi(v.value)) expect(options, where).toContain(key);
        if (v.value_type === 'Value' && options !== undefined) expect(options, where).toContain(v.value);
        if (v.value_type === 'Date') expect((v.value as unknown[]).length, where).toBe(4);
      }
      expect(charts?.records).toEqual([]);
    }
  });

  it('charts: after their report, which they require, with axes on its columns and a type AOR draws', () => {
    // modules/AOR_Charts/AOR_Chart.php getValidChartTypes, and $fields[$this->x_field] over the
    // report's columns sorted by field_order (AOR_Report::getReportFields).
    const types = ['bar', 'line', 'pie', 'radar', 'stacked_bar', 'grouped_bar'];
    const charted = new Set<string>();
    for (const chart of ofModule('AOR_Charts')) {
      const reportId = chart.values.aor_report_id as string;
      const reportIndex = english.findIndex((r) => r.module === 'AOR_Reports' && r.id === reportId);
      expect(reportIndex, chart.id).toBeGreaterThanOrEqual(0);
      expect(english.indexOf(chart)).toBeGreaterThan(reportIndex);
      expect((chart as RecordTree & { requires?: unknown }).requires).toEqual({
        module: 'AOR_Reports',
        id: reportId,
      });
      expect(types).toContain(chart.values.type);
      const columns = english[reportIndex]?.children[0]?.records ?? [];
      for (const axis of ['x_field', 'y_field']) {
        const position = chart.values[axis] as number;
        expect(
          columns.some((c) => c.values.field_order === position),
          `${chart.id} ${axis}`,
        ).toBe(true);
      }
      if (chart.values.type === 'stacked_bar') {
        // AOR stacks rows by the main group and counts them: the report lists one row per case.
        const report = columns.map((c) => c.values);
        expect(report.filter((v) => v.group_display === 1)).toHaveLength(1);
        expect(report.every((v) => v.group_by === 0 && v.field_function === '')).toBe(true);
      }
      charted.add(reportId);
    }
    expect(charted.size).toBe(5);
  });

  it('the compliance report: covered cases with a decided response in the last 12 months', () => {
    const report = ofModule('AOR_Reports').find((r) => r.id === '51a50006-0000-4000-a000-000000000000');
    expect(report?.values.report_module).toBe('Cases');
    const conditions = (report?.children[1]?.records ?? []).map((c) => [c.values.field, c.values.value]);
    expect(conditions).toEqual([
      ['sla_coverage_c', 'covered'],
      ['sla_response_status_c', '^met^,^met_late^,^breached^'],
      ['sla_reported_at_c', ['now', 'minus', '12', 'month']],
    ]);
    const columns = (report?.children[0]?.records ?? []).map((c) => c.values.field);
    expect(columns).toEqual([
      'case_number',
      'sla_response_status_c',
      'sla_reported_at_c',
      'sla_effective_severity_c',
      'name',
    ]);
  });

  it('workflows: inactive, on save, every time, "changed to" conditions on real fields and values', () => {
    const templates = new Set(ofModule('EmailTemplates').map((t) => t.id));
    for (const workflow of ofModule('AOW_WorkFlow')) {
      const v = workflow.values;
      expect(v).toMatchObject({
        status: 'Inactive',
        run_when: 'On_Save',
        flow_run_on: 'All_Records',
        multiple_runs: 1,
        run_on_import: 0,
      });
      const module = v.flow_module as ModuleName;
      const [conditions, actions] = workflow.children;
      const [change, value] = conditions?.records ?? [];
      expect(conditions?.records).toHaveLength(2);
      expect(change?.values).toMatchObject({
        condition_order: 1,
        operator: 'Equal_To',
        value_type: 'Any_Change',
        value: '',
        module_path: [module],
      });
      expect(value?.values).toMatchObject({
        condition_order: 2,
        operator: 'Equal_To',
        field: change?.values.field,
        module_path: [module],
      });
      const options = optionsOf(module, change?.values.field as string);
      expect(options, String(change?.values.field)).toBeDefined();
      const wanted = value?.values.value_type === 'Multi' ? multi(value.values.value) : [value?.values.value];
      for (const key of wanted) expect(options).toContain(key);
      for (const action of actions?.records ?? []) {
        const parameters = action.values.parameters as Values;
        if (action.values.action === 'SendEmail') {
          expect(templates.has(parameters.email_template as string)).toBe(true);
          expect(parameters).toMatchObject({
            email_target_type: ['Related Field'],
            email: ['assigned_user_name'],
            email_to_type: ['to'],
          });
        } else {
          expect(action.values.action).toBe('CreateRecord');
          const fields = parameters.field as string[];
          expect((parameters.value as unknown[]).length).toBe(fields.length);
          expect((parameters.value_type as unknown[]).length).toBe(fields.length);
          expect(parameters.record_type).toBe('Tasks');
        }
      }
    }
  });

  it('templates: every $acase_ / $account_ variable is a field of the module', () => {
    for (const template of [
      ...ofModule('EmailTemplates'),
      ...spanish.filter((r) => r.module === 'EmailTemplates'),
    ]) {
      const text = `${template.values.subject} ${template.values.body} ${template.values.body_html}`;
      for (const [, prefix, field] of text.matchAll(/\$(acase|account)_([a-z0-9_]+)/g)) {
        const module: ModuleName = prefix === 'acase' ? 'Cases' : 'Accounts';
        expect(knownFields(module).has(field as string), `${prefix}_${field}`).toBe(true);
      }
      expect(template.values.type).toBe('email');
    }
  });
});

describe.skipIf(php.skip)('the time-entry module views', () => {
  let views: Record<string, { names: string[]; tabDefs?: string[]; panels?: string[] }> = {};
  beforeAll(() => {
    const run = runPhp(['test/php/dump-module-views.php']);
    expect(run.stderr).toBe('');
    views = JSON.parse(run.stdout);
  });

  it('use only fields the module has', () => {
    const known = knownFields('SLA_TimeEntries');
    const searchOnly = [
      'current_user_only',
      'assigned_user_id',
      'range_work_date',
      'start_range_work_date',
      'end_range_work_date',
    ];
    for (const [file, view] of Object.entries(views)) {
      if (file === 'Menu') continue;
      for (const name of view.names) {
        expect(
          known.has(name) || searchOnly.includes(name) || name === 'edit_button',
          `${file}: ${name}`,
        ).toBe(true);
      }
    }
    expect(views['subpanels/default']?.names).toContain('case_id');
  });

  it('label their panels and define their tabs', () => {
    const labels = Object.keys(moduleLabels('SLA_TimeEntries'));
    for (const file of ['detailviewdefs', 'editviewdefs', 'quickcreatedefs']) {
      const view = views[file];
      expect(view?.tabDefs).toEqual(view?.panels?.map((panel) => panel.toUpperCase()));
      for (const panel of view?.panels ?? []) expect(labels, file).toContain(panel.toUpperCase());
    }
  });

  it('let staff log time against a case, with the case and its account', () => {
    for (const file of ['editviewdefs', 'quickcreatedefs']) {
      expect(views[file]?.names).toEqual(
        expect.arrayContaining(['sla_timeentries_cases_name', 'work_date', 'hours', 'category']),
      );
      for (const field of fieldsOf('SLA_TimeEntries').filter(isMachineWritten)) {
        expect(views[file]?.names, `${file} leaves ${field.name} to the bridge`).not.toContain(field.name);
      }
    }
    expect(views.detailviewdefs?.names).toEqual(
      expect.arrayContaining(
        fieldsOf('SLA_TimeEntries')
          .filter(isMachineWritten)
          .map((f) => f.name),
      ),
    );
    expect(views.Menu?.names).toHaveLength(3);
  });
});

describe('the layout additions', () => {
  it('show every Accounts field on the contract panel and every Cases field but the change log, the input stamps and the sort key on the SLA panel', () => {
    // Bookkeeping for the hook and the bridge, not for staff: the log, and the SLA input stamp and
    // its echo that the badge and due cells compare ("SLA being updated", docs/staff-view.md).
    // The Response due sort key is shown nowhere: only the list view's header sorts on it.
    const notShown = new Set([
      CATALOGUE.changeLog.field,
      'sla_input_stamp_c',
      'sla_input_seen_c',
      'sla_response_sort_c',
    ]);
    const panel = (module: ModuleName) =>
      PACKAGE_DEFINITION.layoutPanels.find((p) => p.module === module)?.fields ?? [];
    expect([...panel('Accounts')].sort()).toEqual(
      fieldsOf('Accounts')
        .map((f) => f.name)
        .sort(),
    );
    expect([...panel('Cases')].sort()).toEqual(
      fieldsOf('Cases')
        .map((f) => f.name)
        .filter((name) => !notShown.has(name))
        .sort(),
    );
    for (const module of ['Accounts', 'Cases'] as const) {
      const key = PACKAGE_DEFINITION.layoutPanels.find((p) => p.module === module)?.panel.toUpperCase() ?? '';
      expect(moduleLabels(module)[key]?.en_us, key).toBeTruthy();
    }
  });

  it('put response status and due in the Cases list view, after every stock column', () => {
    expect(PACKAGE_DEFINITION.listColumns).toEqual([
      { module: 'Cases', after: '', fields: ['sla_response_status_c', 'sla_response_due_c'] },
    ]);
  });
});

describe('the fields the Cases hook works on', () => {
  const source = readFileSync(
    join(ROOT, 'suitecrm-module/custom/include/SupportSla/SupportSla_CaseSave.php'),
    'utf8',
  );
  const constant = (name: string) => new RegExp(`const ${name} = '([a-z0-9_]+)';`).exec(source)?.[1];
  const cases = (name: string | undefined) => fieldsOf('Cases').find((f) => f.name === name);

  it('are catalogue fields of the right kind', () => {
    expect(cases(constant('REPORTED_AT'))).toMatchObject({ type: 'datetimecombo', writer: 'staff' });
    expect(cases(constant('DOWNGRADED_AT'))).toMatchObject({ type: 'datetimecombo', writer: 'hook' });
    expect(Object.values(CATALOGUE.changeLog.tracked)).toContain(constant('DOWNGRADE_TO'));
    expect(labelKey({ name: constant('DOWNGRADED_AT') ?? '' })).toBe('LBL_SLA_DOWNGRADED_AT');
  });
});
