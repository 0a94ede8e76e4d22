import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../../bridge/src/domain/contract/account-record.js';
import { evaluateAccount } from '../../../bridge/src/domain/evaluate-account.js';
import type { TimeEntryRecord } from '../../../bridge/src/domain/hours/time-entry-record.js';
import { defaultPolicy } from '../../../bridge/src/domain/policy/default-policy.js';
import { london } from '../../support/domain-builders.js';

const DAY = 86_400_000;
const policy = defaultPolicy();

const accountArb: fc.Arbitrary<AccountRecord> = fc
  .record({
    plan: fc.constantFrom<string | null>('professional', 'enterprise', 'essential', 'free', ''),
    contractStart: fc.constantFrom('2023-02-28', '2024-02-29', '2023-10-31', '2024-03-31'),
    reservedHours: fc.constantFrom<number | null>(null, 10),
    cancellation: fc.constantFrom<null | { on: string; refunded: boolean }>(
      null,
      null,
      { on: '2024-05-15', refunded: false },
      { on: '2024-04-15', refunded: true },
      { on: '2025-01-10', refunded: false },
    ),
  })
  .map(({ cancellation, ...rest }) => ({
    id: 'account-1',
    phoneCover: null,
    paidThrough: null,
    ...rest,
    willNotRenew: cancellation !== null,
    cancelledOn: cancellation?.on ?? null,
    refunded: cancellation?.refunded ?? false,
  }));

const entriesArb: fc.Arbitrary<TimeEntryRecord[]> = fc.array(
  fc.record({
    id: fc.uuid(),
    caseId: fc.constant(null),
    accountId: fc.constant('account-1'),
    workDate: fc
      .integer({ min: 0, max: 900 })
      .map((offset) => new Date(Date.UTC(2023, 2, 1) + offset * DAY).toISOString().slice(0, 10)),
    hours: fc.constantFrom(1, 2.5, 4, 8),
    category: fc.constantFrom('support', 'consulting', 'migration'),
  }),
  { maxLength: 8 },
);

const FROM = london('2023-03-01 00:00');
const run = (account: AccountRecord, entries: TimeEntryRecord[], now: number) =>
  evaluateAccount({ account, timeEntries: entries, policy, context: { now } });

describe('account evaluation properties', () => {
  it('nothing changes before the next transition, and the next transition is in the future', () => {
    fc.assert(
      fc.property(
        accountArb,
        entriesArb,
        fc.integer({ min: 0, max: 900 * 24 * 60 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        (account, entries, minutes, fraction) => {
          const now = FROM + minutes * 60_000;
          const first = run(account, entries, now);
          if (first.nextTransitionAt !== null) expect(first.nextTransitionAt).toBeGreaterThan(now);
          const horizon = first.nextTransitionAt ?? now + 400 * DAY;
          const later = now + Math.floor((horizon - now) * fraction);
          expect(run(account, entries, later).fields).toEqual(first.fields);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the event timeline does not depend on how often it was computed', () => {
    fc.assert(
      fc.property(
        accountArb,
        entriesArb,
        fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 5 }),
        (account, entries, days) => {
          const instants = [...new Set(days)].sort((a, b) => a - b).map((day) => FROM + day * DAY);
          const last = instants[instants.length - 1] as number;
          const seen = new Set<string>();
          for (const instant of instants)
            for (const event of run(account, entries, instant).events) seen.add(event.key);
          const once = run(account, entries, last).events.map((event) => event.key);
          expect([...seen].sort()).toEqual([...once].sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
