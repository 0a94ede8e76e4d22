import { CATALOGUE } from '../../catalogue/catalogue.js';

/**
 * A CPU-bound SuiteCRM: each request costs what it cost on a real SuiteCRM 7.14.6 (PHP and
 * MariaDB on one host), and holds one of `cores` cores while it runs. Requests beyond the core
 * count wait in line (first come, first served), so concurrency above the core count adds
 * latency without adding throughput, and a staff request sent during a sync waits behind the
 * bridge's requests. The remainder of each cost (network, waiting on I/O) holds no core.
 *
 * The figures are serial medians measured on a copy of a real 7.14.6 with the package (issue 17):
 * a case PATCH of 12 bridge fields 136 ms (about 117 ms of it PHP and MariaDB CPU), a Cases
 * page of 100 records 118 ms, a time-entries page of 100 257 ms (134 ms PHP + 92 ms SQL: its
 * relate fields load the case and the account of every entry), a GET of one case 20 ms.
 * Turning AOD indexing off cut a PATCH's PHP CPU from 82 to 34 ms: with `aod: false` saves
 * cost 48 ms less. Not measured, and taken as the nearest measured kind: Accounts pages as
 * Cases pages, every module's PATCH and POST as a case PATCH.
 */
export interface CpuModelSpec {
  /** SuiteCRM's cores (PHP and MariaDB share them). */
  cores: number;
  /** AOD (Lucene) search indexing on: it runs on every save (SuiteCRM's default is on). */
  aod?: boolean;
  /**
   * Which fields SuiteCRM audits, per module (default: the field catalogue's `audited` flags).
   * Each audited field a save changes writes one audit row.
   */
  audited?: Record<string, readonly string[]>;
  /** What one audit row costs a save (an estimate: one INSERT through DBManager; not measured). */
  auditRowMs?: number;
  /**
   * How a listed time entry's case and account names are read: `loaded` as measured (SuiteCRM
   * loads both records in full, package 1.0.0), or `one-query` as the package now reads them
   * (SupportSla_RelatedNames). `one-query` is an estimate, not a measurement: see
   * TIME_ENTRY_ONE_QUERY.
   */
  timeEntryNames?: 'loaded' | 'one-query';
  /**
   * Where the part of each cost that the measurements did not put down to PHP or MariaDB runs:
   * `off-core` (default) holds no core, as network time would; `on-core` holds one, as it does
   * when that time is the same host's PHP and database work. The real 7.14.6 gained no
   * throughput from concurrency 4 on 2 cores, which `off-core` cannot reproduce (it gains up to
   * the off-core share) and `on-core` does.
   */
  rest?: 'off-core' | 'on-core';
}

export type RequestKind = 'save' | 'list' | 'get' | 'other';

/** One request's cost in milliseconds: `cpuMs` holds a core, `waitMs` does not. */
export interface RequestCost {
  cpuMs: number;
  waitMs: number;
}

const AOD_SAVE_MS = 48;
const DEFAULT_AUDIT_ROW_MS = 2;
/** The case PATCH as measured: AOD on, all four then-audited bridge fields written (a first sync). */
const MEASURED_SAVE = { cpuMs: 117, waitMs: 19, auditRows: 4 };
/** A page of `size`: fixed cost plus per record, so a page of 100 costs the measured figure. */
const PAGE = {
  Cases: { fixedMs: 18, perRecordMs: 1.0, cpuShare: 0.85 },
  Accounts: { fixedMs: 18, perRecordMs: 1.0, cpuShare: 0.85 },
  SLA_TimeEntries: { fixedMs: 17, perRecordMs: 2.4, cpuShare: 226 / 257 },
} as const;
/**
 * The estimate for `timeEntryNames: 'one-query'`. A line through the two measured kinds, cost
 * per record against queries per record (a case: 2 queries, 1.0 ms; a time entry: 7, 2.4 ms),
 * gives 0.44 ms + 0.28 ms a query; a time entry whose names take one query has 2 (its own row
 * and the names), so 1.0 ms.
 */
const TIME_ENTRY_ONE_QUERY = { fixedMs: 17, perRecordMs: 0.44 + 0.28 * 2, cpuShare: 226 / 257 } as const;
const GET_ONE = { cpuMs: 15, waitMs: 5 };

export function validateCpuModel(spec: CpuModelSpec): void {
  if (!Number.isInteger(spec.cores) || spec.cores < 1 || spec.cores > 256)
    throw new Error('cpu model cores must be a whole number from 1 to 256');
  if (spec.auditRowMs !== undefined && !(Number.isFinite(spec.auditRowMs) && spec.auditRowMs >= 0))
    throw new Error('cpu model auditRowMs must be a number >= 0');
  if (spec.timeEntryNames !== undefined && !['loaded', 'one-query'].includes(spec.timeEntryNames))
    throw new Error("cpu model timeEntryNames must be 'loaded' or 'one-query'");
  if (spec.rest !== undefined && !['off-core', 'on-core'].includes(spec.rest))
    throw new Error("cpu model rest must be 'off-core' or 'on-core'");
}

function catalogueAudited(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const field of CATALOGUE.fields)
    if (field.audited) out[field.module] = [...(out[field.module] ?? []), field.name];
  return out;
}

export class CpuModel {
  private busy = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly audited: Record<string, readonly string[]>;

  constructor(readonly spec: CpuModelSpec) {
    validateCpuModel(spec);
    this.audited = spec.audited ?? catalogueAudited();
  }

  /** What a request costs SuiteCRM: `fields` are the attributes a save sends, `pageSize` a list's page. */
  cost(
    kind: RequestKind,
    module: string | undefined,
    detail: { fields?: string[]; pageSize?: number },
  ): RequestCost {
    const cost = this.measuredCost(kind, module, detail);
    return this.spec.rest === 'on-core' ? { cpuMs: cost.cpuMs + cost.waitMs, waitMs: 0 } : cost;
  }

  private measuredCost(
    kind: RequestKind,
    module: string | undefined,
    detail: { fields?: string[]; pageSize?: number },
  ): RequestCost {
    if (kind === 'save') {
      const auditRowMs = this.spec.auditRowMs ?? DEFAULT_AUDIT_ROW_MS;
      const audited = new Set(this.audited[module ?? ''] ?? []);
      const rows = (detail.fields ?? []).filter((field) => audited.has(field)).length;
      const base = MEASURED_SAVE.cpuMs - MEASURED_SAVE.auditRows * auditRowMs;
      const cpuMs = base + rows * auditRowMs - (this.spec.aod === false ? AOD_SAVE_MS : 0);
      return { cpuMs: Math.max(1, cpuMs), waitMs: MEASURED_SAVE.waitMs };
    }
    if (kind === 'list') {
      const page =
        module === 'SLA_TimeEntries' && this.spec.timeEntryNames === 'one-query'
          ? TIME_ENTRY_ONE_QUERY
          : (PAGE[(module ?? 'Cases') as keyof typeof PAGE] ?? PAGE.Cases);
      const total = page.fixedMs + page.perRecordMs * (detail.pageSize ?? 20);
      return { cpuMs: total * page.cpuShare, waitMs: total * (1 - page.cpuShare) };
    }
    return GET_ONE;
  }

  /** Serves a request: waits for a core, holds it for the CPU part, then the rest. */
  async serve(cost: RequestCost, sleep: (ms: number) => Promise<void>): Promise<void> {
    await this.acquire();
    try {
      await sleep(cost.cpuMs);
    } finally {
      this.release();
    }
    if (cost.waitMs > 0) await sleep(cost.waitMs);
  }

  /** Requests holding a core or waiting for one. */
  load(): { busy: number; waiting: number } {
    return { busy: this.busy, waiting: this.waiting.length };
  }

  private acquire(): Promise<void> {
    if (this.busy < this.spec.cores) {
      this.busy++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The core passes straight to the next in line: `busy` stays the same.
    if (next) next();
    else this.busy--;
  }
}

/** The kind of a V8 request, by the stand-in's route name. */
export function requestKind(route: string): RequestKind {
  if (route === 'update' || route === 'create') return 'save';
  if (route === 'list' || route === 'relationship.list') return 'list';
  if (route === 'get') return 'get';
  return 'other';
}
