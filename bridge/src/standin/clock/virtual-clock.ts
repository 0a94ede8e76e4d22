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

  /** `start: 'real'` starts at the real instant, from one reading, so a running clock reads the real time exactly. */
  constructor(
    start: number | 'real',
    mode: ClockMode = 'frozen',
    private readonly realNow: () => number = Date.now,
  ) {
    this.mode = mode;
    this.realAtBase = realNow();
    this.base = start === 'real' ? this.realAtBase : start;
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

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * `Y-m-d H:i:s` in UTC, the format SuiteCRM keeps datetimes in. Computed arithmetically
 * (civil-from-days) because seeding formats over a million of them, and kept flat in memory.
 */
export function dbDatetime(epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000);
  const days = Math.floor(seconds / 86_400);
  const rest = seconds - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3600);
  const minute = Math.floor((rest % 3600) / 60);
  // join() builds one flat string; a template literal would leave a rope of small pieces per value.
  return [
    year,
    '-',
    pad2(month),
    '-',
    pad2(day),
    ' ',
    pad2(hour),
    ':',
    pad2(minute),
    ':',
    pad2(rest % 60),
  ].join('');
}

/** Parses a `Y-m-d H:i:s` UTC string; undefined when it is not one. */
export function parseDbDatetime(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value.replace(' ', 'T')}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
