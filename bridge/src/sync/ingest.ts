import { type AttributeParseResult, describeAttributeProblem } from '../catalogue/index.js';
import { canonicalContent, type RecordSnapshotInput } from '../store/index.js';
import type { V8Record } from '../suitecrm/index.js';
import { type ChangedRecord, dependantsOf } from './fan-out.js';
import type { SyncContext } from './sync-context.js';
import {
  heldValues,
  type RecordKeys,
  type SyncModuleName,
  type SyncRecordRef,
  syncModule,
} from './sync-modules.js';

/**
 * Step 1-2 of the loop (docs/architecture.md#one-sync-pass): read changed records by key, keep the
 * snapshot of their inputs and of what SuiteCRM holds for the bridge's fields, and queue for
 * evaluation every record whose inputs or bridge fields changed, plus the records that depend
 * on changed inputs. The queue is the next-transition table (due now), written in the same
 * transaction as the snapshots and the read cursor: once the cursor moves past a record, the
 * work it causes is durably queued, so a crash between here and the writes loses nothing and
 * the cursor never has to wait for SuiteCRM writes.
 */
export const CURSOR_OVERLAP_MS = 60_000;
/** After a full scan the cursor goes back this far before the scan began (clock skew, slow saves). */
const FULL_SCAN_MARGIN_MS = 5 * 60_000;

export interface IngestCounts {
  read: number;
  changed: number;
  queued: number;
  unreadable: number;
}

export interface IngestOptions {
  full: boolean;
  /** The fields the bridge owns on this module (depends on the policy's priority setting). */
  owned: readonly string[];
  /** Full scans collect the ids they saw, for the reconciliation of deletions. */
  seen?: Set<string>;
  /** Stops the read after the batch in hand (its cursor saved). */
  signal?: AbortSignal;
}

interface Batch {
  records: V8Record<AttributeParseResult<Record<string, unknown>>>[];
  completeBefore: number | null;
}

export async function ingestModule(
  ctx: SyncContext,
  name: SyncModuleName,
  options: IngestOptions,
): Promise<IngestCounts> {
  const module = syncModule(name);
  const counts: IngestCounts = { read: 0, changed: 0, queued: 0, unreadable: 0 };
  const cursor = await ctx.io.session.read((readers) => readers.cursors.get(name));
  for await (const batch of batches(ctx, name, options.full, cursor?.at)) {
    if (batch.records.length === 0 && batch.completeBefore === null) continue;
    const items = batch.records.map((record) => {
      const parsed = record.attributes;
      const domainRecord = module.toRecord(record.id, parsed.values);
      const parseProblems = parsed.problems.map((problem) => describeAttributeProblem(name, problem));
      options.seen?.add(record.id);
      return {
        id: record.id,
        record: parseProblems.length > 0 ? { ...domainRecord, parseProblems } : domainRecord,
        keys: module.keys(domainRecord, parsed.values) as RecordKeys,
        held: heldValues(options.owned, parsed.values as Record<string, unknown>),
        dateModified: (parsed.values as { date_modified: number | null }).date_modified,
        unreadable: parseProblems.length > 0,
      };
    });
    const ids = items.map((item) => item.id);
    const heldHashes = await ctx.io.session.read((readers) => readers.suiteCrmFields.hashes(name, ids));
    const heldChanged = items.filter((item) => heldHashes.get(item.id) !== canonicalContent(item.held).hash);
    let changedCount = 0;
    let queued = 0;
    // One transaction: the snapshots, what SuiteCRM holds, the queue and the cursor move together.
    await ctx.io.session.write(async (repositories) => {
      const report = await repositories.snapshots.upsertMany(
        items.map(
          (item): RecordSnapshotInput => ({
            module: name,
            recordId: item.id,
            accountId: item.keys.accountId,
            caseId: item.keys.caseId,
            open: item.keys.open,
            number: item.keys.number,
            dateModified: item.dateModified,
            record: item.record,
          }),
        ),
      );
      if (heldChanged.length > 0) {
        await repositories.suiteCrmFields.saveMany(
          heldChanged.map((item) => ({ module: name, recordId: item.id, fields: item.held })),
        );
      }
      const byId = new Map(items.map((item) => [item.id, item]));
      const changed: ChangedRecord[] = report.changes.map((change) => ({
        module: name,
        id: change.recordId,
        keys: (byId.get(change.recordId) as (typeof items)[number]).keys,
        previous: change.previous
          ? {
              accountId: change.previous.accountId,
              caseId: change.previous.caseId,
              open: change.previous.open,
              number: null,
            }
          : null,
      }));
      const due = new Map<string, SyncRecordRef>();
      const queue = (ref: SyncRecordRef) => due.set(`${ref.module}/${ref.id}`, ref);
      for (const item of options.full ? items : heldChanged) queue({ module: name, id: item.id });
      for (const change of changed) queue({ module: name, id: change.id });
      if (changed.length > 0) for (const ref of await dependantsOf(repositories, changed)) queue(ref);
      await repositories.transitions.setMany(
        [...due.values()].map((ref) => ({
          module: ref.module,
          recordId: ref.id,
          dueAt: ctx.env.now,
          reason: 'changed',
        })),
      );
      if (batch.completeBefore !== null) {
        await repositories.cursors.save(name, { at: batch.completeBefore, lastId: null });
      }
      changedCount = changed.length;
      queued = due.size;
    });
    counts.unreadable += items.filter((item) => item.unreadable).length;
    counts.changed += changedCount;
    counts.queued += queued;
    counts.read += items.length;
    ctx.io.progress?.(`read ${name}`, counts.read);
    if (options.signal?.aborted) return counts;
  }
  if (options.full) {
    await ctx.io.session.write((repositories) =>
      repositories.cursors.save(name, { at: ctx.env.now - FULL_SCAN_MARGIN_MS, lastId: null }),
    );
  }
  return counts;
}

async function* batches(
  ctx: SyncContext,
  name: SyncModuleName,
  full: boolean,
  cursorAt: number | undefined,
): AsyncGenerator<Batch> {
  const module = syncModule(name);
  const read = {
    fields: module.readFields,
    pageSize: ctx.io.pageSize,
    parse: (raw: unknown) => module.codec.parse(raw) as AttributeParseResult<Record<string, unknown>>,
  };
  if (full) {
    for await (const records of ctx.io.client.scanAll(name, read)) yield { records, completeBefore: null };
    return;
  }
  const since = cursorAt === undefined ? 0 : Math.max(0, cursorAt - CURSOR_OVERLAP_MS);
  for await (const batch of ctx.io.client.readChanged(name, { ...read, since })) {
    yield { records: batch.records, completeBefore: batch.completeBefore };
  }
}
