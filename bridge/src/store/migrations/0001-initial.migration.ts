import type { Knex } from 'knex';
import { TABLES } from '../tables.js';
import { createIndexIfMissing, createTableIfMissing, jsonText } from './schema-helpers.js';

/**
 * The first schema. Conventions: instants are UTC epoch milliseconds in BIGINT columns named
 * `*_ms` (never DATETIME, which mysql2 converts through the host's zone); local dates are
 * `YYYY-MM-DD` strings; JSON documents are canonical JSON text; ids are SuiteCRM ids as text.
 */
const ID = 64;
const MODULE = 40;

export const name = '0001-initial';

export async function up(knex: Knex): Promise<void> {
  await createTableIfMissing(knex, TABLES.cursors, (table) => {
    table.string('name', 64).notNullable().primary();
    table.bigInteger('position_ms').notNullable();
    table.string('last_id', ID).nullable();
    table.bigInteger('updated_at_ms').notNullable();
  });

  await createTableIfMissing(knex, TABLES.inputSnapshots, (table) => {
    table.string('module', MODULE).notNullable();
    table.string('record_id', ID).notNullable();
    table.string('account_id', ID).nullable();
    table.string('case_id', ID).nullable();
    table.string('record_number', 64).nullable();
    table.boolean('is_open').nullable();
    table.bigInteger('date_modified_ms').nullable();
    table.specificType('content_hash', 'char(64)').notNullable();
    jsonText(table, 'data').notNullable();
    table.bigInteger('created_at_ms').notNullable();
    table.bigInteger('updated_at_ms').notNullable();
    table.primary(['module', 'record_id']);
  });
  await createIndexIfMissing(knex, TABLES.inputSnapshots, 'bridge_input_snapshots_account', [
    'module',
    'account_id',
    'is_open',
  ]);
  await createIndexIfMissing(knex, TABLES.inputSnapshots, 'bridge_input_snapshots_case', [
    'module',
    'case_id',
  ]);

  await createTableIfMissing(knex, TABLES.suiteCrmFields, (table) => {
    table.string('module', MODULE).notNullable();
    table.string('record_id', ID).notNullable();
    table.specificType('content_hash', 'char(64)').notNullable();
    jsonText(table, 'fields').notNullable();
    table.bigInteger('updated_at_ms').notNullable();
    table.primary(['module', 'record_id']);
  });

  await createTableIfMissing(knex, TABLES.events, (table) => {
    table.bigIncrements('seq').primary();
    table.specificType('key_hash', 'char(64)').notNullable();
    table.string('event_key', 512).notNullable();
    table.string('module', MODULE).notNullable();
    table.string('record_id', ID).notNullable();
    table.string('type', 40).notNullable();
    table.string('clock', 20).nullable();
    table.bigInteger('at_ms').notNullable();
    table.string('policy_version', 64).notNullable();
    table.text('cause').notNullable();
    jsonText(table, 'details').nullable();
    table.bigInteger('recorded_at_ms').notNullable();
  });
  await createIndexIfMissing(knex, TABLES.events, 'bridge_events_key', ['key_hash'], { unique: true });
  await createIndexIfMissing(knex, TABLES.events, 'bridge_events_record', ['module', 'record_id', 'at_ms']);
  await createIndexIfMissing(knex, TABLES.events, 'bridge_events_type', ['type', 'at_ms']);
  await createIndexIfMissing(knex, TABLES.events, 'bridge_events_at', ['at_ms']);

  await createTableIfMissing(knex, TABLES.casePins, (table) => {
    table.string('case_id', ID).notNullable().primary();
    table.string('coverage', 40).notNullable();
    table.string('policy_version', 64).notNullable();
    table.bigInteger('first_evaluated_at_ms').notNullable();
    jsonText(table, 'state').notNullable();
    table.bigInteger('pinned_at_ms').notNullable();
    table.bigInteger('restated_at_ms').nullable();
  });
  await createIndexIfMissing(knex, TABLES.casePins, 'bridge_case_pins_coverage', ['coverage']);

  await createTableIfMissing(knex, TABLES.nextTransitions, (table) => {
    table.string('module', MODULE).notNullable();
    table.string('record_id', ID).notNullable();
    table.bigInteger('due_at_ms').notNullable();
    table.string('reason', 64).notNullable();
    table.bigInteger('updated_at_ms').notNullable();
    table.primary(['module', 'record_id']);
  });
  await createIndexIfMissing(knex, TABLES.nextTransitions, 'bridge_next_transitions_due', [
    'due_at_ms',
    'module',
    'record_id',
  ]);

  await createTableIfMissing(knex, TABLES.contractTerms, (table) => {
    table.string('account_id', ID).notNullable();
    table.integer('term_index').notNullable();
    table.string('start_date', 10).notNullable();
    table.string('end_date', 10).notNullable();
    table.string('outcome', 16).nullable();
    table.bigInteger('recorded_at_ms').notNullable();
    table.primary(['account_id', 'term_index']);
  });

  await createTableIfMissing(knex, TABLES.policyVersions, (table) => {
    table.string('version', 64).notNullable().primary();
    table.specificType('content_hash', 'char(64)').notNullable();
    jsonText(table, 'content').notNullable();
    table.bigInteger('first_seen_at_ms').notNullable();
  });

  await createTableIfMissing(knex, TABLES.trackingStart, (table) => {
    // One row (id 1): the instant cases must be reported at or after to be tracked.
    table.integer('id').notNullable().primary();
    table.bigInteger('start_ms').notNullable();
    table.string('start_date', 10).notNullable();
    table.bigInteger('set_at_ms').notNullable();
    table.string('set_by', 32).notNullable();
  });

  await createTableIfMissing(knex, TABLES.jobRuns, (table) => {
    table.bigIncrements('id').primary();
    table.string('job', 64).notNullable();
    table.string('holder', 128).nullable();
    table.bigInteger('started_at_ms').notNullable();
    table.bigInteger('ended_at_ms').nullable();
    table.string('outcome', 16).notNullable();
    jsonText(table, 'counts').nullable();
    table.text('error').nullable();
  });
  await createIndexIfMissing(knex, TABLES.jobRuns, 'bridge_job_runs_job', ['job', 'started_at_ms']);
  await createIndexIfMissing(knex, TABLES.jobRuns, 'bridge_job_runs_started', ['started_at_ms']);

  await createTableIfMissing(knex, TABLES.leases, (table) => {
    table.string('name', 64).notNullable().primary();
    table.string('holder', 128).nullable();
    table.bigInteger('fencing_token').notNullable().defaultTo(0);
    table.bigInteger('acquired_at_ms').nullable();
    table.bigInteger('renewed_at_ms').nullable();
    table.bigInteger('expires_at_ms').notNullable().defaultTo(0);
  });

  await createTableIfMissing(knex, TABLES.recordProblems, (table) => {
    table.string('module', MODULE).notNullable();
    table.string('record_id', ID).notNullable();
    table.text('reason').notNullable();
    table.bigInteger('first_seen_at_ms').notNullable();
    table.bigInteger('last_seen_at_ms').notNullable();
    table.primary(['module', 'record_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    TABLES.recordProblems,
    TABLES.leases,
    TABLES.jobRuns,
    TABLES.trackingStart,
    TABLES.policyVersions,
    TABLES.contractTerms,
    TABLES.nextTransitions,
    TABLES.casePins,
    TABLES.events,
    TABLES.suiteCrmFields,
    TABLES.inputSnapshots,
    TABLES.cursors,
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
