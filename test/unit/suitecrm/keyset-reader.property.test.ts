import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorToMinute } from '../../../bridge/src/domain/time/local-day.js';
import {
  type FetchedPage,
  readChangedPages,
  scanByIdPages,
} from '../../../bridge/src/suitecrm/keyset-reader.js';
import type { QueryPairs } from '../../../bridge/src/suitecrm/query-string.js';

/**
 * The readers against a simulated SuiteCRM that behaves like the real one where it matters:
 * `date_modified` kept with seconds but reported truncated to the minute, filters compared
 * with the full value, no tie-breaker on a date_modified sort, and people saving records
 * between our requests (each save sets date_modified to the server's now). Whatever the
 * interleaving, a batch's `completeBefore` must be true when it is yielded.
 */

const T0 = Date.parse('2026-11-24T12:00:00Z');
const SECOND = 1000;

interface Row {
  id: string;
  modified: number; // ms, whole seconds
}

class SimulatedSuiteCrm {
  now: number;
  private readonly rows = new Map<string, Row>();
  private nextId = 0;
  /** The Date header of the previous answer, as the client last saw it. */
  private lastAnswer: number | undefined;

  constructor(
    initial: number[],
    start: number,
    private readonly tieOrder: (id: string) => number,
    /** The client already has an answer with a Date header (e.g. its token request). */
    clockKnown: boolean,
  ) {
    this.now = start;
    if (clockKnown) this.lastAnswer = start;
    for (const offset of initial) this.insert(T0 + offset * SECOND);
  }

  insert(modified: number): void {
    const id = `id-${String(this.nextId++).padStart(4, '0')}`;
    this.rows.set(id, { id, modified });
  }

  /** A person saves a record (or creates one) at the server's now. */
  save(pick: number): void {
    const ids = [...this.rows.keys()];
    if (ids.length === 0 || pick % 4 === 0) this.insert(this.now);
    else (this.rows.get(ids[pick % ids.length] as string) as Row).modified = this.now;
  }

  all(): Row[] {
    return [...this.rows.values()];
  }

  fetch(query: QueryPairs, pageSize: number): FetchedPage {
    const params = new Map(query);
    const gte = parseFilterTime(params.get('filter[date_modified][gte]'));
    const lt = parseFilterTime(params.get('filter[date_modified][lt]'));
    const idGt = params.get('filter[id][gt]');
    const sort = params.get('sort');
    let rows = this.all().filter(
      (row) =>
        (gte === undefined || row.modified >= gte) &&
        (lt === undefined || row.modified < lt) &&
        (idGt === undefined || row.id > idGt),
    );
    rows =
      sort === 'id'
        ? rows.sort((a, b) => (a.id < b.id ? -1 : 1))
        : rows.sort((a, b) => a.modified - b.modified || this.tieOrder(a.id) - this.tieOrder(b.id));
    const serverTimeBefore = this.lastAnswer;
    this.lastAnswer = this.now;
    return {
      records: rows.slice(0, pageSize).map((row) => ({
        type: 'Account',
        id: row.id,
        attributes: { date_modified: reported(row.modified) },
      })),
      serverTimeBefore,
    };
  }
}

function parseFilterTime(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Date.parse(`${value.replace(' ', 'T')}Z`);
}

/** SuiteCRM's output: seconds zeroed, +00:00. */
function reported(ms: number): string {
  return new Date(floorToMinute(ms)).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

const scenario = fc.record({
  // Rows within 5 minutes of T0, so minutes often hold more than a page.
  initial: fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 0, maxLength: 40 }),
  pageSize: fc.integer({ min: 1, max: 5 }),
  sinceOffset: fc.integer({ min: -60, max: 200 }),
  // Per request: seconds the server clock moves on, and saves made meanwhile.
  steps: fc.array(
    fc.record({ advance: fc.integer({ min: 0, max: 50 }), saves: fc.array(fc.nat(), { maxLength: 2 }) }),
    {
      minLength: 1,
      maxLength: 60,
    },
  ),
  tieSeed: fc.integer(),
  clockKnown: fc.boolean(),
});

describe('readChangedPages against a SuiteCRM that is being edited', () => {
  it('never claims a minute complete while a record modified before it is unread', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ initial, pageSize, sinceOffset, steps, tieSeed, clockKnown }) => {
        const server = new SimulatedSuiteCrm(
          initial,
          T0 + 301 * SECOND,
          (id) => hash(`${tieSeed}:${id}`),
          clockKnown,
        );
        let step = 0;
        const fetch = async (query: QueryPairs): Promise<FetchedPage> => {
          const page = server.fetch(query, pageSize);
          betweenRequests(server, steps, step++);
          return page;
        };
        const since = T0 + sinceOffset * SECOND;
        const seen = new Set<string>();
        let previous = Number.NEGATIVE_INFINITY;
        let batches = 0;
        for await (const batch of readChangedPages(fetch, { since, pageSize })) {
          batches++;
          expect(batches).toBeLessThan(1_000);
          for (const record of batch.records)
            seen.add(`${record.id}@${String(record.attributes.date_modified)}`);
          expect(batch.completeBefore).toBeGreaterThanOrEqual(previous);
          expect(batch.completeBefore % 60_000).toBe(0);
          previous = batch.completeBefore;
          // The claim, checked against the table as it is now.
          for (const row of server.all()) {
            if (row.modified >= floorToMinute(since) && row.modified < batch.completeBefore) {
              expect(seen.has(`${row.id}@${reported(row.modified)}`)).toBe(true);
            }
          }
        }
        expect(batches).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reads everything when nobody edits, and claims up to the server clock', async () => {
    // 23 rows over three minutes, read 4 at a time: two minutes need a key sweep.
    const server = new SimulatedSuiteCrm(
      Array.from({ length: 23 }, (_, i) => (i % 3) * 60 + i),
      T0 + 10 * 60 * SECOND + 30 * SECOND,
      () => 0,
      true,
    );
    const ids: string[] = [];
    let last = 0;
    for await (const batch of readChangedPages((query) => Promise.resolve(server.fetch(query, 4)), {
      since: T0,
      pageSize: 4,
    })) {
      ids.push(...batch.records.map((record) => record.id));
      last = batch.completeBefore;
    }
    expect(new Set(ids).size).toBe(23);
    expect(ids).toHaveLength(23); // nothing read twice when nothing changes
    expect(last).toBe(T0 + 10 * 60 * SECOND);
  });
});

describe('scanByIdPages', () => {
  it('yields every record that exists throughout, exactly once, whatever is edited meanwhile', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ initial, pageSize, steps }) => {
        const server = new SimulatedSuiteCrm(initial, T0 + 301 * SECOND, () => 0, true);
        const present = server.all().map((row) => row.id);
        let step = 0;
        const ids: string[] = [];
        const fetch = async (query: QueryPairs): Promise<FetchedPage> => {
          const page = server.fetch(query, pageSize);
          betweenRequests(server, steps, step++);
          return page;
        };
        for await (const page of scanByIdPages(fetch, { pageSize }))
          ids.push(...page.map((record) => record.id));
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of present) expect(ids).toContain(id);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * Between our requests time passes and people save records; after the scripted steps the
 * editing stops (a read only ends once it catches up with the people saving).
 */
function betweenRequests(
  server: SimulatedSuiteCrm,
  steps: ReadonlyArray<{ advance: number; saves: number[] }>,
  index: number,
): void {
  const change = steps[index];
  if (change === undefined) {
    server.now += SECOND;
    return;
  }
  server.now += change.advance * SECOND;
  for (const pick of change.saves) server.save(pick);
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
