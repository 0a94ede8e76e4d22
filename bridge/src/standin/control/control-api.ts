import type { ChangeLogActor } from '../../catalogue/change-log-entry.js';
import type { TokenService } from '../auth/token-service.js';
import type { VirtualClock } from '../clock/virtual-clock.js';
import type { ActiveFault, FaultQueue, FaultSpec } from '../faults/faults.js';
import type { LatencySpec } from '../http/server.js';
import { checkUserFormat } from '../output/user-format.js';
import { type CustomFieldSpec, isModuleName, type ModuleName } from '../schema/module-defs.js';
import type { Row } from '../store/row.js';
import type { StandInStore, UserPreferences } from '../store/stand-in-store.js';
import { createFromSubpanel8, inlineEditRecordView8, massUpdate8 } from '../web-ui/suitecrm8-saves.js';
import {
  type FormSaveOptions,
  type FormSaveResult,
  inlineEdit,
  massUpdate,
  type OpenForm,
  openEditView,
  openRecordView8,
  quickCreate,
  saveForm,
} from '../web-ui/web-ui-saves.js';
import { saveRecord } from '../write/record-writer.js';
import type { CounterSnapshot, RequestCounters } from './request-counters.js';
import type { JournalEntry, WriteJournal } from './write-journal.js';

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
  /** Write requests received so far, oldest first (recorded only while the journal is on). */
  writes(): JournalEntry[];
  clearWrites(): void;
  /** Turns the write journal on or off (`journalWrites` sets it at start). */
  journalWrites(on: boolean): void;
  /** A save through the web UI: same sanitising and hook as the API, actor `person` by default. */
  staffEdit(module: ModuleName, id: string, attributes: Record<string, unknown>, options?: SaveOptions): Row;
  staffCreate(module: ModuleName, attributes: Record<string, unknown>, options?: SaveOptions): Row;
  /**
   * An administrator's UPDATE statement straight in the database: no SugarBean save, so no
   * cleaning, no hook and no date_modified unless given. Columns in database form. The only way
   * to rewrite a stored change log, which every save rebuilds on the stored one (hook rule R1).
   */
  sqlUpdate(module: ModuleName, id: string, columns: Record<string, string | null>): Row;
  /** The raw stored row (database values, not API output). */
  record(module: ModuleName, id: string): Row | undefined;
  setUserTimezone(userId: string, timezone: string): void;
  /** A user's time zone and date and time formats, as the web UI shows and reads datetimes. */
  setUserPreferences(userId: string, preferences: UserPreferences): void;
  /** Saves made through SuiteCRM's web UI (web-ui/web-ui-saves.ts), each with hook actor `person`. */
  webUi: WebUiControl;
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

/**
 * "User X saves the edit view of case Y with these changes": the web UI's save paths, each
 * modelled from SuiteCRM's source (docs/standin-web-ui.md). Values a person enters are in that
 * user's formats and zone.
 */
export interface WebUiControl {
  /** The 7.14 edit view as user X's browser loads it now (include/EditView/EditView2.php). */
  openEditView(caseId: string, userId: string): OpenForm;
  /** SuiteCRM 8's record view as loaded now: every attribute, posted whole on save. */
  openRecordView8(caseId: string, userId: string): OpenForm;
  /** Saves a form opened earlier, with the inputs the person changed. */
  saveForm(form: OpenForm, changes: Record<string, string>, options?: FormSaveOptions): FormSaveResult;
  /** Opens the edit view and saves it at once (no one else can save in between). */
  saveEditView(caseId: string, userId: string, changes: Record<string, string>): Row;
  inlineEdit(module: ModuleName, id: string, field: string, value: string, userId: string): Row;
  quickCreate(values: Record<string, string>, userId: string): Row;
  massUpdate(module: ModuleName, ids: string[], values: Record<string, string>, userId: string): Row[];
  /** 8.x record view: the pencil on one cell of a page opened earlier, then Save (full post). */
  inlineEditRecordView8(form: OpenForm, field: string, value: string): FormSaveResult;
  /** 8.x list view bulk action "Mass update" (GraphQL createProcess `bulk-massupdate`). */
  massUpdate8(module: ModuleName, ids: string[], values: Record<string, string>, userId: string): Row[];
  /** 8.x: Create in an account's Cases subpanel, then Save in the create view. */
  createFromSubpanel8(accountId: string, values: Record<string, string>, userId: string): Row;
}

export interface ControlDeps {
  store: StandInStore;
  clock: VirtualClock;
  tokens: TokenService;
  faults: FaultQueue;
  counters: RequestCounters;
  journal: WriteJournal;
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
  const ui = { store: deps.store, now: () => deps.clock.now(), newId: deps.newId };
  const webUi: WebUiControl = {
    openEditView: (caseId, userId) => openEditView(ui, caseId, userId),
    openRecordView8: (caseId, userId) => openRecordView8(ui, caseId, userId),
    saveForm: (form, changes, options) => saveForm(ui, form, changes, options),
    saveEditView: (caseId, userId, changes) => {
      const result = saveForm(ui, openEditView(ui, caseId, userId), changes);
      if (result.outcome !== 'saved') throw new Error('the edit view just opened met a lock conflict');
      return result.record;
    },
    inlineEdit: (module, id, field, value, userId) =>
      inlineEdit(ui, checkModule(module), id, field, value, userId),
    quickCreate: (values, userId) => quickCreate(ui, values, userId),
    massUpdate: (module, ids, values, userId) => massUpdate(ui, checkModule(module), ids, values, userId),
    inlineEditRecordView8: (form, field, value) => inlineEditRecordView8(ui, form, field, value),
    massUpdate8: (module, ids, values, userId) => massUpdate8(ui, checkModule(module), ids, values, userId),
    createFromSubpanel8: (accountId, values, userId) => createFromSubpanel8(ui, accountId, values, userId),
  };
  return {
    webUi,
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
    writes: () => deps.journal.list(),
    clearWrites: () => deps.journal.clear(),
    journalWrites: (on) => {
      deps.journal.enabled = on;
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
    sqlUpdate: (module, id, columns) => {
      const table = deps.store.table(checkModule(module));
      const existing = table.getLive(id);
      if (!existing) throw new Error(`${module} module with id ${id} is not found`);
      for (const name of Object.keys(columns)) {
        const field = table.def.byName.get(name);
        if (!field || field.storage === 'non-db' || name === 'id')
          throw new Error(`${module} has no column ${name}`);
      }
      const row: Row = { ...existing, ...columns };
      table.put(row);
      return row;
    },
    setUserTimezone: (userId, timezone) => deps.store.setUserTimezone(userId, timezone),
    setUserPreferences: (userId, preferences) => {
      checkUserFormat(preferences);
      deps.store.setUserPreferences(userId, preferences);
    },
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
