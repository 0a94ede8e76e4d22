import type { ModuleName } from '../../bridge/src/catalogue/catalogue-schema.js';

/** How each module is named in generated TypeScript and OpenAPI (`CaseAttributes`, `caseCodec`, cases.generated.ts). */
export const MODULE_TS_NAMES: Readonly<Record<ModuleName, { type: string; constant: string; file: string }>> =
  {
    Accounts: { type: 'Account', constant: 'ACCOUNT', file: 'accounts' },
    Cases: { type: 'Case', constant: 'CASE', file: 'cases' },
    SLA_TimeEntries: { type: 'TimeEntry', constant: 'TIME_ENTRY', file: 'time-entries' },
  };

/** `sla_plan_list` → `SlaPlanList`, `SLA_PLAN_LIST`. */
export function pascal(name: string): string {
  return name
    .split('_')
    .filter((part) => part !== '')
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');
}

export function constantCase(name: string): string {
  return name.toUpperCase();
}
