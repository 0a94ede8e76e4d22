import { describe, expect, it } from 'vitest';
import { MarkerWatch } from '../../../bridge/src/sync/change-marker.js';

/** The rule that decides which modules a poll reads (bridge/src/sync/change-marker.ts). */
const counts = (Accounts: number, SLA_TimeEntries: number, Cases: number) => ({
  Accounts,
  SLA_TimeEntries,
  Cases,
});
const none = counts(0, 0, 0);

describe('MarkerWatch', () => {
  it('reads every module before it has seen the marker', () => {
    expect(new MarkerWatch().moved(counts(3, 1, 4))).toEqual(['Accounts', 'SLA_TimeEntries', 'Cases']);
  });

  it('names only the modules whose counters moved', () => {
    const watch = new MarkerWatch();
    watch.readFrom(counts(3, 1, 4), ['Accounts', 'SLA_TimeEntries', 'Cases']);
    expect(watch.moved(counts(3, 1, 4))).toEqual([]);
    expect(watch.moved(counts(3, 2, 4))).toEqual(['SLA_TimeEntries']);
  });

  it("counts the bridge's own PATCHes as expected saves, so they cause no module read", () => {
    const watch = new MarkerWatch();
    watch.readFrom(counts(3, 1, 4), ['Cases', 'Accounts', 'SLA_TimeEntries']);
    watch.wrote(counts(0, 0, 2));
    expect(watch.moved(counts(3, 1, 6))).toEqual([]);
    // One more save than the bridge made: someone else saved a case too.
    expect(watch.moved(counts(3, 1, 7))).toEqual(['Cases']);
  });

  it('a module not read keeps its last read value and the saves expected since', () => {
    const watch = new MarkerWatch();
    watch.readFrom(counts(3, 1, 4), ['Accounts', 'SLA_TimeEntries', 'Cases']);
    watch.wrote(counts(0, 0, 1));
    // A time entry moved; the pass reads time entries only and writes one case.
    watch.readFrom(counts(3, 2, 5), ['SLA_TimeEntries']);
    watch.wrote(counts(0, 0, 1));
    expect(watch.moved(counts(3, 2, 6))).toEqual([]);
    expect(watch.moved(counts(3, 2, 5))).toEqual(['Cases']);
  });

  it('reset forgets everything: the next poll reads every module', () => {
    const watch = new MarkerWatch();
    watch.readFrom(counts(1, 1, 1), ['Accounts', 'SLA_TimeEntries', 'Cases']);
    watch.reset();
    expect(watch.moved(counts(1, 1, 1))).toHaveLength(3);
    watch.readFrom(none, ['Accounts', 'SLA_TimeEntries', 'Cases']);
    expect(watch.moved(none)).toEqual([]);
  });
});
