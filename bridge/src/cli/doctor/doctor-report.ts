import { EXIT } from '../../errors/exit-status.js';
import { redactText } from '../../logging/redact.js';
import { VERSION } from '../version.js';
import type { CheckResult, CheckStatus } from './check.js';

/**
 * How `doctor` shows its results: one line per check (`pass  config  ...`, with `fix:` on warn
 * and fail lines), a last line counting them, and the exit status (0 all passed or warned, 1 a
 * check failed, 2 the configuration or the policy is invalid). `--json` prints the same as one
 * document (see docs/operations.md#doctor).
 */
export interface DoctorCounts {
  pass: number;
  warn: number;
  fail: number;
  skip: number;
}

export function countResults(results: readonly CheckResult[]): DoctorCounts {
  const counts: DoctorCounts = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const result of results) counts[result.status]++;
  return counts;
}

export function doctorExitStatus(results: readonly CheckResult[]): number {
  const failed = results.filter((result) => result.status === 'fail');
  if (failed.some((result) => result.id === 'config' || result.id === 'policy')) return EXIT.usage;
  return failed.length > 0 ? EXIT.failures : EXIT.ok;
}

const WIDTH = Math.max(...['account-plans', 'plan-list'].map((id) => id.length));

export function checkLine(result: CheckResult): string {
  const fix = result.fix === null ? '' : ` — fix: ${result.fix}`;
  return redactText(`${result.status.padEnd(4)}  ${result.id.padEnd(WIDTH)}  ${result.summary}${fix}`);
}

export function summaryLine(results: readonly CheckResult[]): string {
  const counts = countResults(results);
  const parts: Array<[CheckStatus, string]> = [
    ['pass', 'passed'],
    ['warn', counts.warn === 1 ? 'warning' : 'warnings'],
    ['fail', 'failed'],
    ['skip', 'skipped'],
  ];
  return `doctor: ${parts.map(([status, word]) => `${counts[status]} ${word}`).join(', ')}`;
}

export function doctorText(results: readonly CheckResult[]): string {
  return `${[...results.map(checkLine), summaryLine(results)].join('\n')}\n`;
}

export interface DoctorJson {
  bridgeVersion: string;
  exitStatus: number;
  ok: boolean;
  counts: DoctorCounts;
  checks: CheckResult[];
}

export function doctorJson(results: readonly CheckResult[]): string {
  const exitStatus = doctorExitStatus(results);
  const document: DoctorJson = {
    bridgeVersion: VERSION,
    exitStatus,
    ok: exitStatus === EXIT.ok,
    counts: countResults(results),
    checks: [...results],
  };
  return `${redactText(JSON.stringify(document, null, 2))}\n`;
}
