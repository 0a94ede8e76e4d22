import { londonDateOf, londonMidnight } from '../london-day.js';
import type { StoreContext } from '../store-context.js';
import { insertIgnoringDuplicates, toInstant } from '../store-context.js';
import { TABLES } from '../tables.js';

/**
 * The tracking start: the bridge only tracks (and writes) cases reported at or after it. The
 * first `sla-bridge migrate` sets it to 00:00 Europe/London of that day; an admin may change
 * it with `sla-bridge tracking-start --set <date>`. It is not part of the policy.
 */
export interface TrackingStart {
  /** 00:00 Europe/London of `date`, epoch milliseconds. */
  at: number;
  /** The London date, `YYYY-MM-DD`. */
  date: string;
  /** When it was set, and by what (`migrate`, `tracking-start`). */
  setAt: number;
  setBy: string;
}

const ROW_ID = 1;

export class TrackingStartRepository {
  constructor(private readonly ctx: StoreContext) {}

  async get(): Promise<TrackingStart | null> {
    const row = await this.ctx.db(TABLES.trackingStart).where({ id: ROW_ID }).first();
    return row
      ? {
          at: toInstant(row.start_ms),
          date: String(row.start_date),
          setAt: toInstant(row.set_at_ms),
          setBy: String(row.set_by),
        }
      : null;
  }

  /**
   * Sets it to 00:00 London of the day `now` falls on, unless it is already set (so only the
   * first `migrate` sets it, even when two run at once). Returns the tracking start in force.
   */
  async initialise(now: number, setBy: string): Promise<{ trackingStart: TrackingStart; created: boolean }> {
    const date = londonDateOf(now);
    const created =
      (await insertIgnoringDuplicates(
        this.ctx,
        TABLES.trackingStart,
        [
          {
            id: ROW_ID,
            start_ms: midnight(date),
            start_date: date,
            set_at_ms: this.ctx.now(),
            set_by: setBy,
          },
        ],
        ['id'],
      )) > 0;
    const trackingStart = await this.get();
    if (!trackingStart) throw new Error('the tracking start vanished after being set');
    return { trackingStart, created };
  }

  /** Sets it to 00:00 London on `date` (a no-op when it already is); returns what it was and is now. */
  async set(
    date: string,
    setBy: string,
  ): Promise<{ previous: TrackingStart | null; current: TrackingStart }> {
    const previous = await this.get();
    if (previous?.date === date) return { previous, current: previous };
    const current: TrackingStart = { at: midnight(date), date, setAt: this.ctx.now(), setBy };
    const row = { start_ms: current.at, start_date: date, set_at_ms: current.setAt, set_by: setBy };
    if (previous) await this.ctx.db(TABLES.trackingStart).where({ id: ROW_ID }).update(row);
    else await this.ctx.db(TABLES.trackingStart).insert({ id: ROW_ID, ...row });
    return { previous, current };
  }
}

function midnight(date: string): number {
  const at = londonMidnight(date);
  if (at === null) throw new TypeError(`not a date (YYYY-MM-DD): ${date}`);
  return at;
}
