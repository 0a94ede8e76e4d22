import { isBridgeError } from '../errors/bridge-error.js';
import { fitLength, safeText } from './explanation/safe-text.js';
import type { Language } from './policy/policy.schema.js';
import type { Problem } from './problems/problem.js';
import { problemText } from './problems/problem-text.js';

/**
 * Bad data found while evaluating a record. Thrown inside the domain and caught by each
 * `evaluate*` function, which turns it into `sla_data_problem_c = "not computed: <reason>"`
 * in the site's language: an evaluation never throws out to the sync. `healsAt` is the instant
 * from which time alone may fix it (the record's next transition).
 */
export class DataProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly healsAt: number | null = null,
  ) {
    super(problemText(problem, 'en'));
    this.name = 'DataProblem';
  }

  /** The reason in English (tests, logs); records get `problemText(problem, language)`. */
  get reason(): string {
    return this.message;
  }
}

export function dataProblem(problem: Problem, healsAt: number | null = null): never {
  throw new DataProblem(problem, healsAt);
}

export const NOT_COMPUTED_PREFIX = 'not computed: ';
const FIELD_LENGTH = 255; // the varchar(255) data-problem fields

/** The problem behind any failure: a bridge error or a bug becomes text (a bug must not stop the sync). */
export function problemOf(error: unknown): Problem {
  if (error instanceof DataProblem) return error.problem;
  if (isBridgeError(error)) return { code: 'text', text: error.message };
  return { code: 'text', text: `internal error: ${error instanceof Error ? error.message : String(error)}` };
}

/** The reason for any failure, for the data-problem field, in the site's language. */
export function problemReason(error: unknown, language: Language = 'en'): string {
  return problemText(problemOf(error), language);
}

/** When time alone may fix the failure; null when only an edit can. */
export function healsAt(error: unknown): number | null {
  return error instanceof DataProblem ? error.healsAt : null;
}

export function notComputedText(reason: string): string {
  // Quotes dropped (reasons quote values), the rest made safe for SuiteCRM's HTML encoding.
  const text = safeText(`${NOT_COMPUTED_PREFIX}${reason}`.replace(/"/g, '')).replace(/\s+/g, ' ').trim();
  return fitLength(text, FIELD_LENGTH);
}
