import type { ChangeLogActor, ChangeLogEntry, ChangeLogField } from '../../catalogue/change-log-entry.js';
import { formatChangeLogEntry } from '../change-log-writer.js';
import { dbDatetime } from '../clock/virtual-clock.js';
import type { ModuleName } from '../schema/module-defs.js';
import type { Row } from '../store/row.js';
import { Prng } from './prng.js';
import {
  CASE_SUBJECTS,
  COMPANY_FIRST,
  COMPANY_SECOND,
  COMPANY_SUFFIX,
  INDUSTRIES,
  PRODUCT_VERSIONS,
  TIME_ENTRY_NAMES,
} from './word-lists.js';

/** How much to generate. Defaults follow the ratio: 10 cases per account, 3 entries per case. */
export interface SeedScale {
  accounts: number;
  cases?: number;
  timeEntries?: number;
}

export interface GenerateOptions {
  seed: number;
  /** The stand-in's clock at start: everything generated lies before it. */
  now: number;
  scale: SeedScale;
  /** Include the package's fields (the SLA custom fields and the time-entry module). */
  withPackage: boolean;
  /**
   * When the package was installed: cases created before it have no row in `cases_cstm` (every
   * package field blank, no change log) and no time entry was created before it, as on a site
   * with years of cases and a fresh install. Everything else is generated as without it (the
   * same random draws).
   */
  installedAt?: number;
}

export type GeneratedRows = Record<ModuleName, Row[]>;

const DAY = 86_400_000;
/** "0.00" to "8.00" in quarter hours, shared by every entry instead of one string each. */
const QUARTER_HOURS = Array.from({ length: 33 }, (_, i) => (i * 0.25).toFixed(2));
const MINUTE = 60_000;
const STAFF = [
  'seed_sally_id',
  'seed_max_id',
  'seed_chris_id',
  'seed_will_id',
  'seed_jim_id',
  'seed_sarah_id',
];
const PLANS: readonly (readonly [string, number])[] = [
  ['essential', 30],
  ['professional', 25],
  ['enterprise', 10],
  ['free', 20],
  ['', 15],
];

function date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return date(Date.UTC(y + years, m - 1, d) - DAY);
}

/**
 * Deterministic data for the stand-in: accounts on the default policy's plans (and free or no
 * support), with contract starts, cancellations, refunds and paid-through dates; cases with
 * severities, environments, causes, a status history and the change log the package's hook
 * would have written; time entries against those cases. The same seed, scale and clock always
 * give the same rows. A few "mass update" minutes hold many rows, so readers meet minutes with
 * more than a page of changes.
 */
export function generateRows(options: GenerateOptions): GeneratedRows {
  const random = new Prng(options.seed);
  const { now, withPackage } = options;
  const accountCount = Math.max(0, Math.floor(options.scale.accounts));
  const caseCount = Math.max(0, Math.floor(options.scale.cases ?? accountCount * 10));
  const entryCount = withPackage ? Math.max(0, Math.floor(options.scale.timeEntries ?? caseCount * 3)) : 0;
  const span = 730 * DAY;
  // Three minutes in which a mass update touched about 2% of all rows.
  const bulkMinutes = [now - 20 * DAY, now - 6 * DAY, now - 2 * DAY].map((t) => t - (t % MINUTE) + 17_000);
  const touched = (entered: number, modified: number): number => {
    if (!random.chance(0.02)) return modified;
    const bulk = random.pick(bulkMinutes) + random.int(0, 40_000);
    return bulk > modified && bulk > entered ? bulk : modified;
  };

  const accounts: Row[] = [];
  for (let i = 0; i < accountCount; i++) {
    const entered = now - span - 90 * DAY + Math.floor(random.next() * (span + 80 * DAY));
    const modified = touched(
      entered,
      entered + Math.floor(random.next() * Math.max(0, now - entered - MINUTE)),
    );
    const plan = random.weighted(PLANS);
    const dedicated = plan !== '' && plan !== 'free';
    const start = dedicated ? date(now - random.int(-20, 1000) * DAY) : null;
    const cancelled = dedicated && random.chance(0.08);
    const cancelledOn =
      cancelled && start ? date(Math.min(now, Date.parse(start) + random.int(10, 330) * DAY)) : null;
    const refunded = cancelled && random.chance(0.25);
    const paidThrough =
      dedicated && start
        ? addYears(start, random.chance(0.85) ? 1 + Math.floor((now - Date.parse(start)) / (365 * DAY)) : 1)
        : null;
    const hasCustomRow = withPackage && plan !== '';
    const name = [random.pick(COMPANY_FIRST), random.pick(COMPANY_SECOND), random.pick(COMPANY_SUFFIX)].join(
      ' ',
    );
    accounts.push({
      id: random.guid(),
      name,
      date_entered: dbDatetime(entered),
      date_modified: dbDatetime(modified),
      modified_user_id: '1',
      created_by: '1',
      description: null,
      deleted: '0',
      assigned_user_id: random.pick(STAFF),
      account_type: 'Customer',
      industry: random.pick(INDUSTRIES),
      billing_address_country: random.pick(['United Kingdom', 'Spain', 'Ireland', 'France']),
      phone_office: ['+44 20 7946', String(random.int(0, 9999)).padStart(4, '0')].join(' '),
      sla_plan_c: hasCustomRow ? plan : null,
      sla_contract_start_c: hasCustomRow ? start : null,
      sla_reserved_hours_c:
        hasCustomRow && dedicated && random.chance(0.05) ? `${random.int(2, 30) * 5}.00` : null,
      sla_phone_cover_c: hasCustomRow ? (random.chance(0.04) ? random.pick(['yes', 'no']) : '') : null,
      sla_will_not_renew_c: hasCustomRow ? (cancelled ? '1' : '0') : null,
      sla_cancelled_on_c: hasCustomRow ? cancelledOn : null,
      sla_refunded_c: hasCustomRow ? (refunded ? '1' : '0') : null,
      sla_paid_through_c: hasCustomRow ? paidThrough : null,
      sla_product_versions_c: hasCustomRow
        ? `${random.pick(PRODUCT_VERSIONS)}, ${random.pick(PRODUCT_VERSIONS)}`
        : null,
    });
  }

  // Cases: numbered in creation order, spread over two years, busier accounts get more of them.
  // A few percent are from the last three days: those are the ones still new or in progress.
  const caseTimes = Array.from({ length: caseCount }, () =>
    random.chance(0.03)
      ? now - 3 * DAY + Math.floor(random.next() * (3 * DAY - 30 * MINUTE))
      : now - span + Math.floor(random.next() * (span - 30 * MINUTE)),
  );
  caseTimes.sort((a, b) => a - b);
  const cases: Row[] = [];
  for (let i = 0; i < caseCount; i++) {
    const entered = caseTimes[i] as number;
    const account =
      accountCount > 0 ? (accounts[Math.floor(accountCount * random.next() ** 2)] as Row) : undefined;
    const severity = random.weighted([
      ['1', 5],
      ['2', 20],
      ['3', 45],
      ['4', 30],
    ] as const);
    const environment = random.weighted([
      ['production', 60],
      ['pre_production', 10],
      ['uat', 12],
      ['lab', 5],
      ['demo', 3],
      ['unknown', 10],
    ] as const);
    const cause = random.weighted([
      ['unknown', 45],
      ['product', 35],
      ['customer_software', 12],
      ['third_party_software', 8],
    ] as const);
    const reportable = random.chance(0.9)
      ? 'yes'
      : random.pick(['misuse', 'no_material_effect', 'unsupported_modification', 'update_not_applied']);
    const creator = random.chance(0.4) ? 'api' : 'person';
    const creatorId = creator === 'api' ? '1' : random.pick(STAFF);
    const owner = random.pick(STAFF);
    const log: ChangeLogEntry[] = [];
    const entry = (
      at: number,
      field: ChangeLogField,
      from: string,
      to: string,
      userId: string,
      actor: ChangeLogActor,
    ) =>
      log.push({
        at: Math.floor(at / 1000) * 1000,
        field,
        from: from || null,
        to: to || null,
        userId,
        actor,
      });
    const initial: [ChangeLogField, string][] = [
      ['status', 'Open_New'],
      ['severity', severity],
      ['environment', environment],
      ['cause', cause],
      ['reportable', reportable],
    ];
    for (const [field, value] of initial) entry(entered, field, '', value, creatorId, creator);
    // The status history: acknowledged, perhaps waiting on the customer, closed when old enough.
    let status = 'Open_New';
    let t = entered;
    const age = now - entered;
    const step = (minutes: number) => {
      t = Math.min(now - MINUTE, t + minutes * MINUTE);
      return t;
    };
    const fresh = age < 3 * DAY && random.chance(0.3);
    if (!fresh) {
      entry(step(random.int(5, 600)), 'status', status, 'Open_Assigned', owner, 'person');
      status = 'Open_Assigned';
      let waiting = false;
      if (random.chance(0.3)) {
        entry(step(random.int(60, 4000)), 'status', status, 'Open_Pending Input', owner, 'person');
        status = 'Open_Pending Input';
        waiting = age < 30 * DAY && random.chance(0.5);
        if (!waiting) {
          entry(step(random.int(60, 6000)), 'status', status, 'Open_Assigned', creatorId, creator);
          status = 'Open_Assigned';
        }
      }
      const closeChance = Math.min(0.97, age / (45 * DAY));
      if (!waiting && random.chance(closeChance)) {
        const closed = random.chance(0.9)
          ? 'Closed_Closed'
          : random.pick(['Closed_Rejected', 'Closed_Duplicate']);
        entry(step(random.int(120, 20_000)), 'status', status, closed, owner, 'person');
        status = closed;
      }
    }
    let downgrade = '';
    let downgradedAt: string | null = null;
    if ((severity === '1' || severity === '2') && random.chance(0.1)) {
      downgrade = String(Number(severity) + 1);
      const at = step(random.int(30, 600));
      entry(at, 'downgrade_to', '', downgrade, owner, 'person');
      downgradedAt = dbDatetime(at);
    }
    const modified = touched(entered, t === entered ? entered : t);
    const predatesPackage = options.installedAt !== undefined && entered < options.installedAt;
    // The core columns first: the random draws stay in the order they have always had.
    const core = {
      id: random.guid(),
      name: random.pick(CASE_SUBJECTS),
      date_entered: dbDatetime(entered),
      date_modified: dbDatetime(modified),
      modified_user_id: log.length > 0 ? (log[log.length - 1]?.userId ?? '1') : '1',
      created_by: creatorId,
      description: random.chance(0.3)
        ? 'Customer reports the problem started after the last deployment.'
        : null,
      deleted: '0',
      assigned_user_id: owner,
      case_number: String(i + 1),
      type: random.pick(['User', 'Administration', 'Product']),
      status,
      priority: severity === '1' ? 'P1' : severity === '2' ? 'P2' : 'P3',
      account_id: account?.id ?? null,
      state: status.startsWith('Closed') ? 'Closed' : 'Open',
    };
    const packageFields: Record<string, string | null> = withPackage
      ? {
          sla_reported_at_c: dbDatetime(random.chance(0.2) ? entered - random.int(1, 240) * MINUTE : entered),
          sla_severity_c: severity,
          sla_environment_c: environment,
          sla_cause_c: cause,
          sla_reportable_c: reportable,
          sla_downgrade_to_c: downgrade,
          sla_downgrade_reason_c:
            downgrade === '' ? '' : 'Customer could not provide access to a test system',
          sla_channel_c: creator === 'api' ? 'portal' : random.pick(['email', 'phone', 'other']),
          sla_product_version_c: random.pick(PRODUCT_VERSIONS),
          sla_change_log_c: log.map(formatChangeLogEntry).join(';'),
          sla_downgraded_at_c: downgradedAt,
          sla_input_stamp_c: inputStamp(log, entered),
        }
      : {};
    cases.push({
      ...core,
      ...(predatesPackage
        ? Object.fromEntries(Object.keys(packageFields).map((field) => [field, null]))
        : packageFields),
    });
  }

  const entries: Row[] = [];
  for (let i = 0; i < entryCount && caseCount > 0; i++) {
    const aCase = cases[Math.floor(caseCount * random.next() ** 1.5)] as Row;
    const caseStart = Date.parse(`${(aCase.date_entered as string).replace(' ', 'T')}Z`);
    const worked =
      caseStart + Math.floor(random.next() * Math.max(MINUTE, Math.min(now - caseStart - MINUTE, 60 * DAY)));
    const entered = Math.min(now - MINUTE, worked + random.int(0, 48 * 60) * MINUTE);
    const modified = touched(entered, entered + (random.chance(0.1) ? random.int(1, 5000) * MINUTE : 0));
    entries.push({
      id: random.guid(),
      name: random.pick(TIME_ENTRY_NAMES),
      date_entered: dbDatetime(entered),
      date_modified: dbDatetime(Math.min(modified, now - 1000)),
      modified_user_id: '1',
      created_by: aCase.assigned_user_id ?? '1',
      description: null,
      deleted: '0',
      assigned_user_id: aCase.assigned_user_id ?? null,
      case_id: aCase.id,
      account_id: aCase.account_id ?? null,
      work_date: date(worked),
      hours: QUARTER_HOURS[random.int(1, 32)] as string,
      category: random.weighted([
        ['support', 60],
        ['consulting', 20],
        ['development', 15],
        ['migration', 5],
      ] as const),
      term_start: null,
      counts_against_plan: '0',
      data_problem: null,
    });
  }
  // The time-entry module is the package's own: nothing was logged in it before the install.
  const installedAt = options.installedAt;
  const logged =
    installedAt === undefined
      ? entries
      : entries.filter((row) => Date.parse(`${String(row.date_entered).replace(' ', 'T')}Z`) >= installedAt);
  return { Accounts: accounts, Cases: cases, SLA_TimeEntries: logged };
}

/**
 * The SLA input stamp the package's hook (rule R6) leaves on a case whose saves are its change
 * log: one stamp per save that logged something (an input change of a stamped case), the last
 * one's time and their count. The bridge's fields are not generated, so nothing is echoed yet.
 */
function inputStamp(log: readonly ChangeLogEntry[], entered: number): string {
  const saves = new Set(log.map((entry) => entry.at).filter((at) => at > entered));
  const last = Math.max(entered, ...saves);
  return `${dbDatetime(last)}#${saves.size + 1}`;
}
