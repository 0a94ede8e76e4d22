import type { StandInUser } from '../auth/users.js';
import { fieldFromMeta } from '../schema/field-def.js';
import {
  buildModules,
  type CustomFieldSpec,
  customFieldMeta,
  type ModuleDef,
  type ModuleName,
  type SchemaOptions,
} from '../schema/module-defs.js';
import { ChangeMarker } from '../write/change-marker.js';
import { ModuleTable } from './module-table.js';
import type { Row } from './row.js';

const FOREIGN_KEYS: Record<ModuleName, readonly string[]> = {
  Accounts: [],
  Cases: ['account_id'],
  SLA_TimeEntries: ['case_id', 'account_id'],
};

export interface UserPreferences {
  timezone?: string;
  dateFormat?: string;
  timeFormat?: string;
}

/** The stand-in's database: one table per module, plus the users. */
export class StandInStore {
  readonly modules: Map<ModuleName, ModuleDef>;
  readonly withPackage: boolean;
  /** The package's change marker, bumped by its after_save hooks (write/change-marker.ts). */
  readonly changeMarker = new ChangeMarker();
  private readonly tables = new Map<ModuleName, ModuleTable>();
  private readonly usersById = new Map<string, StandInUser>();

  constructor(schema: SchemaOptions, users: readonly StandInUser[]) {
    this.withPackage = schema.withPackage ?? true;
    this.modules = buildModules(schema);
    for (const [name, def] of this.modules) this.tables.set(name, new ModuleTable(def, FOREIGN_KEYS[name]));
    for (const user of users) this.usersById.set(user.id, { ...user });
  }

  hasModule(name: string): name is ModuleName {
    return this.tables.has(name as ModuleName);
  }

  table(name: ModuleName): ModuleTable {
    const table = this.tables.get(name);
    if (!table) throw new Error(`module ${name} is not installed in this stand-in`);
    return table;
  }

  module(name: ModuleName): ModuleDef {
    return this.table(name).def;
  }

  get(module: ModuleName, id: string): Row | undefined {
    return this.tables.get(module)?.get(id);
  }

  user(id: string | null | undefined): StandInUser | undefined {
    return id ? this.usersById.get(id) : undefined;
  }

  userByName(userName: string): StandInUser | undefined {
    for (const user of this.usersById.values()) if (user.userName === userName) return user;
    return undefined;
  }

  users(): StandInUser[] {
    return [...this.usersById.values()];
  }

  /** The user's time zone and date and time formats (Profile → Advanced), as the web UI uses them. */
  setUserPreferences(id: string, preferences: UserPreferences): void {
    const user = this.usersById.get(id);
    if (!user) throw new Error(`no user ${id}`);
    if (preferences.timezone !== undefined) user.timezone = preferences.timezone;
    if (preferences.dateFormat !== undefined) user.dateFormat = preferences.dateFormat;
    if (preferences.timeFormat !== undefined) user.timeFormat = preferences.timeFormat;
  }

  setUserTimezone(id: string, timezone: string): void {
    const user = this.usersById.get(id);
    if (!user) throw new Error(`no user ${id}`);
    user.timezone = timezone;
  }

  /**
   * Adds a custom field as Studio does: a new `_cstm` column, NULL in every existing row, from
   * then on in every answer (custom fields come after the module's own fields).
   */
  addCustomField(module: 'Accounts' | 'Cases', spec: CustomFieldSpec): void {
    const def = this.module(module);
    if (def.byName.has(spec.name)) throw new Error(`${module} already has a field ${spec.name}`);
    const field = fieldFromMeta(spec.name, customFieldMeta(spec));
    def.fields.push(field);
    def.byName.set(field.name, field);
  }

  /**
   * Deletes a custom field as Studio does: it leaves meta/fields and every answer (the values
   * left in the `_cstm` table are no longer read).
   */
  removeCustomField(module: 'Accounts' | 'Cases', name: string): void {
    const def = this.module(module);
    const field = def.byName.get(name);
    if (field?.storage !== 'custom') throw new Error(`${module} has no custom field ${name}`);
    def.fields.splice(def.fields.indexOf(field), 1);
    def.byName.delete(name);
  }

  /** Seeds rows as they would sit in the database (values already stored, not saved through the API). */
  load(module: ModuleName, rows: Row[]): void {
    const table = this.table(module);
    table.load(rows);
    if (module === 'Cases') {
      for (const row of rows) table.noteAutoIncrement(Number(row.case_number ?? 0) || 0);
    }
  }

  counts(): Record<ModuleName, number> {
    const counts = {} as Record<ModuleName, number>;
    for (const [name, table] of this.tables) counts[name] = table.liveCount;
    return counts;
  }
}
