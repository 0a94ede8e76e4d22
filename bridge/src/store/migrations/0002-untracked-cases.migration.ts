import type { Knex } from 'knex';
import { TABLES } from '../tables.js';
import { createIndexIfMissing, createTableIfMissing } from './schema-helpers.js';

/**
 * The cases the bridge does not track, with the reason (reported before the tracking start,
 * created before the package was installed), so `status` can count them without SuiteCRM. A
 * case leaves the table when it becomes tracked (an earlier tracking start) or is deleted.
 * Conventions as in 0001-initial: instants in BIGINT `*_ms`, ids as text.
 */
export const name = '0002-untracked-cases';

export async function up(knex: Knex): Promise<void> {
  await createTableIfMissing(knex, TABLES.untrackedCases, (table) => {
    table.string('case_id', 64).notNullable().primary();
    table.string('reason', 40).notNullable();
    table.bigInteger('first_seen_at_ms').notNullable();
    table.bigInteger('last_seen_at_ms').notNullable();
  });
  await createIndexIfMissing(knex, TABLES.untrackedCases, 'bridge_untracked_cases_reason', ['reason']);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists(TABLES.untrackedCases);
}
