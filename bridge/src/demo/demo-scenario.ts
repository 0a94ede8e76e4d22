/**
 * The demo's sample world: seven customers of a SuiteCRM support company and one week of their
 * cases, told as the saves people make in SuiteCRM, each at a London wall-clock time. Every
 * outcome on the board follows from these saves, the default policy and the clock; nothing
 * here states a result.
 *
 * The week is Monday 1 June to Monday 8 June 2026, 11:30 (British Summer Time, no bank holiday).
 */
export type LocalTime = string; // 'YYYY-MM-DD HH:mm', Europe/London

type Fields = Record<string, string>;

export type ScenarioAction =
  | { kind: 'create-account'; key: string; attributes: Fields }
  | { kind: 'edit-account'; account: string; attributes: Fields; by: string }
  | { kind: 'create-case'; key: string; account: string; attributes: Fields; by: string }
  | { kind: 'edit-case'; case: string; attributes: Fields; by: string }
  | { kind: 'log-time'; case: string; attributes: Fields; by: string };

export interface ScenarioStep {
  at: LocalTime;
  action: ScenarioAction;
}

/** A stretch of the walk: a daemon tick every `everyMinutes` from `from` to `to` (both included). */
export interface WalkSegment {
  from: LocalTime;
  to: LocalTime;
  everyMinutes: number;
}

export interface Scenario {
  zone: string;
  /** Seeds the stand-in's ids, so every run shows the same records. */
  seed: number;
  /** The bridge's tracking start (a London date): before every sample case. */
  trackingStart: string;
  /** Where the stand-in's clock stands when it starts (before the first step). */
  startsAt: LocalTime;
  /** The board lists the ledger's events from here on (the demo week). */
  eventsFrom: LocalTime;
  walk: WalkSegment[];
  steps: ScenarioStep[];
}

const SALLY = 'seed_sally_id'; // support lead
const MAX = 'seed_max_id'; // on call this weekend
const CHRIS = 'seed_chris_id';
const SARAH = 'seed_sarah_id';

const account = (key: string, name: string, contract: Fields, extra: Fields = {}): ScenarioStep => ({
  at: '2026-04-30 09:00',
  action: {
    kind: 'create-account',
    key,
    attributes: {
      name,
      account_type: 'Customer',
      billing_address_country: 'United Kingdom',
      assigned_user_id: SALLY,
      ...contract,
      ...extra,
    },
  },
});

interface CaseFacts {
  subject: string;
  severity: '1' | '2' | '3' | '4';
  environment?: string;
  cause?: string;
  reportable?: string;
  channel: string;
  /** Logged later than it was reported (a phone call), as staff type it: UTC `Y-m-d H:i:s`. */
  reportedAt?: string;
  status?: string;
}

const PRIORITY = { '1': 'P1', '2': 'P2', '3': 'P3', '4': 'P3' } as const;

const newCase = (at: LocalTime, key: string, accountKey: string, facts: CaseFacts, by = SALLY) => ({
  at,
  action: {
    kind: 'create-case' as const,
    key,
    account: accountKey,
    by,
    attributes: {
      name: facts.subject,
      status: facts.status ?? 'Open_New',
      type: 'User',
      priority: PRIORITY[facts.severity],
      assigned_user_id: by,
      sla_severity_c: facts.severity,
      sla_environment_c: facts.environment ?? 'production',
      sla_cause_c: facts.cause ?? 'unknown',
      sla_reportable_c: facts.reportable ?? 'yes',
      sla_channel_c: facts.channel,
      sla_product_version_c: '7.14.6',
      ...(facts.reportedAt ? { sla_reported_at_c: facts.reportedAt } : {}),
    },
  },
});

const setStatus = (at: LocalTime, caseKey: string, status: string, by = SALLY): ScenarioStep => ({
  at,
  action: { kind: 'edit-case', case: caseKey, by, attributes: { status } },
});

const logTime = (
  at: LocalTime,
  caseKey: string,
  hours: string,
  category: 'support' | 'consulting' | 'development' | 'migration',
  name: string,
  by = SALLY,
): ScenarioStep => ({
  at,
  action: {
    kind: 'log-time',
    case: caseKey,
    by,
    attributes: { name, hours, category, work_date: at.slice(0, 10), assigned_user_id: by },
  },
});

export const DEMO_SCENARIO: Scenario = {
  zone: 'Europe/London',
  seed: 8,
  trackingStart: '2026-05-01',
  startsAt: '2026-04-30 09:00',
  eventsFrom: '2026-06-01 00:00',
  // Every 15 minutes through Monday's working day, every 2 hours Tuesday to Friday and over
  // the weekend, then every 15 minutes again on Monday morning until 11:30.
  walk: [
    { from: '2026-06-01 08:00', to: '2026-06-01 18:00', everyMinutes: 15 },
    { from: '2026-06-02 08:00', to: '2026-06-02 18:00', everyMinutes: 120 },
    { from: '2026-06-03 08:00', to: '2026-06-03 18:00', everyMinutes: 120 },
    { from: '2026-06-04 08:00', to: '2026-06-04 18:00', everyMinutes: 120 },
    { from: '2026-06-05 08:00', to: '2026-06-05 16:00', everyMinutes: 120 },
    { from: '2026-06-05 17:00', to: '2026-06-08 09:00', everyMinutes: 120 },
    { from: '2026-06-08 09:15', to: '2026-06-08 11:30', everyMinutes: 15 },
  ],
  steps: [
    // The customers, as their contracts stand before the bridge is installed.
    account('brightwater', 'Brightwater Logistics', {
      sla_plan_c: 'enterprise',
      sla_contract_start_c: '2025-11-01',
    }),
    account('kestrel', 'Kestrel Accountancy', {
      sla_plan_c: 'professional',
      sla_contract_start_c: '2026-02-16',
    }),
    account('mossley', 'Mossley Garden Centres', {
      sla_plan_c: 'essential',
      sla_contract_start_c: '2025-10-05',
    }),
    // Renews on 3 July: inside the 60-day notice period, and the 30-day notice falls this week.
    account('calder', 'Calder Valley Foods', {
      sla_plan_c: 'professional',
      sla_contract_start_c: '2024-07-03',
    }),
    // Cancelled in January, after the refund window: the term runs to Friday 5 June, then lapses.
    account('oakham', 'Oakham Print Works', {
      sla_plan_c: 'essential',
      sla_contract_start_c: '2025-06-06',
      sla_will_not_renew_c: '1',
      sla_cancelled_on_c: '2026-01-20',
    }),
    // Cancels on Tuesday inside its refund window and is refunded.
    account('fenwick', 'Fenwick & Rowe Solicitors', {
      sla_plan_c: 'professional',
      sla_contract_start_c: '2026-03-02',
    }),
    account('penrose', 'Penrose Community Trust', { sla_plan_c: 'free' }),

    // Earlier this term: Mossley's upgrade used most of its 40 hours; Brightwater's health check.
    newCase('2026-05-11 10:00', 'mossley-upgrade', 'mossley', {
      subject: 'Upgrade to SuiteCRM 7.14.6',
      severity: '3',
      channel: 'email',
    }),
    setStatus('2026-05-11 10:20', 'mossley-upgrade', 'Open_Assigned'),
    logTime('2026-05-11 17:00', 'mossley-upgrade', '12.00', 'support', 'Upgrade and data checks'),
    logTime('2026-05-12 17:00', 'mossley-upgrade', '8.00', 'support', 'Fixing upgrade issues'),
    logTime('2026-05-13 15:00', 'mossley-upgrade', '8.50', 'consulting', 'Training on the new version'),
    setStatus('2026-05-13 16:00', 'mossley-upgrade', 'Closed_Closed'),
    newCase(
      '2026-05-18 10:00',
      'brightwater-health',
      'brightwater',
      { subject: 'Quarterly health check', severity: '4', channel: 'email', status: 'Open_Assigned' },
      CHRIS,
    ),
    logTime('2026-05-18 16:00', 'brightwater-health', '6.00', 'consulting', 'Health check', CHRIS),
    setStatus('2026-05-18 16:30', 'brightwater-health', 'Closed_Closed', CHRIS),

    // Monday 1 June.
    newCase('2026-06-01 08:30', 'mossley-stock', 'mossley', {
      subject: 'Stock levels wrong after import',
      severity: '2',
      channel: 'email',
    }),
    newCase('2026-06-01 08:50', 'kestrel-invoices', 'kestrel', {
      subject: 'Invoices stuck in draft',
      severity: '2',
      channel: 'portal',
    }),
    newCase('2026-06-01 09:10', 'kestrel-lab', 'kestrel', {
      subject: 'Workflow emails not sent on test system',
      severity: '1',
      environment: 'lab',
      channel: 'phone',
    }),
    setStatus('2026-06-01 09:20', 'mossley-stock', 'Open_Assigned'),
    setStatus('2026-06-01 09:40', 'kestrel-invoices', 'Open_Assigned', SARAH),
    newCase('2026-06-01 09:45', 'calder-duplicates', 'calder', {
      subject: 'Duplicate contacts after import',
      severity: '3',
      channel: 'email',
    }),
    setStatus('2026-06-01 10:15', 'calder-duplicates', 'Open_Assigned', CHRIS),
    newCase('2026-06-01 10:30', 'penrose-dashlet', 'penrose', {
      subject: 'How do I add a dashlet?',
      severity: '4',
      channel: 'portal',
    }),
    newCase('2026-06-01 11:00', 'oakham-export', 'oakham', {
      subject: 'Report export times out',
      severity: '2',
      channel: 'email',
    }),
    setStatus('2026-06-01 11:05', 'kestrel-lab', 'Open_Assigned', SARAH),
    setStatus('2026-06-01 11:30', 'calder-duplicates', 'Open_Pending Input', CHRIS),
    newCase('2026-06-01 12:00', 'mossley-login', 'mossley', {
      subject: 'Cannot log in',
      severity: '3',
      channel: 'portal',
    }),
    setStatus('2026-06-01 12:20', 'mossley-login', 'Closed_Duplicate'),
    newCase('2026-06-01 13:30', 'brightwater-module', 'brightwater', {
      subject: 'Custom module crashes on save',
      severity: '2',
      cause: 'customer_software',
      channel: 'email',
    }),
    newCase('2026-06-01 14:00', 'kestrel-delete', 'kestrel', {
      subject: 'Bulk delete removed live records',
      severity: '1',
      reportable: 'misuse',
      channel: 'phone',
    }),
    setStatus('2026-06-01 15:10', 'brightwater-module', 'Open_Assigned', CHRIS),
    logTime('2026-06-01 17:00', 'kestrel-invoices', '1.25', 'support', 'Reproduced and fixed', SARAH),

    // Tuesday to Friday.
    setStatus('2026-06-02 10:00', 'calder-duplicates', 'Open_Assigned', CHRIS),
    {
      at: '2026-06-02 11:30',
      action: {
        kind: 'edit-account',
        account: 'fenwick',
        by: SALLY,
        attributes: { sla_will_not_renew_c: '1', sla_cancelled_on_c: '2026-06-02', sla_refunded_c: '1' },
      },
    },
    logTime('2026-06-02 16:00', 'mossley-stock', '3.50', 'support', 'Corrected stock import mapping'),
    logTime('2026-06-02 16:30', 'kestrel-invoices', '2.00', 'consulting', 'Invoice workflow review', SARAH),
    logTime('2026-06-03 15:00', 'mossley-stock', '6.00', 'development', 'Custom stock report'),
    setStatus('2026-06-03 16:00', 'calder-duplicates', 'Closed_Closed', CHRIS),
    logTime('2026-06-03 16:00', 'calder-duplicates', '1.50', 'support', 'Merged duplicates', CHRIS),
    logTime('2026-06-04 11:00', 'brightwater-module', '4.00', 'development', 'Patched their module', CHRIS),
    setStatus('2026-06-04 11:30', 'kestrel-invoices', 'Closed_Closed', SARAH),
    setStatus('2026-06-04 15:00', 'kestrel-lab', 'Closed_Closed', SARAH),
    newCase('2026-06-05 16:45', 'kestrel-reports', 'kestrel', {
      subject: 'Scheduled reports arrive empty',
      severity: '2',
      channel: 'email',
    }),

    // Saturday: a Severity 1 on Brightwater's 24/7 cover, phoned in at 02:40.
    newCase(
      '2026-06-06 02:48',
      'brightwater-scanners',
      'brightwater',
      {
        subject: 'Warehouse scanners cannot post orders',
        severity: '1',
        channel: 'phone',
        reportedAt: '2026-06-06 01:40:00',
      },
      MAX,
    ),
    setStatus('2026-06-06 03:31', 'brightwater-scanners', 'Open_Assigned', MAX),
    setStatus('2026-06-06 07:55', 'brightwater-scanners', 'Closed_Closed', MAX),
    logTime('2026-06-06 08:00', 'brightwater-scanners', '2.50', 'support', 'Out-of-hours call-out', MAX),

    // Monday 8 June: a new week begins.
    newCase('2026-06-08 09:20', 'brightwater-spam', 'brightwater', {
      subject: 'Customer emails land in spam',
      severity: '3',
      channel: 'email',
    }),
  ],
};
