import { floorToMinute, MINUTE_MS } from '../domain/time/local-day.js';
import { BridgeError } from '../errors/bridge-error.js';
import { type FilterSpec, filterPairs, type QueryPairs } from './query-string.js';
import { formatFilterDateTime, parseV8DateTime } from './v8-datetime.js';
import type { RawResource } from './v8-response.schemas.js';

/**
 * Reads that cannot miss rows (fixtures README items 24-28 and 38). SuiteCRM pages by offset
 * with no default order, and a row whose `date_modified` changes mid-read moves and shifts
 * every offset after it. So every request asks for page 1 of a window that the previous
 * page's last key closes: `page[number]` is always 1, `page[size]` is always sent (without it
 * SuiteCRM silently returns 20 rows), there is always a `sort`, and the server's pagination
 * links are never followed.
 */
export interface FetchedPage {
  records: RawResource[];
  /**
   * The latest `Date` header SuiteCRM sent (on any response of this client) before this
   * request was sent: a lower bound of SuiteCRM's clock when it ran the query. Undefined when
   * no response carried one.
   */
  serverTimeBefore: number | undefined;
}

/** One list request: page 1 of the given query (paging and fields are added by the caller's fetcher). */
export type FetchPage = (query: QueryPairs) => Promise<FetchedPage>;

export interface ChangedReadPlan {
  /** Cursor; floored to the minute, since SuiteCRM reports minutes only. */
  since: number;
  pageSize: number;
  filter?: FilterSpec;
}

export interface RawChangedBatch {
  records: RawResource[];
  /**
   * Every record whose `date_modified` is before this instant (a whole minute, UTC) has been
   * yielded by this batch or an earlier one of the same read. Never beyond what SuiteCRM's
   * clock provably showed when it ran the query, so a minute that can still receive saves is
   * never declared complete.
   */
  completeBefore: number;
  /** The read has caught up with SuiteCRM: nothing more to read now. */
  last: boolean;
}

/**
 * Changed records from `since` on, by `date_modified` minute:
 * 1. `filter[date_modified][gte]=<from>&sort=date_modified`, page 1 only.
 * 2. A short page ends the read. A full page whose last record is in minute M: the records
 *    before M are complete (yielded) and the next query starts at M. A full page entirely in
 *    minute M is finished by key with `gte M & lt M+1 & filter[id][gt]=<last id> & sort=id`
 *    until a short page.
 * 3. Go on from M + 1 minute, unless SuiteCRM's clock may still have been in minute M when the
 *    key sweep began: a save then could land behind the sweep's position, so the read ends
 *    there and the next one starts from M.
 * Records modified during the read move to "now" and are met again later: callers
 * de-duplicate by id, keeping the last seen.
 */
export async function* readChangedPages(
  fetch: FetchPage,
  plan: ChangedReadPlan,
): AsyncGenerator<RawChangedBatch> {
  rejectReserved(plan.filter, ['date_modified', 'id']);
  const extra = filterPairs(plan.filter);
  let from = floorToMinute(plan.since);
  const progress = new ReadProgress(from);
  for (;;) {
    const page = await fetch([
      ...extra,
      ['filter[date_modified][gte]', formatFilterDateTime(from)],
      ['sort', 'date_modified'],
    ]);
    const minutes = page.records.map((record) => modifiedMinute(record));
    checkWindow(page.records, minutes, from, Number.POSITIVE_INFINITY, true);
    const ranAfter = progress.observe(page, minutes);
    if (page.records.length < plan.pageSize) {
      // Everything saved before the query ran was in the answer.
      yield { records: uniqueById(page.records), completeBefore: progress.advance(ranAfter), last: true };
      return;
    }
    const lastMinute = minutes[minutes.length - 1] as number;
    const before = page.records.filter((_, index) => (minutes[index] as number) < lastMinute);
    if (before.length > 0) {
      // A record in minute M existed, so SuiteCRM's clock had reached M: no save can still land
      // before it. The next query starts again at M: one request a page, re-reading only M's
      // rows, instead of sweeping M by id (that is left for a minute that fills a whole page).
      yield { records: before, completeBefore: progress.advance(lastMinute), last: false };
      from = lastMinute;
      continue;
    }
    const closed = yield* finishMinute(fetch, plan.pageSize, extra, lastMinute, progress);
    if (!closed) return;
    from = lastMinute + MINUTE_MS;
  }
}

/** Reads minute `minute` by id; true when the minute is complete and the read may go past it. */
async function* finishMinute(
  fetch: FetchPage,
  pageSize: number,
  extra: QueryPairs,
  minute: number,
  progress: ReadProgress,
): AsyncGenerator<RawChangedBatch, boolean> {
  // Saves land at SuiteCRM's "now". If its clock had passed this minute before the sweep's
  // first query, nothing new can appear in the minute; otherwise a save behind the sweep's
  // position would be missed.
  const closed = progress.bound >= minute + MINUTE_MS;
  let lastId: string | undefined;
  for (;;) {
    const page = await fetch([
      ...extra,
      ['filter[date_modified][gte]', formatFilterDateTime(minute)],
      ['filter[date_modified][lt]', formatFilterDateTime(minute + MINUTE_MS)],
      ...(lastId === undefined ? [] : ([['filter[id][gt]', lastId]] as const)),
      ['sort', 'id'],
    ]);
    const minutes = page.records.map((record) => modifiedMinute(record));
    checkWindow(page.records, minutes, minute, minute + MINUTE_MS, false);
    progress.observe(page, minutes);
    const full = page.records.length >= pageSize;
    if (full) {
      yield { records: uniqueById(page.records), completeBefore: progress.advance(minute), last: false };
      lastId = nextKey(page.records, lastId);
      continue;
    }
    const previous = progress.current;
    const completeBefore = progress.advance(closed ? minute + MINUTE_MS : minute);
    if (page.records.length > 0 || completeBefore > previous || !closed) {
      yield { records: uniqueById(page.records), completeBefore, last: !closed };
    }
    return closed;
  }
}

export interface ScanPlan {
  pageSize: number;
  filter?: FilterSpec;
}

/** Every record matching the filter, by key: `filter[id][gt]=<last id>&sort=id`, page 1 only. */
export async function* scanByIdPages(fetch: FetchPage, plan: ScanPlan): AsyncGenerator<RawResource[]> {
  rejectReserved(plan.filter, ['id']);
  const extra = filterPairs(plan.filter);
  let lastId: string | undefined;
  for (;;) {
    const page = await fetch([
      ...extra,
      ...(lastId === undefined ? [] : ([['filter[id][gt]', lastId]] as const)),
      ['sort', 'id'],
    ]);
    if (page.records.length > 0) yield uniqueById(page.records);
    if (page.records.length < plan.pageSize) return;
    lastId = nextKey(page.records, lastId);
  }
}

/**
 * What the read knows about SuiteCRM's clock, and what it has claimed complete (monotonic).
 * Requests are sequential, so each answer bounds the clock for every later query.
 */
class ReadProgress {
  /** Lower bound (a whole minute) of SuiteCRM's clock for the next query. */
  bound = Number.NEGATIVE_INFINITY;
  current: number;

  constructor(start: number) {
    this.current = start;
  }

  /** Records an answer; returns a lower bound of SuiteCRM's clock when it ran that query. */
  observe(page: FetchedPage, minutes: readonly number[]): number {
    let ranAfter = this.bound;
    if (page.serverTimeBefore !== undefined && Number.isFinite(page.serverTimeBefore)) {
      ranAfter = Math.max(ranAfter, floorToMinute(page.serverTimeBefore));
    }
    // Every row was saved before the query ran, at SuiteCRM's clock.
    for (const minute of minutes) ranAfter = Math.max(ranAfter, minute);
    this.bound = ranAfter;
    return ranAfter;
  }

  advance(candidate: number): number {
    if (candidate > this.current) this.current = candidate;
    return this.current;
  }
}

function modifiedMinute(record: RawResource): number {
  const value = record.attributes.date_modified;
  const ms = typeof value === 'string' ? parseV8DateTime(value) : undefined;
  if (ms === undefined) {
    throw new BridgeError(
      'bad_response',
      `SuiteCRM sent ${record.type} ${record.id} without a readable date_modified (${typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value})`,
      { details: { id: record.id } },
    );
  }
  return floorToMinute(ms);
}

/**
 * The rows must lie in the window we asked for (and, for the date_modified sort, in order).
 * When they do not, SuiteCRM is not doing what the read relies on, e.g. the API user's time
 * zone observes DST and shifts the repeated hour (fixtures README item 18): stop rather than
 * compute with wrong times.
 */
function checkWindow(
  records: RawResource[],
  minutes: number[],
  from: number,
  to: number,
  sorted: boolean,
): void {
  for (let i = 0; i < records.length; i++) {
    const minute = minutes[i] as number;
    const previous = i > 0 ? (minutes[i - 1] as number) : from;
    if (minute < from || minute >= to || (sorted && minute < previous)) {
      const record = records[i] as RawResource;
      throw new BridgeError(
        'bad_response',
        `SuiteCRM returned ${record.type} ${record.id} modified at ${formatFilterDateTime(minute)}, outside or out of order for the window from ${formatFilterDateTime(from)}${Number.isFinite(to) ? ` to ${formatFilterDateTime(to)}` : ''}: check that the API user's time zone is UTC`,
        { details: { id: record.id, reason: 'window_violated' } },
      );
    }
  }
}

/**
 * A filter on `email1`/`email2` joins the address tables and returns the same row more than
 * once (fixtures README item 23). Paging still counts the raw rows; callers get each once.
 */
function uniqueById(records: RawResource[]): RawResource[] {
  const seen = new Set<string>();
  return records.filter((record) => {
    if (seen.has(record.id)) return false;
    seen.add(record.id);
    return true;
  });
}

function nextKey(records: RawResource[], previous: string | undefined): string {
  const last = (records[records.length - 1] as RawResource).id;
  if (last === previous) {
    throw new BridgeError(
      'bad_response',
      `SuiteCRM ignored filter[id][gt]=${previous}: the read would never end`,
      {
        details: { reason: 'keyset_ignored' },
      },
    );
  }
  return last;
}

function rejectReserved(filter: FilterSpec | undefined, reserved: readonly string[]): void {
  for (const field of reserved) {
    if (filter && Object.hasOwn(filter, field)) {
      throw new BridgeError('invalid_request', `filter on ${field} is set by the reader itself; remove it`);
    }
  }
}
