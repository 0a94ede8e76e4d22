import { describe, expect, it } from 'vitest';
import { formatChangeLogEntry } from '../../../bridge/src/standin/change-log-writer.js';
import { buildStore } from '../../../bridge/src/standin/index.js';
import type { Row } from '../../../bridge/src/standin/store/row.js';
import { type SaveContext, saveRecord } from '../../../bridge/src/standin/write/record-writer.js';

const T0 = Date.parse('2026-11-24T09:12:07Z');

function setup() {
  const store = buildStore({ scale: false }, T0);
  let n = 0;
  const context = (at: number, actor: SaveContext['actor'] = 'api', userId = '1'): SaveContext => ({
    now: at,
    user: store.user(userId),
    actor,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
  const create = (attributes: Record<string, unknown>, at = T0) =>
    saveRecord(store, { module: 'Cases', existing: undefined, attributes }, context(at));
  const update = (
    row: Row,
    attributes: Record<string, unknown>,
    at: number,
    actor: SaveContext['actor'] = 'api',
    userId = '1',
  ) =>
    saveRecord(
      store,
      { module: 'Cases', existing: store.get('Cases', row.id), attributes },
      context(at, actor, userId),
    );
  return { store, create, update };
}

describe("the package's Cases before_save hook, as the stand-in emulates it", () => {
  it('logs every non-blank tracked field of a new case, from blank, with the saving user and actor api', () => {
    const { create } = setup();
    const row = create({ name: 'Cannot log in', status: 'Open_New', sla_severity_c: '2' });
    // Environment, cause and reportable have catalogue defaults, so a new case has them too.
    expect(row.sla_change_log_c).toBe(
      [
        '2026-11-24T09:12:07Z|status||Open_New|1|api',
        '2026-11-24T09:12:07Z|severity||2|1|api',
        '2026-11-24T09:12:07Z|environment||unknown|1|api',
        '2026-11-24T09:12:07Z|cause||unknown|1|api',
        '2026-11-24T09:12:07Z|reportable||yes|1|api',
      ].join(';'),
    );
    expect(row.sla_reported_at_c).toBe('2026-11-24 09:12:07');
    expect(row.sla_downgraded_at_c).toBeNull();
  });

  it('appends one entry per changed field on an update, nothing for an unchanged save', () => {
    const { create, update } = setup();
    const row = create({ name: 'x', status: 'Open_New', sla_severity_c: '2' });
    const before = row.sla_change_log_c as string;
    const moved = update(row, { status: 'Open_Assigned', sla_cause_c: 'product', name: 'y' }, T0 + 60_000);
    expect(moved.sla_change_log_c).toBe(
      `${before};2026-11-24T09:13:07Z|status|Open_New|Open_Assigned|1|api;2026-11-24T09:13:07Z|cause|unknown|product|1|api`,
    );
    const same = update(moved, { name: 'z', status: 'Open_Assigned' }, T0 + 120_000);
    expect(same.sla_change_log_c).toBe(moved.sla_change_log_c);
    expect(same.date_modified).toBe('2026-11-24 09:14:07');
  });

  it('logs a person in the web UI as actor person with their user id (the bridge derives acknowledgement from it)', () => {
    const { create, update } = setup();
    const row = create({ name: 'x', status: 'Open_New' });
    const acknowledged = update(row, { status: 'Open_Assigned' }, T0 + 300_000, 'person', 'seed_sally_id');
    expect((acknowledged.sla_change_log_c as string).split(';').at(-1)).toBe(
      '2026-11-24T09:17:07Z|status|Open_New|Open_Assigned|seed_sally_id|person',
    );
    expect(acknowledged.modified_user_id).toBe('seed_sally_id');
  });

  it('stamps sla_downgraded_at_c when the downgrade changes and keeps it (seconds too) on later saves', () => {
    const { create, update } = setup();
    const row = create({ name: 'x', status: 'Open_New', sla_severity_c: '1' });
    const downgraded = update(row, { sla_downgrade_to_c: '2' }, T0 + 7_000);
    expect(downgraded.sla_downgraded_at_c).toBe('2026-11-24 09:12:14');
    expect((downgraded.sla_change_log_c as string).endsWith('|downgrade_to||2|1|api')).toBe(true);
    const later = update(downgraded, { name: 'renamed' }, T0 + 3_600_000);
    expect(later.sla_downgraded_at_c).toBe('2026-11-24 09:12:14');
    expect(later.sla_reported_at_c).toBe('2026-11-24 09:12:07');
  });

  it('fills sla_reported_at_c with the creation time only while it is blank', () => {
    const { create } = setup();
    expect(create({ name: 'x', sla_reported_at_c: '2026-11-24 08:00:00' }).sla_reported_at_c).toBe(
      '2026-11-24 08:00:00',
    );
    expect(create({ name: 'y' }).sla_reported_at_c).toBe('2026-11-24 09:12:07');
  });

  it('rewrites other custom datetimes to the minute on a later save (docs/package-internals.md#datetimes-on-later-saves)', () => {
    const { create, update } = setup();
    const row = create({ name: 'x', sla_response_due_c: '2026-11-24 17:30:45' });
    expect(row.sla_response_due_c).toBe('2026-11-24 17:30:45');
    expect(update(row, { name: 'y' }, T0 + 1000).sla_response_due_c).toBe('2026-11-24 17:30:00');
  });

  it('writes a value containing reserved characters escaped, so the log never holds & < > " \'', () => {
    const { create } = setup();
    const row = create({ name: 'x', status: "Open_<b>New</b> & 'more'" });
    const entry = (row.sla_change_log_c as string).split(';')[0] as string;
    expect(entry).not.toMatch(/[&<>"']/);
    expect(entry.split('|')[3]).toMatch(/%26|%3C/);
  });
});

describe('the change-log formatter', () => {
  it('formats one entry: UTC second, field, blank as empty, escapes, user, actor', () => {
    expect(
      formatChangeLogEntry({
        at: Date.parse('2026-11-24T09:12:07.999Z'),
        field: 'status',
        from: null,
        to: 'Open_Pending Input',
        userId: null,
        actor: 'person',
      }),
    ).toBe('2026-11-24T09:12:07Z|status||Open_Pending Input||person');
    expect(
      formatChangeLogEntry({
        at: 0,
        field: 'cause',
        from: 'a|b;c%',
        to: `x&y<z>"'\n`,
        userId: '1',
        actor: 'api',
      }),
    ).toBe('1970-01-01T00:00:00Z|cause|a%7Cb%3Bc%25|x%26y%3Cz%3E%22%27%0A|1|api');
  });
});
