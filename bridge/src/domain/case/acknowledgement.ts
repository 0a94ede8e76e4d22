import { STATUS_NEW, WITHDRAWING_STATUSES } from './case-record.js';
import type { FieldChange, FieldHistory } from './field-history.js';

export interface AcknowledgementRules {
  /** The bridge's own API user: its saves are never a person's. */
  bridgeUserId: string | null;
  /** The policy's integration users (a portal's REST user...). */
  integrationUsers: readonly string[];
}

/** A stretch of time during which a never-acknowledged case sat in Closed_Duplicate / Closed_Rejected. */
export interface WithdrawnPeriod {
  from: number;
  /** When it was reopened; null while it stays withdrawn. */
  to: number | null;
}

export interface Acknowledgement {
  /** Whole minute of the first save by a person that took the case out of New; null if none yet. */
  at: number | null;
  change: FieldChange | null;
  withdrawn: WithdrawnPeriod[];
}

/**
 * Whether a logged save is a person's: the web UI, or an API request by a user who is neither
 * the bridge nor one of the policy's integration users. Cron, workflow and import saves never
 * are; an API save with no user cannot be attributed to anyone and does not count.
 */
export function isPersonSave(change: FieldChange, rules: AcknowledgementRules): boolean {
  if (change.actor === 'person') return true;
  if (change.actor !== 'api' || change.userId === null) return false;
  return change.userId !== rules.bridgeUserId && !rules.integrationUsers.includes(change.userId);
}

/**
 * Acknowledgement and withdrawal from the status history (docs/sla-rules.md#acknowledgement):
 * - acknowledged at the first person's save that moves the case to a status other than New: a
 *   person creating the case directly in another open status acknowledges it at creation, and
 *   a case a workflow or portal created in another status is acknowledged by the first person
 *   who changes its status;
 * - a case closed as duplicate or rejected before any acknowledgement is withdrawn (no SLA),
 *   until someone reopens it.
 * The caller has checked that the history starts at creation (or in New).
 */
export function acknowledgement(status: FieldHistory, rules: AcknowledgementRules): Acknowledgement {
  const withdrawn: WithdrawnPeriod[] = [];
  let open: WithdrawnPeriod | null = null;
  for (const change of status.changes) {
    if (change.to !== null && WITHDRAWING_STATUSES.has(change.to)) {
      open ??= { from: change.at, to: null };
      continue;
    }
    if (open) {
      withdrawn.push({ from: open.from, to: change.at });
      open = null;
    }
    if (change.to !== null && change.to !== STATUS_NEW && isPersonSave(change, rules)) {
      return { at: change.at, change, withdrawn };
    }
  }
  if (open) withdrawn.push(open);
  return { at: null, change: null, withdrawn };
}
