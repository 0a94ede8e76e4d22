import { DateTime } from 'luxon';
import { BridgeError } from '../errors/bridge-error.js';
import type { JobOutcome } from '../jobs/daemon.js';
import type { LocalTime, Scenario, ScenarioAction, ScenarioStep } from './demo-scenario.js';

/**
 * The clock walk: the scenario's saves and the daemon's ticks merged into one timeline. At
 * each moment the stand-in's clock is set to that instant first, so SuiteCRM stamps the save
 * (and its change log) with it and the tick describes it; a save and a tick at the same minute
 * run save first, as a person's save a moment before the scheduler fires.
 */
export type Moment = { at: number; kind: 'step'; step: ScenarioStep } | { at: number; kind: 'tick' };

export function localInstant(local: LocalTime, zone: string): number {
  const time = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone });
  if (!time.isValid) throw new Error(`scenario time "${local}" is not a valid ${zone} time`);
  return time.toMillis();
}

export function walkMoments(scenario: Scenario): Moment[] {
  const moments: Moment[] = scenario.steps.map((step) => ({
    at: localInstant(step.at, scenario.zone),
    kind: 'step' as const,
    step,
  }));
  for (const segment of scenario.walk) {
    const to = localInstant(segment.to, scenario.zone);
    for (let at = localInstant(segment.from, scenario.zone); at <= to; at += segment.everyMinutes * 60_000) {
      moments.push({ at, kind: 'tick' });
    }
  }
  // Stable: steps keep their written order; at the same instant a step comes before a tick.
  return moments
    .map((moment, index) => ({ moment, index }))
    .sort(
      (a, b) =>
        a.moment.at - b.moment.at ||
        (a.moment.kind === b.moment.kind ? 0 : a.moment.kind === 'step' ? -1 : 1) ||
        a.index - b.index,
    )
    .map(({ moment }) => moment);
}

/** Thrown between moments when the driver says stop (Ctrl-C): not a failure of the demo. */
export class WalkInterrupted extends Error {
  constructor() {
    super('the demo was interrupted');
    this.name = 'WalkInterrupted';
  }
}

/** What the walk drives: SuiteCRM (the stand-in's control API) and the daemon. */
export interface WalkDriver {
  setNow(at: number): Promise<void>;
  create(module: string, attributes: Record<string, string>, userId?: string): Promise<{ id: string }>;
  edit(module: string, id: string, attributes: Record<string, string>, userId?: string): Promise<void>;
  tick(at: number): Promise<JobOutcome>;
  /** Checked between moments: true stops the walk (Ctrl-C). */
  stopped?(): boolean;
}

export interface WalkResult {
  ticks: number;
  saves: number;
  from: number;
  to: number;
  /** Scenario keys to SuiteCRM ids. */
  ids: Map<string, string>;
}

export async function walk(scenario: Scenario, driver: WalkDriver): Promise<WalkResult> {
  const ids = new Map<string, string>();
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`scenario: "${key}" is used before it is created`);
    return id;
  };
  const moments = walkMoments(scenario);
  const ticks = moments.filter((moment) => moment.kind === 'tick');
  let saves = 0;
  let now: number | undefined;
  for (const moment of moments) {
    if (driver.stopped?.()) throw new WalkInterrupted();
    if (moment.at !== now) {
      await driver.setNow(moment.at);
      now = moment.at;
    }
    if (moment.kind === 'tick') {
      const outcome = await driver.tick(moment.at);
      if (outcome !== 'ran') {
        throw new BridgeError(
          'internal',
          `the daemon's tick at ${new Date(moment.at).toISOString()} did not run cleanly (${outcome}); see the log above`,
        );
      }
      continue;
    }
    await perform(moment.step.action, driver, ids, idOf);
    saves++;
  }
  return {
    ticks: ticks.length,
    saves,
    from: ticks[0]?.at ?? 0,
    to: ticks[ticks.length - 1]?.at ?? 0,
    ids,
  };
}

async function perform(
  action: ScenarioAction,
  driver: WalkDriver,
  ids: Map<string, string>,
  idOf: (key: string) => string,
): Promise<void> {
  switch (action.kind) {
    case 'create-account':
      ids.set(action.key, (await driver.create('Accounts', action.attributes)).id);
      return;
    case 'edit-account':
      await driver.edit('Accounts', idOf(action.account), action.attributes, action.by);
      return;
    case 'create-case':
      ids.set(
        action.key,
        (await driver.create('Cases', { ...action.attributes, account_id: idOf(action.account) }, action.by))
          .id,
      );
      return;
    case 'edit-case':
      await driver.edit('Cases', idOf(action.case), action.attributes, action.by);
      return;
    case 'log-time':
      // SuiteCRM fills the entry's account from its case.
      await driver.create('SLA_TimeEntries', { ...action.attributes, case_id: idOf(action.case) }, action.by);
      return;
  }
}
