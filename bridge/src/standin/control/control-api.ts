import type { ChangeLogActor } from '../../contract/change-log-entry.js';
import type { TokenService } from '../auth/token-service.js';
import type { VirtualClock } from '../clock/virtual-clock.js';
import type { ActiveFault, FaultQueue, FaultSpec } from '../faults/faults.js';
import type { LatencySpec } from '../http/server.js';
import { type CustomFieldSpec, isModuleName, type ModuleName } from '../schema/module-defs.js';
import type { Row } from '../store/row.js';
import type { StandInStore } from '../store/stand-in-store.js';
import { saveRecord } from '../write/record-writer.js';
import type { CounterSnapshot, RequestCounters } from './request-counters.js';

export interface SaveOptions {
  /** The user saving; defaults to a demo staff member for people and the admin otherwise. */
  userId?: string;
  /** Who the case hook logs: a person in the web UI by default. */
  actor?: ChangeLogActor;
}

/**
 * What tests, the demo and benchmarks use to drive the stand-in from outside the API: the
 * clock, latency, faults, tokens, counters, and saves made as SuiteCRM's web UI would make
 * them (the bridge derives acknowledgement from a person's save).
 */
export interface StandInControl {
  now(): number;
  setNow(time: number | string): void;
  advance(ms: number): void;
  setClockMode(mode: 'frozen' | 'running'): void;
  setLatency(latency: LatencySpec | null): void;
  latency(): LatencySpec | undefined;
  injectFault(spec: FaultSpec): number;
  faults(): ActiveFault[];
  clearFaults(): void;
  /** Expires every current access token server-side (SuiteCRM then says "revoked"). */
  expireTokens(): number;
  revokeTokens(): number;
  counters(): CounterSnapshot;
  resetCounters(): void;
  /** A save through the web UI: same sanitising and hook as the API, actor `person` by default. */
  staffEdit(module: ModuleName, id: string, attributes: Record<string, unknown>, options?: SaveOptions): Row;
  staffCreate(module: ModuleName, attributes: Record<string, unknown>, options?: SaveOptions): Row;
  /** The raw stored row (database values, not API output). */
  record(module: ModuleName, id: string): Row | undefined;
  setUserTimezone(userId: string, timezone: string): void;
  /** Lists without sort in id order, or in an order that changes on every request. */
  setUnsortedOrder(order: 'id' | 'unstable'): void;
  /** A custom field added through Studio while the stand-in runs. */
  addCustomField(module: 'Accounts' | 'Cases', spec: CustomFieldSpec): void;
  /** A custom field (the package's, or another) deleted through Studio. */
  removeCustomField(module: 'Accounts' | 'Cases', name: string): void;
  /**
   * Sets SuiteCRM's host clock `ms` ahead of the real one (behind when negative), as its `Date`
   * response header shows it. The virtual clock that stamps records is separate.
   */
  setServerClockOffset(ms: number): void;
  serverClockOffset(): number;
}

export interface ControlDeps {
  store: StandInStore;
  clock: VirtualClock;
  tokens: TokenService;
  faults: FaultQueue;
  counters: RequestCounters;
  newId: () => string;
  latency: { current: LatencySpec | undefined };
  ordering: { unsorted: 'id' | 'unstable' };
  serverClock: { offsetMs: number };
}

export function parseTime(time: number | string): number {
  const ms = typeof time === 'number' ? time : Date.parse(time);
  if (!Number.isFinite(ms)) throw new Error(`not a time: ${String(time)}`);
  return ms;
}

export function validateLatency(latency: LatencySpec): void {
  const { minMs, maxMs, mode } = latency;
  if (!Number.isFinite(minMs) || !Number.isFinite(maxMs) || minMs < 0 || maxMs < minMs) {
    throw new Error('latency needs 0 <= minMs <= maxMs');
  }
  if (mode !== 'real' && mode !== 'virtual') throw new Error('latency mode is real or virtual');
}

export function createControl(deps: ControlDeps): StandInControl {
  let tokensAtReset = 0;
  const person = (options: SaveOptions | undefined) => {
    const user = deps.store.user(options?.userId ?? 'seed_sally_id') ?? deps.store.user('1');
    return { now: deps.clock.now(), user, actor: options?.actor ?? 'person', newId: deps.newId };
  };
  const checkModule = (module: string): ModuleName => {
    if (!isModuleName(module) || !deps.store.hasModule(module)) throw new Error(`no module ${module}`);
    return module;
  };
  return {
    now: () => deps.clock.now(),
    setNow: (time) => deps.clock.set(parseTime(time)),
    advance: (ms) => deps.clock.advance(ms),
    setClockMode: (mode) => deps.clock.setMode(mode),
    setLatency: (latency) => {
      if (latency) validateLatency(latency);
      deps.latency.current = latency ?? undefined;
    },
    latency: () => deps.latency.current,
    injectFault: (spec) => deps.faults.add(spec).id,
    faults: () => deps.faults.list(),
    clearFaults: () => deps.faults.clear(),
    expireTokens: () => deps.tokens.expireAll(),
    revokeTokens: () => deps.tokens.revokeAll(),
    counters: () => deps.counters.snapshot(deps.tokens.issued - tokensAtReset),
    resetCounters: () => {
      deps.counters.reset();
      tokensAtReset = deps.tokens.issued;
    },
    staffEdit: (module, id, attributes, options) => {
      const name = checkModule(module);
      const existing = deps.store.table(name).getLive(id);
      if (!existing) throw new Error(`${name} module with id ${id} is not found`);
      return saveRecord(deps.store, { module: name, existing, attributes }, person(options));
    },
    staffCreate: (module, attributes, options) =>
      saveRecord(
        deps.store,
        { module: checkModule(module), existing: undefined, attributes },
        person(options),
      ),
    record: (module, id) => deps.store.get(checkModule(module), id),
    setUserTimezone: (userId, timezone) => deps.store.setUserTimezone(userId, timezone),
    addCustomField: (module, spec) => deps.store.addCustomField(module, spec),
    removeCustomField: (module, name) => deps.store.removeCustomField(module, name),
    setServerClockOffset: (ms) => {
      if (!Number.isFinite(ms)) throw new Error('the server clock offset is a number of milliseconds');
      deps.serverClock.offsetMs = Math.round(ms);
    },
    serverClockOffset: () => deps.serverClock.offsetMs,
    setUnsortedOrder: (order) => {
      deps.ordering.unsorted = order;
    },
  };
}
