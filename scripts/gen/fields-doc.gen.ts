import {
  CATALOGUE,
  coreFieldsOf,
  enumOptions,
  fieldsOf,
  labelKey,
  type PlanOption,
} from '../../bridge/src/catalogue/catalogue.js';
import {
  type Catalogue,
  type CatalogueField,
  MODULE_NAMES,
  type ModuleName,
} from '../../bridge/src/catalogue/catalogue-schema.js';
import type { GeneratedFile } from './generated-file.js';
import { CATALOGUE_SOURCE, noticeText, POLICY_SOURCE } from './notice.js';
import { defaultPolicyPlans } from './sources.js';

/**
 * docs/fields.md, all of it: one table per module a SuiteCRM admin can read (label, field, type,
 * who writes it, meaning), then the dropdown lists. Generated so the page can never disagree
 * with the catalogue the package and the bridge are built from.
 */
const GENERATOR = 'scripts/gen/fields-doc.gen.ts';
export const FIELDS_DOC = 'docs/fields.md';

const MODULE_HEADINGS: Record<ModuleName, string> = {
  Accounts: 'Accounts: the contract',
  Cases: 'Cases: the SLA',
  SLA_TimeEntries: 'Support time (module `SLA_TimeEntries`)',
};

const WRITER_TEXT = { staff: 'staff', hook: 'package hook', bridge: 'bridge (read-only)' } as const;

function typeText(field: CatalogueField): string {
  switch (field.type) {
    case 'enum':
      return `dropdown \`${field.options}\``;
    case 'bool':
      return 'checkbox';
    case 'date':
      return 'date';
    case 'datetimecombo':
      return 'date and time';
    case 'decimal':
      return `decimal (${field.len},${field.precision})`;
    case 'int':
      return 'whole number';
    case 'varchar':
      return `text (${field.len})`;
    case 'text':
      return 'long text';
    case 'id':
      return 'record id';
  }
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table padded the way the repository's formatter (Biome) writes it. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const all = [header, ...rows].map((row) => row.map(cell));
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => [...(row[i] ?? '')].length)));
  const line = (row: readonly string[]) =>
    `| ${row.map((text, i) => text + ' '.repeat((widths[i] ?? 0) - [...text].length)).join(' | ')} |`;
  const [head, ...body] = all;
  return [line(head ?? []), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)];
}

function moduleSection(module: ModuleName, catalogue: Catalogue): string[] {
  const rows = fieldsOf(module, {}, catalogue).map((field) => [
    field.labels.en_us,
    `\`${field.name}\``,
    typeText(field),
    WRITER_TEXT[field.writer],
    field.meaning,
  ]);
  const core = coreFieldsOf(module, catalogue).map((field) => `\`${field.name}\``);
  const links = catalogue.relationships
    .filter((relationship) => relationship.lhsModule === module || relationship.rhsModule === module)
    .map((relationship) =>
      relationship.lhsModule === module
        ? `\`${relationship.lhsLink}\` (its ${catalogue.modules[relationship.rhsModule].labels?.en_us ?? relationship.rhsModule} records)`
        : `\`${relationship.rhsLink}\` (the ${relationship.lhsModule} record, by \`${relationship.rhsKey}\`)`,
    );
  const lines = [
    `## ${MODULE_HEADINGS[module]}`,
    '',
    ...table(['Label', 'Field', 'Type', 'Written by', 'Meaning'], rows),
    '',
  ];
  if (links.length > 0) lines.push(`Links (for subpanels, reports and the API): ${links.join(', ')}.`, '');
  lines.push(`The bridge also reads SuiteCRM's own ${core.join(', ')}.`, '');
  return lines;
}

function enumSection(catalogue: Catalogue, plans: PlanOption[]): string[] {
  const lines = ['## Dropdown lists', ''];
  for (const [name, list] of Object.entries(catalogue.enums)) {
    const used = catalogue.fields
      .filter((field) => field.options === name)
      .map((field) => `\`${field.name}\``);
    const note =
      list.source === 'policy'
        ? ' The plans after "free" are the policy\'s; the package ships the default policy\'s plans.'
        : '';
    lines.push(`\`${name}\` (used by ${used.join(', ')}).${note}`, '');
    const rows = enumOptions(name, plans, catalogue).map((option) => [
      option.key === '' ? '(blank)' : `\`${option.key}\``,
      option.en_us,
      option.es_ES,
    ]);
    lines.push(...table(['Key', 'English', 'Spanish'], rows), '');
  }
  return lines;
}

export function fieldsDoc(catalogue: Catalogue, plans: PlanOption[]): string {
  const lines = [
    '# Fields',
    '',
    `<!-- ${noticeText(GENERATOR, [CATALOGUE_SOURCE, POLICY_SOURCE])} -->`,
    '',
    'Every field the package adds, and who writes it. **Staff** fill in their fields in SuiteCRM.',
    'The package **hook** writes its fields on every save of a case. The **bridge** computes its',
    'fields and writes them through the API. Bridge fields cannot be inline-edited, mass-updated',
    'or imported, and if someone changes one anyway, the next sync restores it. Labels are in',
    `English and Spanish; each field's label key is \`LBL_\` plus its name without \`_c\` (e.g. \`${labelKey({ name: 'sla_plan_c' })}\`).`,
    'Why the fields are split this way: [architecture.md](architecture.md#who-owns-which-field).',
    '',
    ...MODULE_NAMES.flatMap((module) => moduleSection(module, catalogue)),
    ...enumSection(catalogue, plans),
  ];
  while (lines.at(-1) === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

export function generate(): GeneratedFile[] {
  return [{ path: FIELDS_DOC, content: fieldsDoc(CATALOGUE, defaultPolicyPlans()) }];
}
