import { BridgeError } from '../../errors/bridge-error.js';
import { formatIssues, formatPath } from '../../errors/zod-issues.js';
import { type Policy, policySchema } from './policy.schema.js';

export interface PolicyIssue {
  /** `plans[1].responseMinutes.2`, or `(root)`. */
  path: string;
  message: string;
}

/** Every mistake of a policy document at once, each named by its path; empty when valid. */
export function policyIssues(value: unknown): PolicyIssue[] {
  const result = policySchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: formatPath('', issue.path), message: issue.message }));
}

/**
 * Validates a policy document and fills in its defaults. Throws `policy_invalid` naming the
 * path of every mistake; `where` (a file name) prefixes the paths.
 */
export function parsePolicy(value: unknown, where = 'policy'): Policy {
  const result = policySchema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues;
  throw new BridgeError('policy_invalid', `invalid policy: ${formatIssues(issues, where)}`, {
    details: {
      issues: issues.map((issue) => ({ path: formatPath(where, issue.path), message: issue.message })),
    },
  });
}
