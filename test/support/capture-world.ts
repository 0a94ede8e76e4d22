import type { CustomFieldSpec } from '../../bridge/src/standin/index.js';
import { type Capture, loadCapture } from './capture-file.js';

/**
 * The capture lab's SuiteCRM, rebuilt from the captures themselves, as the seed a stand-in
 * replays them against: the 50 demo accounts (ids and names from capture 40, full attribute
 * sets where a capture shows them, date_modified values from the list captures after the lab
 * spread them over 30 days), the 50 demo cases (the ones captures show, the rest neutral), the
 * lab's custom fields, OAuth clients and users. Everything here is read from a capture or
 * stated by the fixtures README; what no capture shows is filled with neutral values (and the
 * replay only compares shapes where those could matter).
 */
type Json = Record<string, unknown>;
type DbRow = Record<string, string | null>;

function body(name: string): Json {
  return JSON.parse(loadCapture(name).response.body) as Json;
}

function records(name: string): Json[] {
  const data = body(name).data;
  return (Array.isArray(data) ? data : [data]) as Json[];
}

/** The inverse of SuiteCRM's to_html() on output. */
function fromOutput(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#039;/g, "'");
}

function isoToDb(value: string, seconds = '00'): string {
  return `${value.slice(0, 10)} ${value.slice(11, 16)}:${seconds}`;
}

/** Attribute names whose value SuiteCRM computes (relate names, links): not stored on the row. */
const COMPUTED = new Set([
  'modified_by_name',
  'created_by_name',
  'assigned_user_name',
  'account_name',
  'parent_name',
  'campaign_name',
  'contact_created_by_name',
]);
/** Non-db account values SuiteCRM reads from the email tables; the stand-in keeps them on the row. */
const KEPT_NON_DB = new Set(['email1', 'email_opt_out', 'invalid_email']);

/** A stored row from a record the API returned: datetimes back to `Y-m-d H:i:s`, entities undone, "" as NULL. */
function rowFromRecord(record: Json, nonDb: ReadonlySet<string>): DbRow {
  const attributes = record.attributes as Json;
  const row: DbRow = { id: record.id as string };
  for (const [name, value] of Object.entries(attributes)) {
    if (COMPUTED.has(name) || typeof value !== 'string') continue;
    if (nonDb.has(name) && !KEPT_NON_DB.has(name)) continue;
    if (value === '') row[name] = KEPT_NON_DB.has(name) ? '' : null;
    else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+00:00$/.test(value)) row[name] = isoToDb(value);
    else row[name] = fromOutput(value);
  }
  return row;
}

/**
 * date_modified of the accounts after the lab spread them (31, 32/33, 46, 56, 57, 62, 140),
 * with seconds where a capture pins them (2bdbff4d: gte 14:03:04 matches, gt 14:03:04 does not).
 */
const ACCOUNT_MODIFIED: Record<string, string> = {
  '238a4a1a-c716-ba65-159f-6b06dbb081ae': '2026-11-24 14:24:31',
  '2bdbff4d-0f91-b46b-a389-6b06db1680d1': '2026-11-24 14:03:04',
  '2a3821d9-44f7-b771-196b-6b06db3b7eb2': '2026-11-24 13:21:10',
  '42084c8c-6666-fc7c-b641-6b06db60e75d': '2026-11-20 23:18:44',
  '4bf166b7-df4e-a832-f735-6b06db8fd060': '2026-11-20 12:57:09',
  '9bd60961-34c5-23ec-1b47-6b06dbc7e4d8': '2026-11-20 21:22:15',
  'b5899ec7-6698-db7a-06c9-6b06db1669c9': '2026-11-24 05:49:50',
  'c094f0fc-3572-d987-e3c2-6b06db2c732c': '2026-11-19 13:13:27',
  'd39b60ac-0e21-7fac-9e47-6b06db5c2735': '2026-11-08 16:50:02',
  '640b00ce-ce05-43bf-3ee3-6b06db231e3b': '2026-11-16 12:00:41',
  '137895c1-aacc-cad0-a1d1-6b06dbbed502': '2026-11-17 20:24:33',
  '1cc7862c-0725-d759-3167-6b06dba00e6b': '2026-11-10 06:13:12',
};

/**
 * The lab's edits for the DST captures (35/36 note; 57 shows the second account): two accounts
 * moved into the repeated hour of 2026-11-01 in New York, between captures 34 and 35.
 */
export const DST_EDITS: Record<string, string> = {
  '42084c8c-6666-fc7c-b641-6b06db60e75d': '2026-11-01 06:30:10',
  '4bf166b7-df4e-a832-f735-6b06db8fd060': '2026-11-01 05:30:10',
};

/** Accounts capture 61 shows assigned to Chris Olliver. */
const CHRIS = new Set(['e8ddf770-8495-5bc9-f57a-6b06db11c308', '6be3ac96-b78b-54a1-f9b8-6b06dbcdbb12']);

function accounts(): DbRow[] {
  const full = new Map<string, Json>();
  for (const record of [
    ...records('30-accounts-page-size2-number1'),
    ...records('116-account-patch-custom-field'),
  ]) {
    full.set(record.id as string, record);
  }
  const accountNonDb = new Set(
    Object.entries((body('21-meta-fields-Accounts').data as Json).attributes as Record<string, Json>)
      .filter(([, meta]) => meta.source === 'non-db' || meta.type === 'link')
      .map(([name]) => name),
  );
  const all = records('40-accounts-page-size-1000');
  let unknown = 0;
  return all.map((record) => {
    const id = record.id as string;
    const known = full.get(id);
    const row: DbRow = known
      ? rowFromRecord(known, accountNonDb)
      : {
          id,
          name: fromOutput((record.attributes as Json).name as string),
          assigned_user_id: 'seed_sally_id',
        };
    delete row.lab_tier_c;
    if (CHRIS.has(id)) row.assigned_user_id = 'seed_chris_id';
    row.date_entered = '2026-11-25 12:57:02';
    row.modified_user_id ??= '1';
    row.created_by ??= '1';
    const modified = ACCOUNT_MODIFIED[id];
    if (modified) row.date_modified = modified;
    else {
      // Eleven between 11-10 and 11-19 (46 counts 20 rows after 11-10), the rest in October.
      const n = unknown++;
      const time = `0${n % 10}:1${n % 6}:2${n % 10}`;
      row.date_modified = n < 11 ? `2026-11-${11 + (n % 8)} ${time}` : `2026-10-${10 + (n % 18)} ${time}`;
    }
    return row;
  });
}

function cases(): DbRow[] {
  const caseNonDb = new Set(
    Object.entries((body('22-meta-fields-Cases').data as Json).attributes as Record<string, Json>)
      .filter(([, meta]) => meta.source === 'non-db' || meta.type === 'link')
      .map(([name]) => name),
  );
  const known = new Map<number, DbRow>();
  const single = rowFromRecord(records('70-case-get-single')[0] as Json, caseNonDb);
  known.set(Number(single.case_number), single);
  // 138 shows case 7 after its PATCH; before it, the two patched values were empty.
  const patched = rowFromRecord(records('138-case-patch-html-encoding')[0] as Json, caseNonDb);
  delete patched.lab_external_ref_c;
  patched.description = null;
  patched.date_modified = '2026-11-21 09:41:07';
  known.set(Number(patched.case_number), patched);
  const rows: DbRow[] = [];
  for (let number = 1; number <= 50; number++) {
    const row = known.get(number) ?? {
      // Case 20 is the one capture 115 shows; the others no capture shows.
      id:
        number === 20
          ? '19bf0957-b7b1-41a6-dfb0-6b06db58d6db'
          : `0c5e0000-0000-4000-8000-${String(number).padStart(12, '0')}`,
      name: number === 20 ? 'Having trouble adding new items' : `Demo case ${number}`,
      case_number: String(number),
      status: 'Open_New',
      state: 'Open',
      priority: 'P2',
      assigned_user_id: 'seed_max_id',
      modified_user_id: '1',
      created_by: '1',
      date_modified: `2026-11-${String(1 + (number % 24)).padStart(2, '0')} 10:${String(number).padStart(2, '0')}:00`,
    };
    row.date_entered = '2026-11-25 12:57:02';
    row.case_number = String(number);
    rows.push(row);
  }
  return rows;
}

export interface CaptureWorld {
  records: { Accounts: DbRow[]; Cases: DbRow[] };
  extraCustomFields: { Accounts: CustomFieldSpec[]; Cases: CustomFieldSpec[] };
}

export function captureWorld(): CaptureWorld {
  return {
    records: { Accounts: accounts(), Cases: cases() },
    extraCustomFields: {
      // As Studio added them (capture 110 shows the two on Cases; 116 the one on Accounts).
      Accounts: [{ name: 'lab_tier_c', type: 'varchar', len: '100', default: '', comments: '' }],
      Cases: [
        { name: 'lab_external_ref_c', type: 'varchar', len: '100', default: '', comments: '' },
        { name: 'lab_score_c', type: 'int', len: '255', default: '', comments: '' },
      ],
    },
  };
}

/** The lab's OAuth clients: the two of the README, and the userless one of captures 13/15. */
export const LAB_CLIENTS = [
  {
    id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000001',
    secret: 'lab-cc-secret-0001',
    grantType: 'client_credentials' as const,
    assignedUserId: '1',
  },
  {
    id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000002',
    secret: 'lab-pw-secret-0001',
    grantType: 'password' as const,
  },
  {
    id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000009',
    secret: 'tmp',
    grantType: 'client_credentials' as const,
    assignedUserId: null,
  },
];

export function captureTime(capture: Capture): number {
  return Date.parse(capture.response.headers.date ?? '');
}
