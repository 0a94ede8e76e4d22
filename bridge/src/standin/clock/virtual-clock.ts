/**
 * The stand-in's idea of "now". SuiteCRM stamps `date_modified`, token lifetimes and the case
 * hook's log entries with its own clock; tests and the demo move this one instead of waiting.
 * Frozen: time only moves when told (set, advance, virtual latency). Running: it follows the
 * real clock from wherever it was last set.
 */
export type ClockMode = 'frozen' | 'running';

export class VirtualClock {
  private mode: ClockMode;
  private base: number;
  private realAtBase: number;

  constructor(
    start: number,
    mode: ClockMode = 'frozen',
    private readonly realNow: () => number = Date.now,
  ) {
    this.mode = mode;
    this.base = start;
    this.realAtBase = realNow();
  }

  now(): number {
    return this.mode === 'frozen' ? this.base : this.base + (this.realNow() - this.realAtBase);
  }

  set(epochMs: number): void {
    if (!Number.isFinite(epochMs)) throw new RangeError(`not a time: ${epochMs}`);
    this.base = epochMs;
    this.realAtBase = this.realNow();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms`);
    this.set(this.now() + ms);
  }

  getMode(): ClockMode {
    return this.mode;
  }

  setMode(mode: ClockMode): void {
    const now = this.now();
    this.mode = mode;
    this.set(now);
  }
}

/** `Y-m-d H:i:s` in UTC, the format SuiteCRM keeps datetimes in. */
export function dbDatetime(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Parses a `Y-m-d H:i:s` UTC string; undefined when it is not one. */
export function parseDbDatetime(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
