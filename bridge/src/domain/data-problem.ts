import { isBridgeError } from '../errors/bridge-error.js';
import { fitLength, safeText } from './explanation/safe-text.js';

/**
 * Bad data found while evaluating a record. Thrown inside the domain and caught by each
 * `evaluate*` function, which turns it into `sla_data_problem_c = "not computed: <reason>"`:
 * an evaluation never throws out to the sync.
 */
export class DataProblem extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DataProblem';
  }
}

export function dataProblem(reason: string): never {
  throw new DataProblem(reason);
}

export const NOT_COMPUTED_PREFIX = 'not computed: ';
const FIELD_LENGTH = 255; // the varchar(255) data-problem fields

/** The reason for any failure, for the data-problem field. */
export function problemReason(error: unknown): string {
  if (error instanceof DataProblem) return error.reason;
  if (isBridgeError(error)) return error.message;
  // A bug must not stop the sync; the reason says so and the sync logs it.
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

export function notComputedText(reason: string): string {
  // Quotes dropped (reasons quote values), the rest made safe for SuiteCRM's HTML encoding.
  const text = safeText(`${NOT_COMPUTED_PREFIX}${reason}`.replace(/"/g, '')).replace(/\s+/g, ' ').trim();
  return fitLength(text, FIELD_LENGTH);
}
