/**
 * One `doctor` check's result: a stable id, pass / warn / fail / skip, one sentence saying what
 * was found, the fix in words (for warn and fail), and structured facts for `--json`.
 */
export const CHECK_IDS = [
  'config',
  'policy',
  'store',
  'records',
  'suitecrm',
  'token',
  'timezone',
  'package',
  'plan-list',
  'fields',
  'account-plans',
  'clock',
  'aod',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  id: CheckId;
  status: CheckStatus;
  summary: string;
  fix: string | null;
  details: Record<string, unknown>;
}

export function pass(id: CheckId, summary: string, details: Record<string, unknown> = {}): CheckResult {
  return { id, status: 'pass', summary, fix: null, details };
}

export function warn(
  id: CheckId,
  summary: string,
  fix: string,
  details: Record<string, unknown> = {},
): CheckResult {
  return { id, status: 'warn', summary, fix, details };
}

export function fail(
  id: CheckId,
  summary: string,
  fix: string,
  details: Record<string, unknown> = {},
): CheckResult {
  return { id, status: 'fail', summary, fix, details };
}

/** A check that could not run because an earlier one failed. */
export function skip(id: CheckId, reason: string): CheckResult {
  return { id, status: 'skip', summary: `skipped: ${reason}`, fix: null, details: {} };
}

/** Passed or warned: later checks that need it may run. */
export function usable(result: CheckResult | undefined): boolean {
  return result !== undefined && (result.status === 'pass' || result.status === 'warn');
}

/** `a, b, c and 4 more` */
export function listSome(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
