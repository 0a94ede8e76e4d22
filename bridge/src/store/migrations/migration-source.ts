import type { Knex } from 'knex';
import * as initial from './0001-initial.migration.js';
import * as untrackedCases from './0002-untracked-cases.migration.js';

/**
 * The migrations, in order, as imported modules: a custom knex migration source instead of a
 * directory glob, so they run the same from `build/` and from the TypeScript sources. A new
 * migration is a new `NNNN-name.migration.ts` module appended here; released ones never change.
 */
export interface StoreMigration {
  name: string;
  up(knex: Knex): Promise<void>;
  down?(knex: Knex): Promise<void>;
}

export const MIGRATIONS: readonly StoreMigration[] = [initial, untrackedCases];

export class BridgeMigrationSource implements Knex.MigrationSource<StoreMigration> {
  getMigrations(): Promise<StoreMigration[]> {
    return Promise.resolve([...MIGRATIONS]);
  }

  getMigrationName(migration: StoreMigration): string {
    return migration.name;
  }

  getMigration(migration: StoreMigration): Promise<Knex.Migration> {
    return Promise.resolve(
      migration.down ? { up: migration.up, down: migration.down } : { up: migration.up },
    );
  }
}
