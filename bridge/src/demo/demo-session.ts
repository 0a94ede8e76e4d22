import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultPolicy } from '../domain/index.js';
import { TICK_JOB } from '../jobs/tick.job.js';
import { logger } from '../logging/logger.js';
import { collectBoard, type DemoBoard } from './demo-board.js';
import { DemoClock } from './demo-clock.js';
import { DEMO_SCENARIO, type Scenario } from './demo-scenario.js';
import { localInstant, type WalkResult, walk } from './demo-walk.js';
import { openSandboxBridge, type SandboxBridge } from './sandbox-bridge.js';
import { type StandInProcess, startStandInProcess } from './standin-process.js';

/**
 * One demo run: the stand-in in its own process, the real bridge on a temp SQLite store, the
 * clock walk, and the board. `close()` always leaves nothing behind: daemon stopped, lease
 * released, store closed, stand-in process gone, temp folder removed.
 */
export interface DemoSession {
  standIn: StandInProcess;
  bridge: SandboxBridge;
  board: DemoBoard;
  walk: WalkResult;
  /** Real milliseconds from the start to the board. */
  realMs: number;
  /** --keep-running: the stand-in's clock and the demo's run on with real time; the daemon starts its schedule. */
  keepRunning(): Promise<void>;
  close(): Promise<void>;
}

const log = logger('demo');

export async function runDemoSession(
  options: { scenario?: Scenario; stopped?: () => boolean } = {},
): Promise<DemoSession> {
  const scenario = options.scenario ?? DEMO_SCENARIO;
  const started = performance.now();
  const start = localInstant(scenario.startsAt, scenario.zone);
  const folder = mkdtempSync(join(tmpdir(), 'sla-bridge-demo-'));
  let standIn: StandInProcess | undefined;
  let bridge: SandboxBridge | undefined;
  const close = async () => {
    try {
      await bridge?.close();
    } finally {
      try {
        await standIn?.stop();
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  };
  try {
    standIn = await startStandInProcess({ now: start, seed: scenario.seed });
    const sandbox = standIn;
    log.info('sandbox SuiteCRM started', { url: sandbox.url, pid: sandbox.pid });
    const clock = new DemoClock(start);
    bridge = await openSandboxBridge({
      standInUrl: sandbox.url,
      folder,
      trackingStart: scenario.trackingStart,
      clock: clock.now,
    });
    const daemon = bridge.daemon;
    const result = await walk(scenario, {
      setNow: async (at) => {
        clock.set(at);
        await sandbox.setNow(at);
      },
      create: (module, attributes, userId) =>
        sandbox.staffCreate(module, attributes, userId === undefined ? {} : { userId }),
      edit: async (module, id, attributes, userId) => {
        await sandbox.staffEdit(module, id, attributes, userId === undefined ? {} : { userId });
      },
      tick: (at) => daemon.runJob(TICK_JOB, at),
      ...(options.stopped ? { stopped: options.stopped } : {}),
    });
    const counters = await sandbox.counters();
    const board = await collectBoard({
      client: bridge.client,
      store: bridge.store,
      policy: defaultPolicy(),
      zone: scenario.zone,
      walk: result,
      eventsFrom: localInstant(scenario.eventsFrom, scenario.zone),
      counters,
    });
    const opened = bridge;
    return {
      standIn: sandbox,
      bridge: opened,
      board,
      walk: result,
      realMs: performance.now() - started,
      keepRunning: async () => {
        await sandbox.runClock();
        clock.run();
        opened.daemon.start();
      },
      close,
    };
  } catch (error) {
    await close().catch((closing: unknown) =>
      log.warn('cleaning up after a failed demo also failed', { error: String(closing) }),
    );
    throw error;
  }
}
