/**
 * A limit on the writes a pass sends a second (SUITECRM_WRITE_RATE). SuiteCRM is CPU-bound: a
 * first sync at full speed keeps its cores busy for as long as it runs, and staff's requests
 * wait behind the bridge's. Spacing the writes out leaves cores free, at the price of a longer
 * first sync; the steady ticks, with few writes, are not slowed.
 *
 * Slots are handed out in order, one every 1000 / rate ms, to whichever worker asks next, so
 * the workers of a batch share one rate (the limit holds across batches too: one pacer per pass).
 */
export class WritePacer {
  private nextSlot = Number.NEGATIVE_INFINITY;
  private readonly intervalMs: number;

  constructor(
    ratePerSecond: number,
    private readonly clock: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (!(Number.isFinite(ratePerSecond) && ratePerSecond > 0))
      throw new RangeError('a write rate is a number of writes a second above 0');
    this.intervalMs = 1000 / ratePerSecond;
  }

  /** Resolves when the next write may go. */
  async wait(): Promise<void> {
    const now = this.clock();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await this.sleep(slot - now);
  }
}
