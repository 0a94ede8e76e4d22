import type { CalendarDefinition } from '../domain/calendar/index.js';
import { isAlwaysOpen } from '../domain/calendar/index.js';
import type { CompiledPolicy } from '../domain/policy/compiled-policy.js';
import type { SeverityTargets } from '../domain/policy/policy.schema.js';

const WEEKDAYS = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `policy show` without --json: the effective policy as a support manager reads it. */
export function policySummary(policy: CompiledPolicy, source: string): string {
  const doc = policy.document;
  const lines: string[] = [];
  lines.push(
    `Policy version ${policy.version} (${source}); explanations in ${doc.language === 'es' ? 'Spanish' : 'English'}`,
  );
  lines.push('', 'Calendars');
  const width = Math.max(...Object.keys(doc.calendars).map((name) => name.length));
  for (const [name, calendar] of Object.entries(doc.calendars)) {
    const marker = name === doc.alwaysOpenCalendar ? '  (24/7 cover)' : '';
    lines.push(`  ${name.padEnd(width)}  ${describeCalendar(calendar)}${marker}`);
  }
  lines.push(
    '',
    'Plans (targets in business minutes of the plan calendar; S1 on 24/7 when the plan or account has 24/7 cover)',
  );
  for (const plan of doc.plans) {
    lines.push(
      `  ${plan.id}: ${plan.label}, ${plan.reservedHours} h per 12-month term, calendar ${plan.calendar}`,
    );
    lines.push(`    response   ${targets(plan.responseMinutes)}`);
    lines.push(`    resolution ${plan.resolutionMinutes ? targets(plan.resolutionMinutes) : 'none'}`);
    lines.push(
      `    at risk at ${percent(plan.atRiskShare)} of the target; 24/7 Severity 1: ${plan.severity1AlwaysOpen ? 'yes' : 'no'}`,
    );
  }
  lines.push('');
  lines.push(
    `Counted time categories: ${doc.countedCategories.join(', ')} (development and migration never count)`,
  );
  lines.push(`Renewal notices: ${doc.renewalNoticeDays.join(', ')} days before a term ends`);
  lines.push(
    `Hours warnings: ${doc.hourWarningShares.map((share, index) => `${percent(share)} (${index === 0 ? 'warning' : 'critical'})`).join(', ')}; exhausted at 100%`,
  );
  lines.push(`Payment required before a term is active: ${doc.paymentRequired ? 'yes' : 'no'}`);
  lines.push(
    `SuiteCRM priority follows the effective severity: ${
      doc.priority.followsSeverity
        ? `yes (${Object.entries(doc.priority.map)
            .map(([severity, key]) => `${severity}=${key}`)
            .join(', ')})`
        : 'no'
    }`,
  );
  lines.push(`Integration users (never acknowledge): ${doc.integrationUsers.join(', ') || 'none'}`);
  const { add, remove } = doc.holidayOverrides;
  lines.push(
    `Holiday overrides: ${add.length + remove.length === 0 ? 'none' : `closed ${add.map((day) => day.date).join(', ') || 'none'}; open ${remove.join(', ') || 'none'}`}`,
  );
  return `${lines.join('\n')}\n`;
}

export function describeCalendar(calendar: CalendarDefinition): string {
  if (isAlwaysOpen(calendar)) return `every minute (24/7/365), ${calendar.timeZone}`;
  const days = calendar.workingDays;
  const contiguous = days.every((day, index) => index === 0 || day === (days[index - 1] as number) + 1);
  const dayText =
    contiguous && days.length > 1
      ? `${WEEKDAYS[days[0] as number]}-${WEEKDAYS[days[days.length - 1] as number]}`
      : days.map((day) => WEEKDAYS[day]).join(',');
  const hours = calendar.hours.map(([open, close]) => `${open}-${close}`).join(', ');
  const holidays = Array.isArray(calendar.holidays)
    ? `${calendar.holidays.length} listed holidays`
    : 'England and Wales bank holidays';
  return `${dayText} ${hours} ${calendar.timeZone}, ${holidays}`;
}

function targets(minutes: SeverityTargets): string {
  return (['1', '2', '3', '4'] as const).map((severity) => `S${severity} ${minutes[severity]}`).join('  ');
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
