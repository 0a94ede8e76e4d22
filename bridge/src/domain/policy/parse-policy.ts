import type { z } from 'zod';
import { BridgeError } from '../../errors/bridge-error.js';
import { formatPath } from '../../errors/zod-issues.js';
import { type Policy, policySchema } from './policy.schema.js';

export interface PolicyIssue {
  /** `plans[1].responseMinutes.2`, or `(root)`. */
  path: string;
  message: string;
}

/** Every mistake of a policy document at once, each named by its path; empty when valid. */
export function policyIssues(value: unknown): PolicyIssue[] {
  const result = policySchema.safeParse(value, { reportInput: true });
  if (result.success) return [];
  return issuesOf(result.error.issues, '');
}

/**
 * Validates a policy document and fills in its defaults. Throws `policy_invalid` naming the
 * path of every mistake; `where` (a file name) prefixes the paths. The message is one line (for
 * logs and `doctor`); `details.heading` and `details.lines` list the mistakes one per line, as
 * the command line prints them (`policy check`, and any command that loads the file).
 */
export function parsePolicy(value: unknown, where = 'policy'): Policy {
  const result = policySchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const issues = issuesOf(result.error.issues, where);
  const lines = issues.map((issue) => `${issue.path}: ${issue.message}`);
  throw new BridgeError('policy_invalid', `invalid policy: ${lines.join('; ')}`, {
    details: {
      issues,
      heading: `${where} has ${issues.length} mistake${issues.length === 1 ? '' : 's'}:`,
      lines,
    },
  });
}

/** zod's issues in words a person fixing the file can act on. */
function issuesOf(issues: readonly z.core.$ZodIssue[], where: string): PolicyIssue[] {
  return issues.map((issue) => ({ path: formatPath(where, issue.path), message: messageOf(issue) }));
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
    return `unrecognized key${issue.keys.length === 1 ? '' : 's'} ${keys}: not a setting here (check the spelling against schemas/policy.schema.json)`;
  }
  // A required setting left out reads "missing", not "must be a number".
  if (issue.code === 'invalid_type' && issue.input === undefined) return `missing (${issue.message})`;
  return issue.message;
}
