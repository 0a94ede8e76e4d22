import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FieldSpec,
  parseAttribute,
  parseAttributes,
} from '../../../bridge/src/catalogue/attribute-codec.js';
import { formatSuiteDateTime, storedAttribute } from '../../../bridge/src/catalogue/attribute-write.js';
import { decimalText } from '../../../bridge/src/catalogue/decimal-text.js';
import {
  accountCodec,
  parseAccountAttributes,
} from '../../../bridge/src/catalogue/generated/accounts.generated.js';
import {
  caseCodec,
  parseCaseAttributes,
  toCasePatch,
} from '../../../bridge/src/catalogue/generated/cases.generated.js';
import { MODULE_CODECS } from '../../../bridge/src/catalogue/generated/modules.generated.js';
import { parseTimeEntryAttributes } from '../../../bridge/src/catalogue/generated/time-entries.generated.js';
import { isBridgeError } from '../../../bridge/src/errors/bridge-error.js';
import { loadCapture } from '../../support/capture-file.js';

const at = (iso: string) => Date.parse(iso);

/** The attributes object of a captured JSON:API response. */
function capturedAttributes(name: string): Record<string, unknown> {
  const body = JSON.parse(loadCapture(name).response.body) as {
    data: { attributes: Record<string, unknown> };
  };
  return body.data.attributes;
}

function one(spec: FieldSpec, raw: unknown) {
  return parseAttribute('f', spec, raw);
}

describe('reading V8 attributes (every value a string)', () => {
  it('reads "" as null for every type but checkboxes, which read as unticked', () => {
    const { values, problems } = parseCaseAttributes(
      Object.fromEntries(Object.keys(caseCodec.fields).map((field) => [field, ''])),
    );
    expect(problems).toEqual([]);
    for (const [field, value] of Object.entries(values)) {
      expect(value, field).toBe(field === 'deleted' ? false : null);
    }
  });

  it('reads checkboxes "0"/"1" as booleans and reports anything else', () => {
    expect(one({ type: 'bool', writer: 'staff' }, '1')).toEqual({ ok: true, value: true });
    expect(one({ type: 'bool', writer: 'staff' }, '0')).toEqual({ ok: true, value: false });
    const bad = parseAccountAttributes({ sla_refunded_c: 'yes' });
    expect(bad.values.sla_refunded_c).toBe(false);
    expect(bad.problems.map((p) => p.message)).toEqual([
      'sla_refunded_c: "yes" is not a checkbox value ("0" or "1")',
    ]);
  });

  it('reads numbers, and names the field and the text when one is not a number', () => {
    const { values, problems } = parseAccountAttributes({
      sla_reserved_hours_c: 'abc',
      sla_hours_used_c: '12.50',
      sla_hours_remaining_c: '-3.25',
    });
    expect(values.sla_reserved_hours_c).toBeNull();
    expect(values.sla_hours_used_c).toBe(12.5);
    expect(values.sla_hours_remaining_c).toBe(-3.25);
    expect(problems).toEqual([
      {
        field: 'sla_reserved_hours_c',
        value: 'abc',
        message: 'sla_reserved_hours_c: "abc" is not a number',
        reason: 'is not a number',
      },
    ]);
  });

  it('reads a float column default "0.00000000" as 0, "-0.00" as 0 (not -0), and refuses fractions in ints', () => {
    expect(one({ type: 'decimal', writer: 'bridge', len: 10, precision: 2 }, '0.00000000')).toEqual({
      ok: true,
      value: 0,
    });
    const negativeZero = one({ type: 'decimal', writer: 'bridge' }, '-0.00');
    expect(negativeZero.ok && Object.is(negativeZero.value, 0)).toBe(true);
    const { values, problems } = parseCaseAttributes({
      sla_response_minutes_c: '75',
      sla_paused_minutes_c: '1.5',
    });
    expect(values.sla_response_minutes_c).toBe(75);
    expect(problems.map((p) => p.message)).toEqual(['sla_paused_minutes_c: "1.5" is not a whole number']);
  });

  it('reads dates as YYYY-MM-DD, a zero date as blank, and reports days that do not exist', () => {
    const { values, problems } = parseAccountAttributes({
      sla_contract_start_c: '2024-02-29',
      sla_paid_through_c: '0000-00-00',
      sla_cancelled_on_c: '2026-02-29',
    });
    expect(values.sla_contract_start_c).toBe('2024-02-29');
    expect(values.sla_paid_through_c).toBeNull();
    expect(values.sla_cancelled_on_c).toBeNull();
    expect(problems.map((p) => p.message)).toEqual([
      'sla_cancelled_on_c: "2026-02-29" is not a date (YYYY-MM-DD)',
    ]);
  });

  it('reads datetimes as epoch milliseconds (capture 70: UTC +00:00, seconds zeroed)', () => {
    const attributes = capturedAttributes('70-case-get-single');
    const { values, problems } = parseCaseAttributes(attributes);
    expect(problems).toEqual([]);
    expect(values.date_entered).toBe(at(attributes.date_entered as string));
    expect(new Date(values.date_modified ?? 0).getUTCSeconds()).toBe(0);
  });

  it('honours an explicit offset, reads zero datetimes as blank and reports the rest', () => {
    const spec: FieldSpec = { type: 'datetimecombo', writer: 'bridge' };
    expect(one(spec, '2026-11-25T12:57:00+01:00')).toEqual({ ok: true, value: at('2026-11-25T11:57:00Z') });
    expect(one(spec, '-0001-11-30T00:00:00+00:00')).toEqual({ ok: true, value: null });
    expect(one(spec, '0000-00-00 00:00:00')).toEqual({ ok: true, value: null });
    const bad = one(spec, '2026-11-25 12:57:00');
    expect(bad.ok ? '' : bad.problem.message).toBe(
      'f: "2026-11-25 12:57:00" is not a date and time with a UTC offset',
    );
  });

  it('decodes HTML entities in text (captures 138-139) and passes unknown dropdown keys through', () => {
    const attributes = capturedAttributes('139-case-get-after-html-encoding');
    const { values } = parseAttributes<{ lab_external_ref_c: string | null; description: string | null }>(
      {
        lab_external_ref_c: { type: 'varchar', writer: 'staff', len: 100 },
        description: { type: 'text', writer: 'core' },
      },
      attributes,
    );
    expect(values.lab_external_ref_c).toBe('O\'Brien & <b>x</b> "q" ñ [[1,2]]');
    expect(values.description).toBe('Line1\nO\'Brien & Co  {"a":[1]} ñ');
    const { values: c, problems } = parseCaseAttributes({ sla_severity_c: '7', status: 'Open_R&amp;D' });
    expect(c.sla_severity_c).toBe('7');
    expect(c.status).toBe('Open_R&D');
    expect(problems).toEqual([]);
  });

  it('reports a non-string attribute (link fields come as {} or "") and reads the rest', () => {
    const { values, problems } = parseCaseAttributes({ name: { a: 1 }, case_number: '7' });
    expect(values.name).toBeNull();
    expect(values.case_number).toBe(7);
    expect(problems.map((p) => p.message)).toEqual(['name: expected a string, got an object']);
  });

  it('accepts JSON booleans and numbers for checkboxes and numbers (a bean formatted by a save)', () => {
    const { values, problems } = parseAccountAttributes({
      sla_refunded_c: true,
      sla_will_not_renew_c: 0,
      sla_hours_used_c: 12.5,
      sla_product_versions_c: 7,
    });
    expect([values.sla_refunded_c, values.sla_will_not_renew_c, values.sla_hours_used_c]).toEqual([
      true,
      false,
      12.5,
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'sla_product_versions_c: expected a string, got a number',
    ]);
  });

  it('lists absent fields as missing (sparse fieldsets), not as problems', () => {
    const { values, problems, missing } = parseTimeEntryAttributes({ hours: '1.25', category: 'support' });
    expect(problems).toEqual([]);
    expect(values.hours).toBe(1.25);
    expect(values.work_date).toBeNull();
    expect(missing).toContain('work_date');
    expect(missing).not.toContain('hours');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(
            fc.constantFrom(...Object.keys(caseCodec.fields)),
            fc.oneof(fc.string(), fc.anything()),
          ),
        ),
        (raw) => {
          const result = parseCaseAttributes(raw);
          expect(Object.keys(result.values)).toHaveLength(Object.keys(caseCodec.fields).length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a whole captured Case with every core field (capture 70)', () => {
    const { values, problems } = parseCaseAttributes(capturedAttributes('70-case-get-single'));
    expect(problems).toEqual([]);
    expect(typeof values.case_number).toBe('number');
    expect(values.deleted).toBe(false);
  });
});

describe('writing: typed values to PATCH attributes', () => {
  it('writes datetimes as UTC Y-m-d H:i:s, decimals as rounded numbers, booleans, and "" to clear', () => {
    expect(
      toCasePatch({
        sla_response_due_c: at('2026-11-24T17:30:45.900Z'),
        sla_hours_logged_c: 1.005,
        sla_response_minutes_c: 75,
        sla_response_status_c: 'breached',
        sla_resolution_due_c: null,
        sla_explanation_c: null,
      }),
    ).toEqual({
      sla_response_due_c: '2026-11-24 17:30:45',
      sla_hours_logged_c: 1.01,
      sla_response_minutes_c: 75,
      sla_response_status_c: 'breached',
      sla_resolution_due_c: '',
      sla_explanation_c: '',
    });
    expect(
      MODULE_CODECS.SLA_TimeEntries.toPatch({ counts_against_plan: false, term_start: '2026-01-31' }),
    ).toEqual({
      counts_against_plan: false,
      term_start: '2026-01-31',
    });
  });

  it('refuses values of the wrong type or unknown fields (a bug in the caller, not bad data)', () => {
    const errors = [
      () => toCasePatch({ sla_response_minutes_c: 1.5 }),
      () => toCasePatch({ sla_response_due_c: Number.NaN }),
      () => accountCodec.toPatch({ sla_term_end_c: '2026-02-30' }),
      () => caseCodec.toPatch({ nope_c: 'x' } as never),
    ].map((write) => {
      try {
        write();
        return 'no error';
      } catch (error) {
        return isBridgeError(error) ? error.code : 'other error';
      }
    });
    expect(errors).toEqual(['internal', 'internal', 'internal', 'internal']);
  });

  it('formats instants before 1000 and around midnight with zero padding', () => {
    expect(formatSuiteDateTime(at('2026-01-02T03:04:05Z'))).toBe('2026-01-02 03:04:05');
  });
});

describe('what SuiteCRM hands back after storing a value', () => {
  const varchar: FieldSpec = { type: 'varchar', writer: 'staff', len: 100 };
  const text: FieldSpec = { type: 'text', writer: 'core' };

  it('encodes text as the captures show (138 sent, 139 read back)', () => {
    expect(storedAttribute('lab_external_ref_c', varchar, 'O\'Brien & <b>x</b> "q" ñ [[1,2]]')).toBe(
      'O&#039;Brien &amp; &lt;b&gt;x&lt;/b&gt; &quot;q&quot; ñ [[1,2]]',
    );
    expect(
      storedAttribute('description', text, 'Line1\nO\'Brien & Co <script>alert(1)</script> {"a":[1]} ñ'),
    ).toBe('Line1\nO\'Brien &amp; Co  {"a":[1]} ñ');
  });

  it('drops seconds from datetimes, rounds decimals to their precision, keeps checkboxes and blanks', () => {
    expect(caseCodec.storedAttribute('sla_response_due_c', at('2026-11-24T17:30:45Z'))).toBe(
      '2026-11-24T17:30:00+00:00',
    );
    expect(caseCodec.normaliseStored('sla_response_due_c', at('2026-11-24T17:30:45Z'))).toBe(
      at('2026-11-24T17:30:00Z'),
    );
    expect(caseCodec.storedAttribute('sla_hours_logged_c', 12.5)).toBe('12.50');
    expect(caseCodec.normaliseStored('sla_hours_logged_c', 2.675)).toBe(2.68);
    expect(accountCodec.normaliseStored('sla_refunded_c', true)).toBe(true);
    expect(caseCodec.storedAttribute('sla_resolution_due_c', null)).toBe('');
  });

  it('keeps a varchar column to its length, counting & as the five characters SuiteCRM stores', () => {
    const long = 'a'.repeat(300);
    expect(caseCodec.normaliseStored('sla_data_problem_c', long)).toBe('a'.repeat(255));
    expect(caseCodec.normaliseStored('sla_data_problem_c', `${'a'.repeat(250)}&b`)).toBe(
      `${'a'.repeat(250)}&`,
    );
    expect(caseCodec.normaliseStored('sla_data_problem_c', `${'a'.repeat(251)}&b`)).toBe('a'.repeat(251));
    expect(toCasePatch({ sla_data_problem_c: long }).sla_data_problem_c).toBe('a'.repeat(255));
  });

  it('drops script elements, also one that removing another would form', () => {
    expect(caseCodec.normaliseStored('sla_explanation_c', 'a<scr<script>x</script>ipt>y</script>b')).toBe(
      'ab',
    );
  });

  it('writes only real differences', () => {
    const stored = parseCaseAttributes({
      sla_response_due_c: '2026-11-24T17:30:00+00:00',
      sla_hours_logged_c: '12.50',
      sla_response_status_c: 'pending',
      sla_severity_note_c: 'O&#039;Brien &amp; Co',
    }).values;
    const changes = caseCodec.changes(stored, {
      sla_response_due_c: at('2026-11-24T17:30:59Z'), // same minute: SuiteCRM shows the same value
      sla_hours_logged_c: 12.504, // same at 2 places
      sla_response_status_c: 'at_risk',
      sla_severity_note_c: "O'Brien & Co",
      sla_explanation_c: 'new',
    });
    expect(changes).toEqual({ sla_response_status_c: 'at_risk', sla_explanation_c: 'new' });
  });

  const decimalSpec: FieldSpec = { type: 'decimal', writer: 'bridge', len: 10, precision: 2 };
  const valuesByType: Record<string, fc.Arbitrary<unknown>> = {
    decimal: fc.double({ min: -99_999_999, max: 99_999_999, noNaN: true }),
    int: fc.integer({ min: -1_000_000, max: 1_000_000 }),
    datetimecombo: fc.integer({ min: at('1990-01-01T00:00:00Z'), max: at('2090-01-01T00:00:00Z') }),
    date: fc
      .date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    bool: fc.boolean(),
    varchar: fc.string({ maxLength: 300 }),
    text: fc.string({ maxLength: 300 }),
    enum: fc.string({ maxLength: 20 }),
  };
  const specs: Record<string, FieldSpec> = {
    decimal: decimalSpec,
    int: { type: 'int', writer: 'bridge', len: 11 },
    datetimecombo: { type: 'datetimecombo', writer: 'bridge' },
    date: { type: 'date', writer: 'bridge' },
    bool: { type: 'bool', writer: 'bridge' },
    varchar: { type: 'varchar', writer: 'bridge', len: 255 },
    text: { type: 'text', writer: 'bridge' },
    enum: { type: 'enum', writer: 'bridge', len: 20, options: 'x_list' },
  };

  for (const [type, arbitrary] of Object.entries(valuesByType)) {
    it(`reads back a stored ${type} without problems, and storing what was read changes nothing`, () => {
      const spec = specs[type] as FieldSpec;
      fc.assert(
        fc.property(fc.option(arbitrary, { nil: null }), (value) => {
          if (type === 'bool' && value === null) return;
          const stored = storedAttribute('f', spec, value);
          const read = parseAttribute('f', spec, stored);
          expect(read.ok).toBe(true);
          if (!read.ok) return;
          expect(storedAttribute('f', spec, read.value)).toBe(stored);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('rounds decimals half away from zero from their shortest decimal text', () => {
    expect([1.005, 2.675, -2.675, 0.995, 9.995, 1e-7, 0.5].map((v) => decimalText(v, 2))).toEqual([
      '1.01',
      '2.68',
      '-2.68',
      '1.00',
      '10.00',
      '0.00',
      '0.50',
    ]);
    expect(decimalText(-2.5, 0)).toBe('-3');
    expect(decimalText(-0.004, 2)).toBe('0.00');
  });
});
