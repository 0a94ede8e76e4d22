/**
 * The demo's "now", shared by the bridge (engine, daemon, V8 client) and mirrored on the
 * stand-in. During the walk it stands still between steps; with `--keep-running` it then runs
 * with real time from where the walk ended, so the sandbox week simply carries on.
 */
export class DemoClock {
  private base: number;
  private realAtBase = 0;
  private running = false;

  constructor(start: number) {
    this.base = start;
  }

  readonly now = (): number => (this.running ? this.base + (Date.now() - this.realAtBase) : this.base);

  set(epochMs: number): void {
    this.base = epochMs;
    this.realAtBase = Date.now();
  }

  run(): void {
    this.set(this.now());
    this.running = true;
  }
}
