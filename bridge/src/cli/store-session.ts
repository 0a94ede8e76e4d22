import { type BridgeConfig, loadConfig } from '../config/env-config.js';
import { formatInstant } from '../domain/calendar/index.js';
import { configureLogging } from '../logging/logger.js';
import { openStore, type Store, TRACKING_ZONE, type TrackingStart } from '../store/index.js';

/**
 * For commands that use only the bridge's store (no SuiteCRM settings needed): loads the
 * configuration, opens the store named by BRIDGE_STORE_URL, runs `fn`, and closes the store.
 */
export async function withStore<T>(
  options: { create?: boolean },
  fn: (store: Store, config: BridgeConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  configureLogging(config.logging);
  const store = await openStore(config.store.url, { create: options.create ?? false });
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

/** The tracking start as `--json` prints it. */
export function trackingStartJson(start: TrackingStart | null): Record<string, string> | null {
  return start === null
    ? null
    : {
        date: start.date,
        timeZone: TRACKING_ZONE,
        at: formatInstant(start.at),
        setAt: formatInstant(start.setAt),
        setBy: start.setBy,
      };
}

/** `2026-11-25 (00:00 Europe/London = 2026-11-25T00:00:00Z)` */
export function describeTrackingStart(start: TrackingStart): string {
  return `${start.date} (00:00 ${TRACKING_ZONE} = ${formatInstant(start.at)})`;
}
