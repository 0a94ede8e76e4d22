import { createHash } from 'node:crypto';
import { canonicalJson } from '../../catalogue/canonical-json.js';
import { formatIsoDate } from '../../iso/day-number.js';
import { type HolidayRegistry, isAlwaysOpen, OFFICIAL_YEARS } from '../calendar/index.js';
import type { Policy } from './policy.schema.js';

/** Hex digits kept: 64 bits is plenty to tell policies apart and fits `sla_policy_version_c` (32). */
const VERSION_LENGTH = 16;

/**
 * The policy's version: a content hash of the canonical effective policy and of the holiday set
 * in force (the built-in England & Wales list, with the policy's overrides applied), so a
 * change to either - a new target, a new bank holiday in the shipped list - is a new version.
 * Years outside the official list come from date-holidays' rules, which are code, not data:
 * a change there arrives with a new release and is not part of the hash.
 */
export function policyVersion(policy: Policy, registry: HolidayRegistry): string {
  const hash = createHash('sha256');
  hash.update(canonicalJson(policy));
  hash.update('\n');
  hash.update(holidayFingerprint(policy, registry));
  return hash.digest('hex').slice(0, VERSION_LENGTH);
}

function holidayFingerprint(policy: Policy, registry: HolidayRegistry): string {
  const usesBuiltIn = Object.values(policy.calendars).some(
    (calendar) => !isAlwaysOpen(calendar) && calendar.holidays === 'england-and-wales',
  );
  if (!usesBuiltIn) return 'no built-in holidays';
  const set = registry.resolve('england-and-wales');
  const lines: string[] = [set.id];
  for (let year = OFFICIAL_YEARS.first; year <= OFFICIAL_YEARS.last; year++) {
    for (const holiday of set.holidaysInYear(year)) {
      lines.push(`${formatIsoDate(holiday.date)} ${holiday.source} ${holiday.name}`);
    }
  }
  return lines.join('\n');
}
