import { z } from 'zod';
import { CHANGE_LOG_ACTORS, CHANGE_LOG_FIELDS } from '../catalogue/change-log-entry.js';
import {
  type AccountRecord,
  type CasePin,
  type CaseRecord,
  CONTRACT_COVERAGES,
  type TimeEntryRecord,
} from '../domain/index.js';
import { BridgeError } from '../errors/bridge-error.js';
import { formatIssues } from '../errors/zod-issues.js';

/**
 * What the store keeps of a record's inputs, and how it reads them back: the domain record and
 * the fields SuiteCRM sent that could not be read, checked against the domain's types on the
 * way out, so nothing past the store handles an untyped snapshot.
 *
 * Formats of the `data` column:
 * - 1 (up to bridge 1.0): the domain record itself, with `parseProblems` mixed in when there
 *   were any. Rows from before a field existed lack it: the schemas give it its blank value.
 * - 2: `{ format: 2, record, parseProblems }`, so a record field can never collide with the
 *   store's own keys.
 * Both are read; only 2 is written. The content hash stays the one of format 1's layout, so a
 * row rewritten in format 2 with the same content counts as unchanged (an upgrade re-evaluates
 * nothing).
 */
export const SNAPSHOT_FORMAT = 2;

export type SnapshotModule = 'Cases' | 'Accounts' | 'SLA_TimeEntries';

export interface SnapshotRecords {
  Cases: CaseRecord;
  Accounts: AccountRecord;
  SLA_TimeEntries: TimeEntryRecord;
}

const text = z.string().nullable();
const instant = z.number().nullable();

const changeLogEntry = z.object({
  at: z.number(),
  field: z.enum(CHANGE_LOG_FIELDS),
  from: text,
  to: text,
  userId: text,
  actor: z.enum(CHANGE_LOG_ACTORS),
});

const caseRecord = z.object({
  id: z.string(),
  status: text,
  dateEntered: instant,
  reportedAt: instant,
  severity: text,
  environment: text,
  cause: text,
  reportable: text,
  downgradeTo: text,
  downgradeReason: text,
  downgradedAt: instant,
  accountId: text,
  changeLog: z.array(changeLogEntry),
  changeLogProblems: z.array(z.string()),
  inputStamp: text.default(null),
}) satisfies z.ZodType<CaseRecord>;

const accountRecord = z.object({
  id: z.string(),
  plan: text,
  contractStart: text,
  reservedHours: z.number().nullable(),
  phoneCover: text,
  willNotRenew: z.boolean().nullable(),
  cancelledOn: text,
  refunded: z.boolean().nullable(),
  paidThrough: text,
}) satisfies z.ZodType<AccountRecord>;

const timeEntryRecord = z.object({
  id: z.string(),
  caseId: text,
  accountId: text,
  workDate: text,
  hours: z.number().nullable(),
  category: text,
  subject: text.default(null),
}) satisfies z.ZodType<TimeEntryRecord>;

const RECORD_SCHEMAS: { [M in SnapshotModule]: z.ZodType<SnapshotRecords[M]> } = {
  Cases: caseRecord,
  Accounts: accountRecord,
  SLA_TimeEntries: timeEntryRecord,
};

const problems = z.array(z.string()).default([]);
const formatTwo = z.object({ format: z.literal(2), record: z.unknown(), parseProblems: problems });
const legacyProblems = z.object({ parseProblems: problems });

export function isSnapshotModule(module: string): module is SnapshotModule {
  return Object.hasOwn(RECORD_SCHEMAS, module);
}

/**
 * The `data` to store for a domain record (its `parseProblems` kept beside it), and the content
 * its hash is taken over: format 1's layout, the record with any `parseProblems` in it.
 */
export function encodeSnapshot(record: SnapshotRecords[SnapshotModule]): { data: unknown; hashed: unknown } {
  const { parseProblems = [], ...fields } = record;
  return {
    data: { format: SNAPSHOT_FORMAT, record: fields, parseProblems: [...parseProblems] },
    hashed: parseProblems.length > 0 ? { ...fields, parseProblems: [...parseProblems] } : fields,
  };
}

/**
 * Reads a stored `data` column back. A row the bridge cannot read (written by a newer bridge,
 * or damaged) stops the pass with `store_unavailable` rather than being evaluated as something
 * it is not.
 */
export function decodeSnapshot<M extends SnapshotModule>(
  module: M,
  recordId: string,
  data: unknown,
): SnapshotRecords[M] {
  const where = `stored snapshot ${module}/${recordId}`;
  const format = typeof data === 'object' && data !== null && 'format' in data ? data.format : 1;
  if (format !== 1 && format !== 2) {
    throw new BridgeError(
      'store_unavailable',
      `${where} is in format ${String(format)}, which this bridge cannot read: it was written by a newer bridge version`,
    );
  }
  const envelope = format === 2 ? formatTwo.safeParse(data) : legacyProblems.safeParse(data);
  const raw = format === 2 && envelope.success && 'record' in envelope.data ? envelope.data.record : data;
  const record = RECORD_SCHEMAS[module].safeParse(raw);
  if (!envelope.success || !record.success) {
    const issues = [...(envelope.error?.issues ?? []), ...(record.error?.issues ?? [])];
    throw new BridgeError(
      'store_unavailable',
      `${where} cannot be read (${formatIssues(issues, 'data')}): \`sla-bridge sync --full\` reads it again from SuiteCRM`,
    );
  }
  const { parseProblems } = envelope.data;
  // The domain reads a record's unreadable fields from the record itself.
  return parseProblems.length > 0 ? { ...record.data, parseProblems } : record.data;
}

const restatement = z.object({
  at: z.number(),
  fromVersion: z.string(),
  toVersion: z.string(),
  fromCoverage: z.enum(CONTRACT_COVERAGES),
  toCoverage: z.enum(CONTRACT_COVERAGES),
});

const casePin = z.object({
  policyVersion: z.string(),
  firstEvaluatedAt: z.number(),
  coverage: z.enum(CONTRACT_COVERAGES),
  planId: text,
  severity1AlwaysOpen: z.boolean(),
  restatements: z.array(restatement).default([]),
}) satisfies z.ZodType<CasePin>;

/** A case pin's stored state as the domain's `CasePin`; an unreadable one stops the pass. */
export function decodeCasePin(caseId: string, state: unknown): CasePin {
  const parsed = casePin.safeParse(state);
  if (!parsed.success) {
    throw new BridgeError(
      'store_unavailable',
      `stored pin of case ${caseId} cannot be read (${formatIssues(parsed.error.issues, 'state')})`,
    );
  }
  return parsed.data;
}
