/**
 * Ctrl-C (SIGINT) and SIGTERM for the demo: the first asks it to stop cleanly (the walk stops
 * between steps; --keep-running stops the daemon after its batch), a second exits at once.
 */
export interface StopSignals {
  readonly received: boolean;
  /** Resolves at the first signal. */
  wait(): Promise<void>;
  dispose(): void;
}

export function listenForStop(onSecond: (signal: NodeJS.Signals) => void): StopSignals {
  let count = 0;
  let resolveFirst: () => void = () => undefined;
  const first = new Promise<void>((resolve) => {
    resolveFirst = resolve;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    count++;
    if (count > 1) onSecond(signal);
    else resolveFirst();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    get received() {
      return count > 0;
    },
    wait: () => first,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
