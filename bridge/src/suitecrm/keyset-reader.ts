import { BridgeError } from '../errors/bridge-error.js';
import { type FilterSpec, filterPairs, type QueryPairs } from './query-string.js';
import { floorToMinute, formatFilterDateTime, MINUTE_MS, parseV8DateTime } from './v8-datetime.js';
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
  /** SuiteCRM's clock when it answered (the `Date` header), if it said. */
  serverTime: number | undefined;
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
   * yielded by this batch or an earlier one of the same read. Never beyond SuiteCRM's own clock
   * at the last answer, so a minute still being written is never declared complete.
   */
  completeBefore: number;
  /** The read has reached the newest records. */
  last: boolean;
}

/**
 * Changed records from `since` on, by `date_modified` minute:
 * 1. `filter[date_modified][gte]=<from>&sort=date_modified`, page 1 only.
 * 2. A short page ends the read. A full page whose last record is in minute M: the records
 *    before M are complete (yielded); minute M is finished by key with
 *    `gte M & lt M+1 & filter[id][gt]=<last id> & sort=id` until a short page.
 * 3. Go on from M + 1 minute.
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
  const claim = new CompletionClaim(from);
  for (;;) {
    const page = await fetch([
      ...extra,
      ['filter[date_modified][gte]', formatFilterDateTime(from)],
      ['sort', 'date_modified'],
    ]);
    claim.sawServerTime(page.serverTime);
    const minutes = page.records.map((record) => modifiedMinute(record));
    checkWindow(page.records, minutes, from, Number.POSITIVE_INFINITY, true);
    for (const minute of minutes) claim.sawRow(minute);
    if (page.records.length < plan.pageSize) {
      yield { records: page.records, completeBefore: claim.advance(Number.POSITIVE_INFINITY), last: true };
      return;
    }
    const lastMinute = minutes[minutes.length - 1] as number;
    const before = page.records.filter((_, index) => (minutes[index] as number) < lastMinute);
    if (before.length > 0) yield { records: before, completeBefore: claim.advance(lastMinute), last: false };
    yield* finishMinute(fetch, plan.pageSize, extra, lastMinute, claim);
    from = lastMinute + MINUTE_MS;
  }
}

async function* finishMinute(
  fetch: FetchPage,
  pageSize: number,
  extra: QueryPairs,
  minute: number,
  claim: CompletionClaim,
): AsyncGenerator<RawChangedBatch> {
  let lastId: string | undefined;
  for (;;) {
    const page = await fetch([
      ...extra,
      ['filter[date_modified][gte]', formatFilterDateTime(minute)],
      ['filter[date_modified][lt]', formatFilterDateTime(minute + MINUTE_MS)],
      ...(lastId === undefined ? [] : ([['filter[id][gt]', lastId]] as const)),
      ['sort', 'id'],
    ]);
    claim.sawServerTime(page.serverTime);
    const minutes = page.records.map((record) => modifiedMinute(record));
    checkWindow(page.records, minutes, minute, minute + MINUTE_MS, false);
    for (const seen of minutes) claim.sawRow(seen);
    const full = page.records.length >= pageSize;
    const before = claim.current;
    const completeBefore = claim.advance(full ? minute : minute + MINUTE_MS);
    if (page.records.length > 0 || completeBefore > before) {
      yield { records: page.records, completeBefore, last: false };
    }
    if (!full) return;
    lastId = nextKey(page.records, lastId);
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
    if (page.records.length > 0) yield page.records;
    if (page.records.length < plan.pageSize) return;
    lastId = nextKey(page.records, lastId);
  }
}

/** What a read may claim as complete: monotonic, and capped by the server's clock. */
class CompletionClaim {
  private serverMinute: number | undefined;
  private newestRowMinute: number;
  current: number;

  constructor(start: number) {
    this.current = start;
    this.newestRowMinute = start;
  }

  sawServerTime(time: number | undefined): void {
    if (time !== undefined && Number.isFinite(time)) this.serverMinute = floorToMinute(time);
  }

  sawRow(minute: number): void {
    if (minute > this.newestRowMinute) this.newestRowMinute = minute;
  }

  /**
   * Rows can still be saved in SuiteCRM's current minute, so nothing at or after it is claimed.
   * Without a Date header the newest row seen proves how far the server's clock had got.
   */
  advance(candidate: number): number {
    const horizon = this.serverMinute ?? this.newestRowMinute;
    const next = Math.min(candidate, horizon);
    if (next > this.current) this.current = next;
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
