import type { z } from 'zod';

/** Renders zod issues as `where.path[0].field: message; ...`, so every mistake names its field. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], where: string): string {
  return issues.map((issue) => `${formatPath(where, issue.path)}: ${issue.message}`).join('; ');
}

export function formatPath(where: string, path: readonly PropertyKey[]): string {
  let out = where;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}
