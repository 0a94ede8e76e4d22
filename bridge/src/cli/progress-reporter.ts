import cliProgress from 'cli-progress';

/**
 * A one-line progress display for long syncs, only when stdout is a terminal (never in logs,
 * pipes or `--json` output). cli-progress draws and clears the line.
 */
export interface ProgressReporter {
  update(step: string, done: number): void;
  stop(): void;
}

export function progressReporter(enabled: boolean): ProgressReporter | undefined {
  if (!enabled || !process.stdout.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: '{step}: {value} records', clearOnComplete: true, hideCursor: true, stream: process.stdout },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(step, done) {
      if (!started) {
        bar.start(0, done, { step });
        started = true;
      } else bar.update(done, { step });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
