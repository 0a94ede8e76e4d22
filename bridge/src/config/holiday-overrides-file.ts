import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { HolidayOverrides } from '../domain/calendar/index.js';
import { BridgeError } from '../errors/bridge-error.js';
import { formatIssues } from '../errors/zod-issues.js';
import { parseIsoDate } from '../iso/day-number.js';

/**
 * The admin's holiday override file: days the office is closed on top of the England & Wales
 * bank holidays, and bank holidays it works.
 *   { "add": [{ "date": "2026-12-24", "name": "Christmas Eve closure" }], "remove": ["2027-05-03"] }
 */
const isoDate = z.string().refine((text) => parseIsoDate(text) !== undefined, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a real date (YYYY-MM-DD)`,
});

export const holidayOverridesSchema = z.strictObject({
  add: z.array(z.strictObject({ date: isoDate, name: z.string().min(1).max(100).optional() })).default([]),
  remove: z.array(isoDate).default([]),
});

export function parseHolidayOverrides(value: unknown, where: string): HolidayOverrides {
  const result = holidayOverridesSchema.safeParse(value);
  if (!result.success) {
    throw new BridgeError(
      'input_invalid',
      `invalid holiday overrides: ${formatIssues(result.error.issues, where)}`,
    );
  }
  return result.data;
}

export function readHolidayOverridesFile(path: string): HolidayOverrides {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BridgeError(
      'input_invalid',
      `cannot read the holiday overrides file ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BridgeError('input_invalid', `${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parseHolidayOverrides(value, path);
}
