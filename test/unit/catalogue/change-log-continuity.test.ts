import { describe, expect, it } from 'vitest';
import {
  changeLogContinuityProblems,
  describeChangeLogProblem,
} from '../../../bridge/src/catalogue/change-log.js';

/**
 * The bridge's check that a change log is continuous (issue 14 §6): each entry's "from" is the
 * previous "to" of the same field. A stale copy of the log posted back by a form (SuiteCRM 8's
 * record view posts every attribute) breaks it.
 */
const created = [
  '2026-12-07T12:53:27Z|status||Open_New|u1|person',
  '2026-12-07T12:53:27Z|severity||2|u1|person',
];

describe('change log continuity', () => {
  it('accepts a log whose entries follow on, field by field', () => {
    const log = [
      ...created,
      '2026-12-07T13:05:00Z|status|Open_New|Open_Assigned|u2|person',
      '2026-12-07T13:06:00Z|severity|2|1|u2|person',
      '2026-12-07T13:20:00Z|status|Open_Assigned|Open_New|u1|person',
    ].join(';');
    expect(changeLogContinuityProblems(log)).toEqual([]);
    expect(changeLogContinuityProblems('')).toEqual([]);
    expect(changeLogContinuityProblems(null)).toEqual([]);
  });

  it('names the entry whose "from" does not follow the previous entry of its field', () => {
    // B's entry (3) was lost from the copy A's form posted back; A's save then logged entry 4
    // from the stored status, so entry 4 follows nothing in the log.
    const log = [
      ...created,
      '2026-12-07T13:05:00Z|status|Open_New|Open_Assigned|u2|person',
      '2026-12-07T13:20:00Z|status|Open_New|Open_Pending Input|u1|person',
    ].join(';');
    expect(changeLogContinuityProblems(log).map(describeChangeLogProblem)).toEqual([
      'change log entry 4: status from Open_New does not match the previous entry, which set it to Open_Assigned',
    ]);
  });

  it('says "blank" for a blank value, and leaves unreadable entries to the parser', () => {
    const log = [...created, 'garbage', '2026-12-07T13:05:00Z|severity||3|u2|person'].join(';');
    expect(changeLogContinuityProblems(log).map(describeChangeLogProblem)).toEqual([
      'change log entry 4: severity from blank does not match the previous entry, which set it to 2',
    ]);
  });
});
