import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../bridge/src/catalogue/canonical-json.js';
import {
  CATALOGUE,
  catalogueHash,
  customFields,
  enumKeys,
  fieldsByWriter,
  fieldsOf,
  findField,
  isMachineWritten,
  labelKey,
  parseCatalogue,
} from '../../../bridge/src/catalogue/catalogue.js';
import { CHANGE_LOG_FIELDS } from '../../../bridge/src/catalogue/change-log-entry.js';
import { isBridgeError } from '../../../bridge/src/errors/bridge-error.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const raw = (): Record<string, unknown> =>
  JSON.parse(readFileSync(join(ROOT, 'schemas', 'field-catalogue.json'), 'utf8')) as Record<string, unknown>;

/** The same JSON with every object's keys in reverse order, at every depth. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .reverse()
        .map(([key, item]) => [key, reverseKeys(item)]),
    );
  }
  return value;
}

function problemsOf(mutate: (catalogue: Record<string, unknown>) => void): string {
  const catalogue = raw();
  mutate(catalogue);
  try {
    parseCatalogue(catalogue);
  } catch (error) {
    if (isBridgeError(error)) return error.message;
    throw error;
  }
  return '';
}

type Json = Record<string, unknown> & { fields: Array<Record<string, unknown>> };
const field = (catalogue: Record<string, unknown>, name: string) =>
  (catalogue as Json).fields.find((f) => f.name === name) as Record<string, unknown>;

describe('the field catalogue', () => {
  it('parses, with every field labelled in English and Spanish', () => {
    expect(CATALOGUE.fields.length).toBeGreaterThan(40);
    for (const f of CATALOGUE.fields) {
      expect(f.labels.en_us, f.name).not.toBe('');
      expect(f.labels.es_ES, f.name).not.toBe('');
    }
  });

  it('names custom fields of Accounts and Cases with _c and the package module fields without', () => {
    for (const f of CATALOGUE.fields) {
      expect(f.name.endsWith('_c'), `${f.module}.${f.name}`).toBe(f.module !== 'SLA_TimeEntries');
    }
    expect(customFields().every((f) => f.module !== 'SLA_TimeEntries')).toBe(true);
  });

  it('leaves fields that inherit from the plan without a default, as enums or numbers', () => {
    const reserved = findField('Accounts', 'sla_reserved_hours_c');
    const cover = findField('Accounts', 'sla_phone_cover_c');
    expect(reserved?.type).toBe('decimal');
    expect(reserved?.default).toBeUndefined();
    expect(cover?.type).toBe('enum');
    expect(cover?.default).toBeUndefined();
    expect(enumKeys('sla_cover_list')).toEqual(['', 'yes', 'no']);
  });

  it('gives the staff defaults docs/sla-rules.md#severity decides', () => {
    expect(findField('Cases', 'sla_environment_c')?.default).toBe('unknown');
    expect(findField('Cases', 'sla_cause_c')?.default).toBe('unknown');
    expect(findField('Cases', 'sla_reportable_c')?.default).toBe('yes');
    expect(findField('SLA_TimeEntries', 'category')?.default).toBe('support');
  });

  it('uses datetimecombo for instants (a custom datetime cleared through the API can store a zero date)', () => {
    const instants = CATALOGUE.fields.filter((f) => f.name.endsWith('_at_c') || f.name.endsWith('_due_c'));
    expect(instants.length).toBeGreaterThan(3);
    for (const f of instants) expect(f.type, f.name).toBe('datetimecombo');
  });

  it('selects fields by module and writer', () => {
    const bridgeCases = fieldsOf('Cases', { writer: 'bridge' }).map((f) => f.name);
    expect(bridgeCases).toContain('sla_response_status_c');
    expect(bridgeCases).not.toContain('sla_severity_c');
    expect(fieldsByWriter('hook').map((f) => f.name)).toEqual([
      'sla_change_log_c',
      'sla_downgraded_at_c',
      'sla_input_stamp_c',
    ]);
    expect(isMachineWritten({ writer: 'hook' })).toBe(true);
    expect(isMachineWritten({ writer: 'staff' })).toBe(false);
  });

  it('names labels LBL_ plus the field name without _c, upper-cased', () => {
    expect(labelKey({ name: 'sla_plan_c' })).toBe('LBL_SLA_PLAN');
    expect(labelKey({ name: 'work_date' })).toBe('LBL_WORK_DATE');
  });

  it('appends the policy plans to the plan list after "" and "free"', () => {
    const plans = [
      { id: 'gold', label: 'Gold' },
      { id: 'silver', label: 'Silver' },
    ];
    expect(enumKeys('sla_plan_list', plans)).toEqual(['', 'free', 'gold', 'silver']);
    expect(enumKeys('sla_plan_list')).toEqual(['', 'free']);
    expect(() => enumKeys('sla_plan_list', [{ id: 'free', label: 'Free' }])).toThrow(/reserved/);
  });

  it('tracks exactly the change-log fields of the bridge, in the same order', () => {
    expect(Object.keys(CATALOGUE.changeLog.tracked)).toEqual([...CHANGE_LOG_FIELDS]);
  });
});

describe('catalogueHash', () => {
  it('is the sha256 hex of the canonical catalogue', () => {
    expect(catalogueHash()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not change with key order, formatting or $comment notes', () => {
    const reordered = parseCatalogue(reverseKeys(raw()));
    expect(canonicalJson(reverseKeys(raw()))).toBe(canonicalJson(raw()));
    expect(catalogueHash(reordered)).toBe(catalogueHash());
    const commented = raw();
    commented.$comment = 'a different note';
    expect(catalogueHash(parseCatalogue(commented))).toBe(catalogueHash());
  });

  it('changes when any contract detail changes', () => {
    const relabelled = raw();
    (field(relabelled, 'sla_plan_c').labels as Record<string, string>).es_ES = 'Plan';
    expect(catalogueHash(parseCatalogue(relabelled))).not.toBe(catalogueHash());
    const resized = raw();
    field(resized, 'sla_data_problem_c').len = 250;
    expect(catalogueHash(parseCatalogue(resized))).not.toBe(catalogueHash());
  });
});

describe('the catalogue schema refuses', () => {
  it('a custom field of Cases without _c', () => {
    expect(problemsOf((c) => (field(c, 'sla_cause_c').name = 'sla_cause'))).toMatch(/end in _c/);
  });

  it('an enum whose list does not exist, or whose default is not a key', () => {
    expect(problemsOf((c) => (field(c, 'sla_cause_c').options = 'sla_nope_list'))).toMatch(
      /unknown dropdown list/,
    );
    expect(problemsOf((c) => (field(c, 'sla_cause_c').default = 'maybe'))).toMatch(
      /not a key of sla_cause_list/,
    );
  });

  it('a decimal without precision, and a field defined twice', () => {
    expect(problemsOf((c) => delete field(c, 'sla_hours_used_c').precision)).toMatch(
      /needs len and precision/,
    );
    expect(problemsOf((c) => (c as Json).fields.push({ ...field(c, 'sla_plan_c') }))).toMatch(
      /defined twice/,
    );
  });

  it('a required field the bridge writes, and an unknown key (a typo)', () => {
    expect(problemsOf((c) => (field(c, 'sla_coverage_c').required = true))).toMatch(/only staff-written/);
    expect(problemsOf((c) => (field(c, 'sla_coverage_c').audit = true))).toMatch(/audit/);
  });

  it('a change log that misses a tracked field or names a field Cases lacks', () => {
    expect(
      problemsOf((c) => delete (c.changeLog as { tracked: Record<string, string> }).tracked.cause),
    ).toMatch(/changeLog\.tracked\.cause/);
    expect(
      problemsOf((c) => ((c.changeLog as { tracked: Record<string, string> }).tracked.cause = 'sla_nope_c')),
    ).toMatch(/Cases has no field sla_nope_c/);
  });

  it('form rules that do not fit their field: a bridge field, a number rule on a date, a comparison with no date', () => {
    const message = { en_us: 'x', es_ES: 'x' };
    expect(
      problemsOf(
        (c) => (field(c, 'sla_hours_used_c').validation = [{ check: 'range', min: 0, max: 1, message }]),
      ),
    ).toMatch(/only staff-written fields are validated/);
    expect(
      problemsOf(
        (c) => (field(c, 'sla_cancelled_on_c').validation = [{ check: 'decimals', places: 2, message }]),
      ),
    ).toMatch(/decimals applies to numbers/);
    expect(
      problemsOf(
        (c) =>
          (field(c, 'sla_paid_through_c').validation = [
            { check: 'notBefore', field: 'sla_plan_c', message },
          ]),
      ),
    ).toMatch(/names sla_plan_c, not a date field of Accounts/);
    expect(
      problemsOf(
        (c) => (field(c, 'sla_reserved_hours_c').validation = [{ check: 'range', min: 5, max: 1, message }]),
      ),
    ).toMatch(/min above max/);
    expect(problemsOf((c) => (field(c, 'hours').displayDefault = 'now'))).toMatch(/only date fields/);
  });

  it('a relationship whose key the module does not have', () => {
    expect(
      problemsOf(
        (c) =>
          (((c.relationships as Array<Record<string, string>>)[0] as Record<string, string>).rhsKey =
            'ticket_id'),
      ),
    ).toMatch(/has no field ticket_id/);
  });
});
