import type { AttributeProblem } from './attribute-codec.js';
import { CATALOGUE } from './catalogue.js';
import type { Catalogue, ModuleName } from './catalogue-schema.js';

/**
 * An unreadable attribute in words a support engineer can act on: the field's label as SuiteCRM
 * shows it, the value (shortened), and what is wrong with it, e.g.
 * `Contract start "2026-02-30" is not a date (YYYY-MM-DD)`. The sync writes this after
 * `not computed: ` on the record (and on what depends on it).
 */
export function describeAttributeProblem(
  module: ModuleName,
  problem: AttributeProblem,
  catalogue: Catalogue = CATALOGUE,
): string {
  const label = fieldLabel(module, problem.field, catalogue);
  if (typeof problem.value !== 'string') return `${label}: ${problem.reason}`;
  return `${label} ${JSON.stringify(shorten(problem.value))} ${problem.reason}`;
}

/** Stock SuiteCRM fields the bridge reads, as the web UI labels them. */
const CORE_LABELS: Record<string, string> = {
  name: 'Name',
  case_number: 'Number',
  status: 'Status',
  state: 'State',
  priority: 'Priority',
  account_id: 'Account',
  assigned_user_id: 'Assigned to',
  description: 'Description',
  date_entered: 'Date created',
  date_modified: 'Date modified',
  deleted: 'Deleted',
};

export function fieldLabel(module: ModuleName, field: string, catalogue: Catalogue = CATALOGUE): string {
  const own = catalogue.fields.find((entry) => entry.module === module && entry.name === field);
  return own?.labels.en_us ?? CORE_LABELS[field] ?? field;
}

/** A raw value can be anything up to a megabyte: the reason quotes its start only. */
function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
