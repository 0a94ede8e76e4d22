/**
 * Why a case pinned to a policy version the bridge's store no longer holds is not computed: its
 * clocks are measured against that version only (docs/sla-rules.md#decided-once), and only a
 * restatement moves it to another. English in every site language, as docs/problems.md says.
 */
export function pinnedPolicyMissingReason(version: string): string {
  return `policy version ${version} is not in the bridge’s store (restate the case)`;
}
